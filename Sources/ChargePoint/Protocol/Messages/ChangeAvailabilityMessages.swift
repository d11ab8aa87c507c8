/// ChangeAvailability (OCPP 1.6 §5.2; messages §6.7 and §6.8).

/// The ChangeAvailability.req payload.
public struct ChangeAvailabilityRequest: OCPPRequest {
    public var connectorId: Int
    public var type: AvailabilityType

    public init(connectorId: Int, type: AvailabilityType) {
        self.connectorId = connectorId
        self.type = type
    }
}

extension ChangeAvailabilityRequest {
    public typealias Response = ChangeAvailabilityResponse
    public static let action = Action.changeAvailability
}

/// The ChangeAvailability.conf payload.
public struct ChangeAvailabilityResponse: OCPPResponse {
    public var status: AvailabilityStatus

    public init(status: AvailabilityStatus) {
        self.status = status
    }
}

/// OCPP 1.6 §7.3: the answer to ChangeAvailability.
public enum AvailabilityStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case rejected = "Rejected"
    case scheduled = "Scheduled"
}

/// OCPP 1.6 §7.4: the availability requested by ChangeAvailability.
public enum AvailabilityType: String, OCPPEnumeration {
    case inoperative = "Inoperative"
    case operative = "Operative"
}
