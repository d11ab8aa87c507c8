/// SignedUpdateFirmware (OCPP 1.6 security whitepaper edition 3, use case L01; messages §5.21 and §5.22).

/// The SignedUpdateFirmware.req payload.
public struct SignedUpdateFirmwareRequest: OCPPRequest {
    public var retries: Int?
    public var retryInterval: Int?
    public var requestId: Int
    public var firmware: Firmware

    public init(retries: Int? = nil, retryInterval: Int? = nil, requestId: Int, firmware: Firmware) {
        self.retries = retries
        self.retryInterval = retryInterval
        self.requestId = requestId
        self.firmware = firmware
    }
}

extension SignedUpdateFirmwareRequest {
    public typealias Response = SignedUpdateFirmwareResponse
    public static let action = Action.signedUpdateFirmware
}

/// The SignedUpdateFirmware.conf payload.
public struct SignedUpdateFirmwareResponse: OCPPResponse {
    public var status: UpdateFirmwareStatus

    public init(status: UpdateFirmwareStatus) {
        self.status = status
    }
}

/// Security whitepaper §6.9 (FirmwareType): a signed firmware image.
public struct Firmware: Codable, Sendable, Hashable {
    public var location: BoundedString<Length512>
    public var retrieveDateTime: Timestamp
    public var installDateTime: Timestamp?
    public var signingCertificate: BoundedString<Length5500>
    public var signature: BoundedString<Length800>

    public init(
        location: BoundedString<Length512>, retrieveDateTime: Timestamp, installDateTime: Timestamp? = nil,
        signingCertificate: BoundedString<Length5500>, signature: BoundedString<Length800>
    ) {
        self.location = location
        self.retrieveDateTime = retrieveDateTime
        self.installDateTime = installDateTime
        self.signingCertificate = signingCertificate
        self.signature = signature
    }
}

/// Security whitepaper §6.18.
public enum UpdateFirmwareStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case rejected = "Rejected"
    case acceptedCanceled = "AcceptedCanceled"
    case invalidCertificate = "InvalidCertificate"
    case revokedCertificate = "RevokedCertificate"
}
