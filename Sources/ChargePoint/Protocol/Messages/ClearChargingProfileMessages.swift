/// ClearChargingProfile (OCPP 1.6 §5.5; messages §6.13 and §6.14).

/// The ClearChargingProfile.req payload.
public struct ClearChargingProfileRequest: OCPPRequest {
    public var id: Int?
    public var connectorId: Int?
    public var chargingProfilePurpose: ChargingProfilePurposeType?
    public var stackLevel: Int?

    public init(
        id: Int? = nil, connectorId: Int? = nil, chargingProfilePurpose: ChargingProfilePurposeType? = nil,
        stackLevel: Int? = nil
    ) {
        self.id = id
        self.connectorId = connectorId
        self.chargingProfilePurpose = chargingProfilePurpose
        self.stackLevel = stackLevel
    }
}

extension ClearChargingProfileRequest {
    public typealias Response = ClearChargingProfileResponse
    public static let action = Action.clearChargingProfile
}

/// The ClearChargingProfile.conf payload.
public struct ClearChargingProfileResponse: OCPPResponse {
    public var status: ClearChargingProfileStatus

    public init(status: ClearChargingProfileStatus) {
        self.status = status
    }
}

/// OCPP 1.6 §7.21.
public enum ClearChargingProfileStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case unknown = "Unknown"
}
