/// LogStatusNotification (OCPP 1.6 security whitepaper edition 3, use case N01; messages §5.13 and §5.14).

/// The LogStatusNotification.req payload.
public struct LogStatusNotificationRequest: OCPPRequest {
    public var status: UploadLogStatus
    public var requestId: Int?

    public init(status: UploadLogStatus, requestId: Int? = nil) {
        self.status = status
        self.requestId = requestId
    }
}

extension LogStatusNotificationRequest {
    public typealias Response = LogStatusNotificationResponse
    public static let action = Action.logStatusNotification
}

/// The LogStatusNotification.conf payload.
public struct LogStatusNotificationResponse: OCPPResponse {
    public init() {
    }
}

/// Security whitepaper §6.19.
public enum UploadLogStatus: String, OCPPEnumeration {
    case badMessage = "BadMessage"
    case idle = "Idle"
    case notSupportedOperation = "NotSupportedOperation"
    case permissionDenied = "PermissionDenied"
    case uploaded = "Uploaded"
    case uploadFailure = "UploadFailure"
    case uploading = "Uploading"
}
