/// DiagnosticsStatusNotification (OCPP 1.6 §4.4; messages §6.17 and §6.18).

/// The DiagnosticsStatusNotification.req payload.
public struct DiagnosticsStatusNotificationRequest: OCPPRequest {
    public var status: DiagnosticsStatus

    public init(status: DiagnosticsStatus) {
        self.status = status
    }
}

extension DiagnosticsStatusNotificationRequest {
    public typealias Response = DiagnosticsStatusNotificationResponse
    public static let action = Action.diagnosticsStatusNotification
}

/// The DiagnosticsStatusNotification.conf payload.
public struct DiagnosticsStatusNotificationResponse: OCPPResponse {
    public init() {
    }
}

/// OCPP 1.6 §7.24.
public enum DiagnosticsStatus: String, OCPPEnumeration {
    case idle = "Idle"
    case uploaded = "Uploaded"
    case uploadFailed = "UploadFailed"
    case uploading = "Uploading"
}
