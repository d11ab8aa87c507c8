/// SignedFirmwareStatusNotification (OCPP 1.6 security whitepaper edition 3, use case L01; messages §5.19 and §5.20).

/// The SignedFirmwareStatusNotification.req payload.
public struct SignedFirmwareStatusNotificationRequest: OCPPRequest {
    public var status: SignedFirmwareStatus
    public var requestId: Int?

    public init(status: SignedFirmwareStatus, requestId: Int? = nil) {
        self.status = status
        self.requestId = requestId
    }
}

extension SignedFirmwareStatusNotificationRequest {
    public typealias Response = SignedFirmwareStatusNotificationResponse
    public static let action = Action.signedFirmwareStatusNotification
}

/// The SignedFirmwareStatusNotification.conf payload.
public struct SignedFirmwareStatusNotificationResponse: OCPPResponse {
    public init() {
    }
}

/// Security whitepaper §6.8 (FirmwareStatusEnumType).
public enum SignedFirmwareStatus: String, OCPPEnumeration {
    case downloaded = "Downloaded"
    case downloadFailed = "DownloadFailed"
    case downloading = "Downloading"
    case downloadScheduled = "DownloadScheduled"
    case downloadPaused = "DownloadPaused"
    case idle = "Idle"
    case installationFailed = "InstallationFailed"
    case installing = "Installing"
    case installed = "Installed"
    case installRebooting = "InstallRebooting"
    case installScheduled = "InstallScheduled"
    case installVerificationFailed = "InstallVerificationFailed"
    case invalidSignature = "InvalidSignature"
    case signatureVerified = "SignatureVerified"
}
