import ChargePoint
import Testing

/// UpdateFirmware (OCPP 1.6 §5.19, §4.5, §6.55, errata 3.47–3.49) with the harness
/// playing the file server: the station asks for transfers, the test reports on them.
@Suite("Firmware update (OCPP 1.6 §5.19)")
struct FirmwareUpdateTests {
    static let location = "ftp://user:secret@files.example/images/fw-2.0.bin"

    static func station() throws -> StationHarness {
        try StationHarness.booted(
            profile: TestProfiles.everything, configuration: ["SupportedFileTransferProtocols": "FTP,HTTP,HTTPS"])
    }

    static func request(
        _ location: String = location, in seconds: Int = 60, retries: Int? = 1, retryInterval: Int? = 10
    ) -> UpdateFirmwareRequest {
        UpdateFirmwareRequest(
            location: location, retries: retries, retrieveDate: StationHarness.start.adding(seconds: seconds),
            retryInterval: retryInterval)
    }

    static func statuses(_ station: StationHarness) -> [FirmwareStatus] {
        station.sentRequests(FirmwareStatusNotificationRequest.self).map(\.status)
    }

    /// The one transfer running, after the test checked there is exactly one.
    static func running(_ station: StationHarness) throws -> TransferJob {
        try #require(station.runningTransfers.count == 1, "\(station.runningTransfers)")
        return station.runningTransfers[0]
    }

    @Test("TC_044_1: Downloading, Downloaded, Installing, a reboot into the new version, Installed")
    func downloadInstallReboot() throws {
        var station = try Self.station()
        #expect(station.csmsRequest(Self.request()) != nil)
        station.advance(seconds: 59)
        #expect(station.runningTransfers.isEmpty, "nothing before retrieveDate")
        station.advance(seconds: 1)
        let job = try Self.running(station)
        #expect(job.purpose == .firmware && job.location == Self.location && job.fileName == "fw-2.0.bin")
        #expect(Self.statuses(station) == [.downloading])
        station.reportTransfer(.progress(id: job.id, bytes: 512, total: 1024))
        #expect(station.core.snapshot.firmwareTransfer?.bytes == 512)
        station.reportTransfer(.downloaded(id: job.id, FirmwareImage(version: "2.0.7")))
        #expect(Self.statuses(station) == [.downloading, .downloaded, .installing])
        let boots = station.sentCalls(.bootNotification).count
        station.advance(seconds: 30)
        let boot = try #require(station.sentRequests(BootNotificationRequest.self).dropFirst(boots).first)
        #expect(boot.firmwareVersion?.value == "2.0.7")
        #expect(Self.statuses(station) == [.downloading, .downloaded, .installing, .installed])
        let actions = station.sentActions
        let bootIndex = try #require(actions.lastIndex(of: "BootNotification"))
        #expect(actions.lastIndex(of: "FirmwareStatusNotification")! > bootIndex, "Installed follows the boot")
        #expect(station.store.firmwareVersion == "2.0.7")
        #expect(station.store.firmwareUpdate == nil)
        #expect(station.core.snapshot.firmwareVersion == "2.0.7")
    }

    @Test("DESIGN.md: an image without a firmwareVersion line is named by its file")
    func versionFromFileName() throws {
        var station = try Self.station()
        _ = station.csmsRequest(Self.request("http://files.example/fw-3.1.bin", in: 0))
        let job = try Self.running(station)
        station.reportTransfer(.downloaded(id: job.id, FirmwareImage()))
        station.advance(seconds: 30)
        #expect(station.store.firmwareVersion == "fw-3.1")
    }

    @Test("TC_044_2: every try fails: one Downloading, retries after retryInterval, then DownloadFailed")
    func downloadFailsAfterRetries() throws {
        var station = try Self.station()
        _ = station.csmsRequest(Self.request(in: 0, retries: 2, retryInterval: 10))
        for attempt in 1...3 {
            let job = try Self.running(station)
            #expect(station.core.snapshot.firmwareTransfer?.attempt == attempt)
            station.reportTransfer(.failed(id: job.id, reason: "HTTP 404 Not Found"))
            if attempt < 3 {
                #expect(Self.statuses(station) == [.downloading])
                station.advance(seconds: 9)
                #expect(station.runningTransfers.isEmpty, "retryInterval not over")
                station.advance(seconds: 1)
            }
        }
        #expect(Self.statuses(station) == [.downloading, .downloadFailed])
        #expect(station.store.firmwareUpdate == nil)
        #expect(station.core.snapshot.firmwareTransfer?.detail == "HTTP 404 Not Found")
    }

    @Test("TC_044_3: an image that does not install: InstallationFailed, old version kept, no reboot")
    func installationFails() throws {
        var station = try Self.station()
        _ = station.csmsRequest(Self.request(in: 0))
        let boots = station.sentCalls(.bootNotification).count
        station.reportTransfer(.downloaded(id: try Self.running(station).id, FirmwareImage(installs: false)))
        station.advance(seconds: 60)
        #expect(Self.statuses(station) == [.downloading, .downloaded, .installing, .installationFailed])
        #expect(station.sentCalls(.bootNotification).count == boots, "no reboot")
        #expect(station.store.firmwareVersion == nil)
        #expect(station.core.snapshot.firmwareVersion == "1.0")
        #expect(station.status(1) == .available)
    }

    @Test("§4.5: an unsigned update whose installation does not verify is InstallationFailed (1.6 has no other status)")
    func unsignedFailedVerification_isInstallationFailed() throws {
        var station = try Self.station()
        _ = station.csmsRequest(Self.request(in: 0))
        station.reportTransfer(
            .downloaded(
                id: try Self.running(station).id, FirmwareImage(installs: false, verificationFails: true)))
        station.advance(seconds: 60)
        #expect(Self.statuses(station) == [.downloading, .downloaded, .installing, .installationFailed])
        #expect(station.store.firmwareVersion == nil)
    }

    @Test("errata 3.49: installs after the transaction ends; idle connectors Unavailable meanwhile")
    func installWaitsForTransactions() throws {
        var station = try Self.station()
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        #expect(station.status(1) == .charging)
        _ = station.csmsRequest(Self.request(in: 0))
        station.reportTransfer(.downloaded(id: try Self.running(station).id, FirmwareImage(version: "2.0")))
        #expect(Self.statuses(station) == [.downloading, .downloaded])
        #expect(station.status(1) == .charging)
        #expect(station.status(2) == .unavailable)
        // The held connector takes no new session meanwhile.
        let starts = station.sentCalls(.startTransaction).count
        station.plugAndSwipe(idTag: "TAG1", connector: 2)
        #expect(station.sentCalls(.startTransaction).count == starts)
        #expect(station.status(2) == .unavailable)
        station.command(.unplug(connector: 2))
        #expect(station.events.contains { $0 == .notice("firmware 2.0 installs when no transaction runs (1 running now); idle connectors are Unavailable until then") })
        station.advance(seconds: 600)
        #expect(Self.statuses(station) == [.downloading, .downloaded], "not while charging")
        station.command(.swipe(idTag: "TAG1", connector: 1))
        #expect(Self.statuses(station) == [.downloading, .downloaded, .installing])
        station.advance(seconds: 30)
        #expect(station.store.firmwareVersion == "2.0")
    }

    @Test("a power cut mid-download: the download starts again, counted as a try")
    func powerCutMidDownload() throws {
        var station = try Self.station()
        _ = station.csmsRequest(Self.request(in: 0, retries: 1))
        _ = try Self.running(station)
        try station.powerCut()
        let job = try Self.running(station)
        #expect(station.core.snapshot.firmwareTransfer?.attempt == 2)
        try station.powerCut()
        #expect(station.runningTransfers.isEmpty, "no tries left")
        #expect(Self.statuses(station).last == .downloadFailed)
        // Shown after the restart too, with the reason.
        #expect(station.core.snapshot.firmwareTransfer?.status == "DownloadFailed")
        #expect(station.core.snapshot.firmwareTransfer?.detail == "interrupted by a restart or power cut")
        #expect(job.location == Self.location)
    }

    @Test("a power cut while scheduled: the download still begins at retrieveDate")
    func powerCutWhileScheduled() throws {
        var station = try Self.station()
        _ = station.csmsRequest(Self.request(in: 120))
        try station.powerCut(restartAfter: 10)
        #expect(station.runningTransfers.isEmpty)
        station.advance(seconds: 110)
        #expect(station.runningTransfers.count == 1)
    }

    @Test("§4.5: a triggered FirmwareStatusNotification says Idle unless an update is under way")
    func triggeredStatus() throws {
        var station = try Self.station()
        _ = station.csmsRequest(TriggerMessageRequest(requestedMessage: .firmwareStatusNotification))
        #expect(Self.statuses(station) == [.idle])
        _ = station.csmsRequest(Self.request(in: 0))
        _ = station.csmsRequest(TriggerMessageRequest(requestedMessage: .firmwareStatusNotification))
        #expect(Self.statuses(station) == [.idle, .downloading, .downloading])
    }

    @Test("§9.4 SupportedFileTransferProtocols: another scheme fails without a transfer")
    func unsupportedScheme() throws {
        var station = try StationHarness.booted(
            profile: TestProfiles.everything, configuration: ["SupportedFileTransferProtocols": "HTTP"])
        _ = station.csmsRequest(Self.request(in: 0))
        #expect(station.runningTransfers.isEmpty)
        #expect(Self.statuses(station) == [.downloadFailed])
    }

    @Test("a new UpdateFirmware replaces the one under way: its transfer is cancelled")
    func replaced() throws {
        var station = try Self.station()
        _ = station.csmsRequest(Self.request(in: 0))
        let first = try Self.running(station)
        _ = station.csmsRequest(Self.request("http://files.example/fw-4.bin", in: 0))
        #expect(station.transferCommands.contains(.cancel(id: first.id)))
        let second = try Self.running(station)
        #expect(second.fileName == "fw-4.bin")
        station.reportTransfer(.failed(id: first.id, reason: "cancelled"))
        #expect(station.runningTransfers == [second], "the old transfer's report is ignored")
    }

    @Test("the FTP password in the location never reaches the frame log or notices")
    func passwordMasked() throws {
        var station = try Self.station()
        _ = station.csmsRequest(Self.request(in: 0))
        let shown = station.events.map { "\($0)" }.joined(separator: "\n")
        #expect(!shown.contains("secret"))
        #expect(shown.contains("ftp://user:********@files.example/images/fw-2.0.bin"))
    }
}
