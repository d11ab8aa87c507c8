/// SecurityEventNotification (OCPP 1.6 security whitepaper edition 3, use case A04; messages §5.15 and §5.16).

/// The SecurityEventNotification.req payload.
public struct SecurityEventNotificationRequest: OCPPRequest {
    public var type: CiString50
    public var timestamp: Timestamp
    public var techInfo: CiString255?

    public init(type: CiString50, timestamp: Timestamp, techInfo: CiString255? = nil) {
        self.type = type
        self.timestamp = timestamp
        self.techInfo = techInfo
    }
}

extension SecurityEventNotificationRequest {
    public typealias Response = SecurityEventNotificationResponse
    public static let action = Action.securityEventNotification
}

/// The SecurityEventNotification.conf payload.
public struct SecurityEventNotificationResponse: OCPPResponse {
    public init() {
    }
}
