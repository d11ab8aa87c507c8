/// The steps of an upload: the diagnostics file of GetDiagnostics (OCPP 1.6 §5.9, §4.4,
/// errata 3.31, 3.50) and a log of GetLog (security whitepaper N01). They differ only in
/// what they notify: DiagnosticsStatusNotification, or LogStatusNotification with the
/// GetLog's requestId (N01.FR.07–10).
extension StationCore {
    enum UploadPhase { case uploading, uploaded, failed }

    /// A try of the upload begins (at once, or when a retry is due).
    mutating func beginUploadTry(_ purpose: TransferPurpose) {
        guard var upload = transfers.uploads[purpose], !upload.uploading else { return }
        guard upload.attempts.begin() else { return uploadFailed(purpose, upload, reason: "no tries left") }
        if let refusal = unsupportedLocation(upload.location) {
            // N01.FR.10: as precise as the log's statuses allow.
            let status: UploadLogStatus =
                TransferLocation.scheme(of: upload.location) == nil ? .badMessage : .notSupportedOperation
            return uploadFailed(purpose, upload, reason: refusal, logStatus: status)
        }
        setUpload(purpose, upload, uploading: true)
        let job = TransferJob(
            id: 0, purpose: purpose, location: upload.location, fileName: upload.fileName,
            startTime: upload.startTime, stopTime: upload.stopTime, logType: upload.log?.logType)
        startTransfer(job, attempts: upload.attempts)
        if upload.attempts.made == 1 { notifyUpload(upload, .uploading) }
    }

    mutating func uploadDone(_ purpose: TransferPurpose) {
        guard let upload = transfers.uploads[purpose], upload.uploading else { return }
        setUpload(purpose, nil)
        notice("\(upload.fileName) uploaded to \(TransferLocation.redacted(upload.location))")
        showStatus(purpose, Self.status(upload, .uploaded), detail: nil)
        notifyUpload(upload, .uploaded)
    }

    mutating func uploadTryFailed(_ purpose: TransferPurpose, _ reason: String) {
        guard let upload = transfers.uploads[purpose], upload.uploading else { return }
        guard upload.attempts.remaining > 0 else { return uploadFailed(purpose, upload, reason: reason) }
        setUpload(purpose, upload, uploading: false)
        retryLater(purpose, timer: .uploadTry(purpose), reason: reason, attempts: upload.attempts)
    }

    private mutating func uploadFailed(
        _ purpose: TransferPurpose, _ upload: FileUpload, reason: String, logStatus: UploadLogStatus = .uploadFailure
    ) {
        reportError("\(Self.describe(purpose)) of \(upload.fileName) failed: \(reason)")
        endUnsent(purpose, upload, reason: reason, logStatus: logStatus)
    }

    /// The upload is over without its file sent: forgotten, shown and notified as failed.
    private mutating func endUnsent(
        _ purpose: TransferPurpose, _ upload: FileUpload, reason: String, logStatus: UploadLogStatus = .uploadFailure
    ) {
        showStatus(
            purpose, Self.status(upload, .failed), detail: reason, name: upload.fileName, attempts: upload.attempts)
        setUpload(purpose, nil)
        notifyUpload(upload, .failed, logStatus: logStatus)
    }

    /// The upload is canceled (N01.FR.11: a new GetLog). The whitepaper gives the
    /// canceled request no status of its own — its UploadLogStatusEnumType has no
    /// AcceptedCanceled, which OCPP 2.0.1 added for this — but its file was not uploaded,
    /// and every notification of an upload carries its requestId (N01.FR.07): so it ends
    /// as a failed upload does (N01.FR.10, UploadFailure), and a central system waiting
    /// on that requestId is not left with Uploading for ever. Its next try, if it was
    /// waiting for one, never comes.
    mutating func uploadCanceled(_ purpose: TransferPurpose, reason: String) {
        guard let upload = transfers.uploads[purpose] else { return }
        abandonTransfer(purpose)
        cancel(.uploadTry(purpose))
        notice("the \(Self.describe(purpose)) of \(upload.fileName) is \(reason)")
        endUnsent(purpose, upload, reason: reason)
    }

    /// After a start or a reboot: an upload that was under way is tried again while
    /// tries are left, else reported failed; one waiting for its retry waits on.
    mutating func resumeUpload(_ purpose: TransferPurpose) {
        guard let upload = transfers.uploads[purpose] else { return }
        guard upload.uploading else { return schedule(.uploadTry(purpose), afterSeconds: upload.attempts.interval) }
        guard transfers.running[purpose] == nil else { return }
        let reason = "interrupted by a restart or power cut"
        guard upload.attempts.remaining > 0 else { return uploadFailed(purpose, upload, reason: reason) }
        notice("the \(Self.describe(purpose)) of \(upload.fileName) was \(reason): \(Self.tries(upload.attempts))")
        setUpload(purpose, upload, uploading: false)
        beginUploadTry(purpose)
    }

    private mutating func setUpload(_ purpose: TransferPurpose, _ upload: FileUpload?, uploading: Bool? = nil) {
        var upload = upload
        if let uploading { upload?.uploading = uploading }
        transfers.uploads[purpose] = upload
        persist(purpose == .log ? .logUpload(upload) : .diagnosticsUpload(upload))
    }

    private mutating func notifyUpload(
        _ upload: FileUpload, _ phase: UploadPhase, logStatus failure: UploadLogStatus = .uploadFailure
    ) {
        if let log = upload.log {
            let status: UploadLogStatus =
                switch phase {
                case .uploading: .uploading
                case .uploaded: .uploaded
                case .failed: failure
                }
            enqueueCall(LogStatusNotificationRequest(status: status, requestId: log.requestId), purpose: .notification)
        } else {
            let status: DiagnosticsStatus =
                switch phase {
                case .uploading: .uploading
                case .uploaded: .uploaded
                case .failed: .uploadFailed
                }
            enqueueCall(DiagnosticsStatusNotificationRequest(status: status), purpose: .notification)
        }
    }

    /// The status word shown for an upload in `phase`: the OCPP one it notifies.
    static func status(_ upload: FileUpload, _ phase: UploadPhase) -> String {
        switch (upload.log == nil, phase) {
        case (_, .uploading): "Uploading"
        case (_, .uploaded): "Uploaded"
        case (true, .failed): DiagnosticsStatus.uploadFailed.rawValue
        case (false, .failed): UploadLogStatus.uploadFailure.rawValue
        }
    }
}
