/// RemoteStopTransaction (OCPP 1.6 §5.12, errata 3.33): Accepted when a transaction
/// with that id is running here, which then stops as if locally, with reason Remote.
/// Not while Pending.
extension StationCore {
    mutating func remoteStopTransaction(_ request: RemoteStopTransactionRequest) -> RemoteStopTransactionResponse {
        guard registration.isAccepted,
            let transaction = transactions.running.first(where: { $0.transactionId == request.transactionId })
        else {
            notice(
                "RemoteStopTransaction for transaction \(request.transactionId) refused: no such transaction running")
            return RemoteStopTransactionResponse(status: .rejected)
        }
        stopTransaction(connector: transaction.connector, reason: .remote, idTag: nil)
        return RemoteStopTransactionResponse(status: .accepted)
    }
}
