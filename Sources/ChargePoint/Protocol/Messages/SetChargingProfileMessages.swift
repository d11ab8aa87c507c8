/// SetChargingProfile (OCPP 1.6 §5.16; messages §6.43 and §6.44).

/// The SetChargingProfile.req payload.
public struct SetChargingProfileRequest: OCPPRequest {
    public var connectorId: Int
    public var csChargingProfiles: ChargingProfile

    public init(connectorId: Int, csChargingProfiles: ChargingProfile) {
        self.connectorId = connectorId
        self.csChargingProfiles = csChargingProfiles
    }
}

extension SetChargingProfileRequest {
    public typealias Response = SetChargingProfileResponse
    public static let action = Action.setChargingProfile
}

/// The SetChargingProfile.conf payload.
public struct SetChargingProfileResponse: OCPPResponse {
    public var status: ChargingProfileStatus

    public init(status: ChargingProfileStatus) {
        self.status = status
    }
}

/// OCPP 1.6 §7.11: the answer to SetChargingProfile.
public enum ChargingProfileStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case rejected = "Rejected"
    case notSupported = "NotSupported"
}
