/// GetLog (OCPP 1.6 security whitepaper edition 3, use case N01; messages §5.9 and §5.10).

/// The GetLog.req payload.
public struct GetLogRequest: OCPPRequest {
    public var log: LogParameters
    public var logType: LogType
    public var requestId: Int
    public var retries: Int?
    public var retryInterval: Int?

    public init(log: LogParameters, logType: LogType, requestId: Int, retries: Int? = nil, retryInterval: Int? = nil) {
        self.log = log
        self.logType = logType
        self.requestId = requestId
        self.retries = retries
        self.retryInterval = retryInterval
    }
}

extension GetLogRequest {
    public typealias Response = GetLogResponse
    public static let action = Action.getLog
}

/// The GetLog.conf payload.
public struct GetLogResponse: OCPPResponse {
    public var status: LogStatus
    public var filename: CiString255?

    public init(status: LogStatus, filename: CiString255? = nil) {
        self.status = status
        self.filename = filename
    }
}

/// Security whitepaper §6.14 (LogParametersType).
public struct LogParameters: Codable, Sendable, Hashable {
    public var remoteLocation: BoundedString<Length512>
    public var oldestTimestamp: Timestamp?
    public var latestTimestamp: Timestamp?

    public init(
        remoteLocation: BoundedString<Length512>, oldestTimestamp: Timestamp? = nil, latestTimestamp: Timestamp? = nil
    ) {
        self.remoteLocation = remoteLocation
        self.oldestTimestamp = oldestTimestamp
        self.latestTimestamp = latestTimestamp
    }
}

/// Security whitepaper §6.15.
public enum LogStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case rejected = "Rejected"
    case acceptedCanceled = "AcceptedCanceled"
}

/// Security whitepaper §6.13 (LogEnumType).
public enum LogType: String, OCPPEnumeration {
    case diagnosticsLog = "DiagnosticsLog"
    case securityLog = "SecurityLog"
}
