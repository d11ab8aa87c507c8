/// FirmwareStatusNotification (OCPP 1.6 §4.5; messages §6.19 and §6.20).

/// The FirmwareStatusNotification.req payload.
public struct FirmwareStatusNotificationRequest: OCPPRequest {
    public var status: FirmwareStatus

    public init(status: FirmwareStatus) {
        self.status = status
    }
}

extension FirmwareStatusNotificationRequest {
    public typealias Response = FirmwareStatusNotificationResponse
    public static let action = Action.firmwareStatusNotification
}

/// The FirmwareStatusNotification.conf payload.
public struct FirmwareStatusNotificationResponse: OCPPResponse {
    public init() {
    }
}

/// OCPP 1.6 §7.25.
public enum FirmwareStatus: String, OCPPEnumeration {
    case downloaded = "Downloaded"
    case downloadFailed = "DownloadFailed"
    case downloading = "Downloading"
    case idle = "Idle"
    case installationFailed = "InstallationFailed"
    case installing = "Installing"
    case installed = "Installed"
}
