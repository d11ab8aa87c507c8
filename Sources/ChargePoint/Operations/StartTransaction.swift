/// StartTransaction (OCPP 1.6 §4.8, errata 3.17, 3.18, 3.54).
///
/// Sent (queued, in order) when a session starts, see `startTransaction`. The answer
/// gives the transaction its id, updates the authorization cache, and may refuse the
/// idTag, which ends energy delivery (`deauthorize`).
extension StationCore {
    mutating func startTransactionAnswered(transaction number: Int64, _ response: StartTransactionResponse) {
        guard let record = transactions.answered(number: number, response) else { return }
        let accepted = response.idTagInfo.status == .accepted
        persist(.transaction(record))
        remember(record.idTag, response.idTagInfo)
        emit(
            .transaction(
                TransactionEvent(
                    kind: .updated, connector: record.connector, transactionId: response.transactionId,
                    idTag: record.idTag.value)))
        guard !accepted else { return }
        notice(
            "the central system answered \(response.idTagInfo.status.rawValue) for \(record.idTag) "
                + "(transaction \(response.transactionId))")
        if record.isActive, let index = index(of: record.connector) {
            deauthorize(index, transaction: record)
        }
    }
}
