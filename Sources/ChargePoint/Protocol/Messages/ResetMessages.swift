/// Reset (OCPP 1.6 §5.14; messages §6.39 and §6.40).

/// The Reset.req payload.
public struct ResetRequest: OCPPRequest {
    public var type: ResetType

    public init(type: ResetType) {
        self.type = type
    }
}

extension ResetRequest {
    public typealias Response = ResetResponse
    public static let action = Action.reset
}

/// The Reset.conf payload.
public struct ResetResponse: OCPPResponse {
    public var status: ResetStatus

    public init(status: ResetStatus) {
        self.status = status
    }
}

/// OCPP 1.6 §7.41.
public enum ResetStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case rejected = "Rejected"
}

/// OCPP 1.6 §7.42.
public enum ResetType: String, OCPPEnumeration {
    case hard = "Hard"
    case soft = "Soft"
}
