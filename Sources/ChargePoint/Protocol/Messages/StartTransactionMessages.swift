/// StartTransaction (OCPP 1.6 §4.8; messages §6.45 and §6.46).

/// The StartTransaction.req payload.
public struct StartTransactionRequest: OCPPRequest {
    public var connectorId: Int
    public var idTag: CiString20
    public var meterStart: Int
    public var reservationId: Int?
    public var timestamp: Timestamp

    public init(connectorId: Int, idTag: CiString20, meterStart: Int, reservationId: Int? = nil, timestamp: Timestamp) {
        self.connectorId = connectorId
        self.idTag = idTag
        self.meterStart = meterStart
        self.reservationId = reservationId
        self.timestamp = timestamp
    }
}

extension StartTransactionRequest {
    public typealias Response = StartTransactionResponse
    public static let action = Action.startTransaction
}

/// The StartTransaction.conf payload.
public struct StartTransactionResponse: OCPPResponse {
    public var idTagInfo: IdTagInfo
    public var transactionId: Int

    public init(idTagInfo: IdTagInfo, transactionId: Int) {
        self.idTagInfo = idTagInfo
        self.transactionId = transactionId
    }
}
