/// StatusNotification (OCPP 1.6 §4.9; messages §6.47 and §6.48).

/// The StatusNotification.req payload.
public struct StatusNotificationRequest: OCPPRequest {
    public var connectorId: Int
    public var errorCode: ChargePointErrorCode
    public var info: CiString50?
    public var status: ChargePointStatus
    public var timestamp: Timestamp?
    public var vendorId: CiString255?
    public var vendorErrorCode: CiString50?

    public init(
        connectorId: Int, errorCode: ChargePointErrorCode, info: CiString50? = nil, status: ChargePointStatus,
        timestamp: Timestamp? = nil, vendorId: CiString255? = nil, vendorErrorCode: CiString50? = nil
    ) {
        self.connectorId = connectorId
        self.errorCode = errorCode
        self.info = info
        self.status = status
        self.timestamp = timestamp
        self.vendorId = vendorId
        self.vendorErrorCode = vendorErrorCode
    }
}

extension StatusNotificationRequest {
    public typealias Response = StatusNotificationResponse
    public static let action = Action.statusNotification
}

/// The StatusNotification.conf payload.
public struct StatusNotificationResponse: OCPPResponse {
    public init() {
    }
}
