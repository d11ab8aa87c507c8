/// GetLog.req (security whitepaper N01): answered at once with the file name; the
/// diagnostics log or the security log is then uploaded (`UploadSteps`). A GetLog
/// while a log upload runs cancels it and is answered AcceptedCanceled (N01.FR.11); the
/// canceled upload ends with UploadFailure (`uploadCanceled`).
extension StationCore {
    mutating func getLog(_ request: GetLogRequest) -> GetLogResponse {
        let canceling = transfers.uploads[.log] != nil
        if canceling { uploadCanceled(.log, reason: "canceled by a new GetLog (N01.FR.11)") }
        let kind = request.logType == .securityLog ? "security-log" : "diagnostics-log"
        let name = Self.uploadFileName(kind, at: wallClock)
        transfers.uploads[.log] = FileUpload(request, fileName: name)
        beginUploadTry(.log)
        return GetLogResponse(
            status: canceling ? .acceptedCanceled : .accepted, filename: CiString255(truncating: name))
    }

    /// What a triggered LogStatusNotification says (N01.FR.12): Uploading with the
    /// upload's requestId, or Idle without one.
    var logStatusNotification: LogStatusNotificationRequest {
        guard let upload = transfers.uploads[.log], let log = upload.log else {
            return LogStatusNotificationRequest(status: .idle)
        }
        return LogStatusNotificationRequest(status: .uploading, requestId: log.requestId)
    }
}
