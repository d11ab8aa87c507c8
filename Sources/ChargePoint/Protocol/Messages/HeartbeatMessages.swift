/// Heartbeat (OCPP 1.6 §4.6; messages §6.29 and §6.30).

/// The Heartbeat.req payload.
public struct HeartbeatRequest: OCPPRequest {
    public init() {
    }
}

extension HeartbeatRequest {
    public typealias Response = HeartbeatResponse
    public static let action = Action.heartbeat
}

/// The Heartbeat.conf payload.
public struct HeartbeatResponse: OCPPResponse {
    public var currentTime: Timestamp

    public init(currentTime: Timestamp) {
        self.currentTime = currentTime
    }
}
