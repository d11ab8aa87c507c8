/// RemoteStopTransaction (OCPP 1.6 §5.12; messages §6.35 and §6.36).

/// The RemoteStopTransaction.req payload.
public struct RemoteStopTransactionRequest: OCPPRequest {
    public var transactionId: Int

    public init(transactionId: Int) {
        self.transactionId = transactionId
    }
}

extension RemoteStopTransactionRequest {
    public typealias Response = RemoteStopTransactionResponse
    public static let action = Action.remoteStopTransaction
}

/// The RemoteStopTransaction.conf payload.
public struct RemoteStopTransactionResponse: OCPPResponse {
    public var status: RemoteStartStopStatus

    public init(status: RemoteStartStopStatus) {
        self.status = status
    }
}
