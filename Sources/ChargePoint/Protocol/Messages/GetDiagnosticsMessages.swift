/// GetDiagnostics (OCPP 1.6 §5.9; messages §6.25 and §6.26).

/// The GetDiagnostics.req payload.
public struct GetDiagnosticsRequest: OCPPRequest {
    public var location: String
    public var retries: Int?
    public var retryInterval: Int?
    public var startTime: Timestamp?
    public var stopTime: Timestamp?

    public init(
        location: String, retries: Int? = nil, retryInterval: Int? = nil, startTime: Timestamp? = nil,
        stopTime: Timestamp? = nil
    ) {
        self.location = location
        self.retries = retries
        self.retryInterval = retryInterval
        self.startTime = startTime
        self.stopTime = stopTime
    }
}

extension GetDiagnosticsRequest {
    public typealias Response = GetDiagnosticsResponse
    public static let action = Action.getDiagnostics
}

/// The GetDiagnostics.conf payload.
public struct GetDiagnosticsResponse: OCPPResponse {
    public var fileName: CiString255?

    public init(fileName: CiString255? = nil) {
        self.fileName = fileName
    }
}
