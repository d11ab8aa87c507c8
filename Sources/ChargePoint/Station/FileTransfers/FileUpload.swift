/// An upload in progress, as stored: the diagnostics file of GetDiagnostics.req (OCPP
/// 1.6 §5.9, errata 3.31) or a log of GetLog.req (security whitepaper N01).
public struct FileUpload: Sendable, Codable, Equatable {
    /// What GetLog.req asked for; nil for GetDiagnostics.
    public struct LogRequest: Sendable, Codable, Equatable {
        public var logType: LogType
        /// Every LogStatusNotification of this upload carries it (N01.FR.07).
        public var requestId: Int
    }

    public var location: String
    /// The name the answer gave.
    public var fileName: String
    /// The period the file covers (§6.25; N01 oldestTimestamp, latestTimestamp), wall
    /// clock.
    public var startTime: Timestamp?
    public var stopTime: Timestamp?
    public var attempts: TransferAttempts
    /// False between a failed try and the next.
    public var uploading: Bool
    public var log: LogRequest?

    public init(_ request: GetDiagnosticsRequest, fileName: String) {
        location = request.location
        self.fileName = fileName
        startTime = request.startTime
        stopTime = request.stopTime
        attempts = TransferAttempts(retries: request.retries, retryInterval: request.retryInterval)
        uploading = false
    }

    public init(_ request: GetLogRequest, fileName: String) {
        location = request.log.remoteLocation.value
        self.fileName = fileName
        startTime = request.log.oldestTimestamp
        stopTime = request.log.latestTimestamp
        attempts = TransferAttempts(retries: request.retries, retryInterval: request.retryInterval)
        uploading = false
        log = LogRequest(logType: request.logType, requestId: request.requestId)
    }
}
