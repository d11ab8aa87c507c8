/// The steps of the firmware update (OCPP 1.6 §5.19, §4.5, errata 3.47–3.49) and the
/// diagnostics upload (§5.9, §4.4, errata 3.31, 3.50), driven by their timers and by the
/// driver's transfer reports. Every phase is stored, so a power cut in any of them is
/// resumed (`resumeFileTransfers`): a transfer under way is tried again while tries are
/// left, else reported failed; nothing is silently forgotten.
extension StationCore {
    /// How long installing an image takes before the station reboots into it (s).
    static let installSeconds = 2

    var firmware: FirmwareUpdate? { transfers.firmware }
    var diagnostics: FileUpload? { transfers.uploads[.diagnostics] }

    // MARK: Firmware

    /// The first try begins at `retrieveDate` (§5.19: "as soon as possible after"), at
    /// once when that has passed.
    mutating func scheduleFirmwareTry() {
        guard let update = transfers.firmware, update.phase == .scheduled else { return }
        let delay = wallClock.milliseconds(until: update.retrieveDate)
        guard delay > 0 else { return firmwareTryDue() }
        schedule(.firmwareTry, at: now.adding(milliseconds: delay))
        transfers.shown[.firmware] = nil  // a new update: the last one's outcome goes
        showStatus(.firmware, "Scheduled", detail: nil, since: update.retrieveDate)
        // L01.FR.13: a signed update says it is scheduled.
        if let signed = update.signed { notifySigned(.downloadScheduled, signed) }
    }

    /// `retrieveDate` has come, or a retry is due: the next try begins.
    mutating func firmwareTryDue() {
        guard var update = transfers.firmware else { return }
        switch update.phase {
        case .scheduled, .waitingToRetry, .downloading: break
        default: return
        }
        guard update.attempts.begin() else { return firmwareDownloadFailed(update, reason: "no tries left") }
        if let refusal = unsupportedLocation(update.location) {
            return firmwareDownloadFailed(update, reason: refusal)
        }
        update.phase = .downloading
        setFirmware(update)
        let job = TransferJob(
            id: 0, purpose: .firmware, location: update.location, fileName: update.fileName, signature: update.signed)
        startTransfer(job, attempts: update.attempts)
        notifyFirmware(.downloading)
    }

    private mutating func firmwareDownloaded(_ image: FirmwareImage) {
        guard var update = transfers.firmware, update.phase == .downloading else { return }
        if let signed = update.signed {
            guard image.signatureValid == true else {
                // L01.FR.04–05: an image whose signature does not hold is not installed.
                notifyFirmware(.downloaded)
                notifySigned(.invalidSignature, signed)
                securityEvent(.invalidFirmwareSignature, update.fileName)
                reportError("firmware \(update.fileName): the signature does not hold; not installed")
                showStatus(.firmware, SignedFirmwareStatus.invalidSignature.rawValue, detail: "signature does not hold")
                setFirmware(nil)
                return
            }
            notifyFirmware(.downloaded)
            notifySigned(.signatureVerified, signed)
        }
        let version = image.version ?? TransferLocation.baseName(update.fileName)
        update.phase = .downloaded(version: version, installs: image.installs)
        update.verificationFails = image.verificationFails
        setFirmware(update)
        notice("firmware \(update.fileName) downloaded: version \(version)")
        showStatus(.firmware, FirmwareStatus.downloaded.rawValue, detail: "version \(version)")
        notifyFirmware(.downloaded)
        installFirmwareIfIdle()
    }

    private mutating func firmwareTryFailed(_ reason: String) {
        guard var update = transfers.firmware, update.phase == .downloading else { return }
        guard update.attempts.remaining > 0 else { return firmwareDownloadFailed(update, reason: reason) }
        update.phase = .waitingToRetry
        setFirmware(update)
        retryLater(.firmware, timer: .firmwareTry, reason: reason, attempts: update.attempts)
    }

    private mutating func firmwareDownloadFailed(_ update: FirmwareUpdate, reason: String) {
        reportError("firmware download of \(update.fileName) failed: \(reason)")
        showStatus(
            .firmware, FirmwareStatus.downloadFailed.rawValue, detail: reason, name: update.fileName,
            attempts: update.attempts)
        transfers.firmware = update  // the notification is the update's (signed or not)
        notifyFirmware(.downloadFailed)
        setFirmware(nil)
        refreshAllStatuses()
    }

    /// Installs a downloaded image once no transaction runs (errata 3.49); until then
    /// connectors without one are Unavailable (`FirmwareUpdate.holdsConnectors`).
    /// Checked after every input.
    mutating func installFirmwareIfIdle() {
        guard var update = transfers.firmware, case .downloaded(let version, let installs) = update.phase else {
            return
        }
        let running = transactions.running.count
        if running > 0 {
            if !transfers.waitSaid {
                transfers.waitSaid = true
                notice(
                    "firmware \(version) installs when no transaction runs (\(running) running now); idle connectors are Unavailable until then"
                )
                updateShown(.firmware) { $0.detail = "version \(version): installs when charging ends" }
                refreshAllStatuses()
            }
            return
        }
        transfers.waitSaid = false
        update.phase = .installing(version: version, installs: installs)
        setFirmware(update)
        notice("installing firmware \(version)")
        showStatus(.firmware, FirmwareStatus.installing.rawValue, detail: "version \(version)")
        notifyFirmware(.installing)
        // L01.FR.15: the station says it reboots to install, while the link still carries
        // it; an image that does not install (known from its download) brings no reboot.
        if installs, let signed = update.signed { notifySigned(.installRebooting, signed) }
        refreshAllStatuses()
        schedule(.firmwareInstall, afterSeconds: Self.installSeconds)
    }

    /// The installation is over: into the new version with a reboot, or, for an image
    /// that does not install, InstallationFailed with the old version kept and no
    /// reboot (so no reboot loop). An image whose installation does not verify is
    /// InstallVerificationFailed for a signed update (L01 FirmwareStatusEnumType), and
    /// InstallationFailed for an unsigned one (OCPP 1.6 §7.25 has no such status).
    mutating func firmwareInstallDue() {
        guard var update = transfers.firmware, case .installing(let version, let installs) = update.phase else {
            return
        }
        guard installs else {
            let verification = update.verificationFails == true
            let outcome = verification ? "did not pass its verification" : "did not install"
            reportError("firmware \(version) \(outcome): version \(installedFirmwareVersion ?? "unknown") kept")
            if verification, let signed = update.signed {
                showStatus(
                    .firmware, SignedFirmwareStatus.installVerificationFailed.rawValue,
                    detail: "version \(version) \(outcome)")
                transfers.firmwareStatusSent = .installationFailed
                notifySigned(.installVerificationFailed, signed)
            } else {
                showStatus(
                    .firmware, FirmwareStatus.installationFailed.rawValue, detail: "version \(version) \(outcome)")
                notifyFirmware(.installationFailed)
            }
            setFirmware(nil)
            refreshAllStatuses()
            return
        }
        firmwareVersion = version
        persist(.firmwareVersion(version))
        update.phase = .installed(version: version)
        setFirmware(update)
        reboot(reason: "firmware \(version) installed")
    }

    /// After a boot into a new image: Installed follows the BootNotification (§5.19:
    /// "first reboot … before sending the status: Installed").
    private mutating func firmwareBooted(version: String) {
        showStatus(.firmware, FirmwareStatus.installed.rawValue, detail: "version \(version)")
        transfers.firmwareStatusSent = nil
        notifyFirmware(.installed)  // before the update is forgotten: a signed one says so
        setFirmware(nil)
        notice("firmware \(version) is running")
        securityEvent(.firmwareUpdated, "version \(version)")
    }

    /// The status to the central system, once per update: FirmwareStatusNotification, or
    /// for a signed update SignedFirmwareStatusNotification with its requestId (L01).
    private mutating func notifyFirmware(_ status: FirmwareStatus) {
        guard transfers.firmwareStatusSent != status else { return }
        transfers.firmwareStatusSent = status
        if let signed = transfers.firmware?.signed {
            notifySigned(SignedFirmwareStatus(rawValue: status.rawValue) ?? .idle, signed)
        } else {
            enqueueCall(FirmwareStatusNotificationRequest(status: status), purpose: .notification)
        }
    }

    /// A status only signed updates have (SignatureVerified, InvalidSignature,
    /// InstallRebooting).
    private mutating func notifySigned(_ status: SignedFirmwareStatus, _ signed: SignedFirmware) {
        let request = SignedFirmwareStatusNotificationRequest(status: status, requestId: signed.requestId)
        transfers.lastSignedStatus = request
        enqueueCall(request, purpose: .notification)
    }

    private mutating func setFirmware(_ update: FirmwareUpdate?) {
        transfers.firmware = update
        persist(.firmwareUpdate(update))
    }

    /// The version the station runs: the last installed, else the profile's.
    var installedFirmwareVersion: String? { firmwareVersion ?? profile.identity.firmwareVersion?.value }

    // MARK: Reports, power-on, reboot

    mutating func transferReported(_ report: TransferReport) {
        guard let purpose = transfers.purpose(of: report.id) else { return }
        switch report {
        case .progress(_, let bytes, let total):
            updateShown(purpose) {
                $0.bytes = bytes
                $0.total = total
            }
            return
        case .downloaded, .uploaded, .failed:
            transfers.running[purpose] = nil
        }
        switch (purpose, report) {
        case (.firmware, .downloaded(_, let image)): firmwareDownloaded(image)
        case (.firmware, .failed(_, let reason)): firmwareTryFailed(reason)
        case (.diagnostics, .uploaded), (.log, .uploaded): uploadDone(purpose)
        case (.diagnostics, .failed(_, let reason)), (.log, .failed(_, let reason)): uploadTryFailed(purpose, reason)
        default: reportError("internal: a \(purpose.rawValue) transfer reported \(report)")
        }
    }

    /// After a start or a reboot: every stored phase carries on.
    mutating func resumeFileTransfers() {
        resumeFirmwareUpdate()
        resumeUpload(.diagnostics)
        resumeUpload(.log)
    }

    private mutating func resumeFirmwareUpdate() {
        if var update = transfers.firmware {
            switch update.phase {
            case .scheduled:
                scheduleFirmwareTry()
            case .waitingToRetry:
                schedule(.firmwareTry, afterSeconds: update.attempts.interval)
            case .downloading where transfers.running[.firmware] == nil:
                let reason = "interrupted by a restart or power cut"
                guard update.attempts.remaining > 0 else { return firmwareDownloadFailed(update, reason: reason) }
                notice("the firmware download of \(update.fileName) was \(reason): \(Self.tries(update.attempts))")
                update.phase = .waitingToRetry
                setFirmware(update)
                firmwareTryDue()
            case .downloading:
                break
            case .downloaded:
                installFirmwareIfIdle()
            case .installing:
                // Cut while installing: the installation starts over.
                schedule(.firmwareInstall, afterSeconds: Self.installSeconds)
            case .installed(let version):
                firmwareBooted(version: version)
            }
        }
    }

    /// A reboot stops the transfers under way; `resumeFileTransfers` starts them again.
    mutating func stopTransfersForReboot() {
        abandonTransfer(.firmware)
        abandonTransfer(.diagnostics)
        abandonTransfer(.log)
    }

    mutating func abandonTransfer(_ purpose: TransferPurpose) {
        guard let id = transfers.running.removeValue(forKey: purpose) else { return }
        effects.transfers.append(.cancel(id: id))
    }

    // MARK: Helpers

    /// Why `location` cannot be used: a scheme outside SupportedFileTransferProtocols
    /// (§9.4 with errata 3.90).
    func unsupportedLocation(_ location: String) -> String? {
        let offered = config.list(.supportedFileTransferProtocols).map { $0.uppercased() }
        guard let scheme = TransferLocation.scheme(of: location) else {
            return "the location \(TransferLocation.redacted(location)) is not a URL"
        }
        guard offered.contains(scheme.uppercased()) else {
            return "\(scheme) is not in SupportedFileTransferProtocols (\(offered.joined(separator: ",")))"
        }
        return nil
    }

    mutating func startTransfer(_ job: TransferJob, attempts: TransferAttempts) {
        var job = job
        job.id = transfers.begin(job.purpose)
        effects.transfers.append(.start(job))
        let status =
            job.purpose == .firmware ? FirmwareStatus.downloading.rawValue : DiagnosticsStatus.uploading.rawValue
        transfers.shown[job.purpose] = TransferState(
            purpose: job.purpose, status: status, fileName: job.fileName, attempt: attempts.made,
            attempts: attempts.limit, since: wallClock, requestId: transfers.uploads[job.purpose]?.log?.requestId)
        emit(.transfer(transfers.shown[job.purpose]!))
    }

    /// A try failed and another is left: it begins after `TransferAttempts.interval`.
    mutating func retryLater(
        _ purpose: TransferPurpose, timer: TimerID, reason: String, attempts: TransferAttempts
    ) {
        schedule(timer, afterSeconds: attempts.interval)
        let next = wallClock.adding(seconds: attempts.interval)
        notice(
            "\(Self.describe(purpose)) try \(attempts.made) of \(attempts.limit) failed: \(reason); next try in \(attempts.interval) s"
        )
        updateShown(purpose) {
            $0.status = "Waiting"
            $0.detail = reason
            $0.since = next
        }
    }

    /// "firmware download", "diagnostics upload", "log upload".
    static func describe(_ purpose: TransferPurpose) -> String {
        switch purpose {
        case .firmware: "firmware download"
        case .diagnostics: "diagnostics upload"
        case .log: "log upload"
        }
    }

    /// "1 try left", "2 tries left".
    static func tries(_ attempts: TransferAttempts) -> String {
        "\(attempts.remaining) \(attempts.remaining == 1 ? "try" : "tries") left"
    }

    /// A new status for the operator; after a restart, when nothing was shown yet, the
    /// transfer's line is made from `name` and `attempts`.
    mutating func showStatus(
        _ purpose: TransferPurpose, _ status: String, detail: String?, name: String? = nil,
        attempts: TransferAttempts? = nil, since: Timestamp? = nil
    ) {
        let record =
            purpose == .firmware
            ? firmware.map { ($0.fileName, $0.attempts) }
            : transfers.uploads[purpose].map { ($0.fileName, $0.attempts) }
        // A new file (a GetLog after a canceled one) gets a line of its own.
        if let name = name ?? record?.0, transfers.shown[purpose]?.fileName != name {
            let attempts = attempts ?? record?.1
            transfers.shown[purpose] = TransferState(
                purpose: purpose, status: status, fileName: name, attempt: attempts?.made ?? 0,
                attempts: attempts?.limit ?? 0,
                requestId: purpose == .firmware ? nil : transfers.uploads[purpose]?.log?.requestId)
        }
        updateShown(purpose) {
            $0.status = status
            $0.detail = detail
            if let since { $0.since = since }
        }
    }

    private mutating func updateShown(_ purpose: TransferPurpose, _ change: (inout TransferState) -> Void) {
        guard var state = transfers.shown[purpose] else { return }
        change(&state)
        transfers.shown[purpose] = state
        emit(.transfer(state))
    }
}
