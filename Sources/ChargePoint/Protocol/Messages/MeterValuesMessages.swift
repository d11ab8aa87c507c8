/// MeterValues (OCPP 1.6 §4.7; messages §6.31 and §6.32).

/// The MeterValues.req payload.
public struct MeterValuesRequest: OCPPRequest {
    public var connectorId: Int
    public var transactionId: Int?
    public var meterValue: NonEmptyArray<MeterValue>

    public init(connectorId: Int, transactionId: Int? = nil, meterValue: NonEmptyArray<MeterValue>) {
        self.connectorId = connectorId
        self.transactionId = transactionId
        self.meterValue = meterValue
    }
}

extension MeterValuesRequest {
    public typealias Response = MeterValuesResponse
    public static let action = Action.meterValues
}

/// The MeterValues.conf payload.
public struct MeterValuesResponse: OCPPResponse {
    public init() {
    }
}
