@testable import ChargePoint
import Testing

/// GetDiagnostics (OCPP 1.6 §5.9, §4.4, §6.25, errata 3.31, 3.50) with the harness
/// playing the file server.
@Suite("Diagnostics upload (OCPP 1.6 §5.9)")
struct DiagnosticsUploadTests {
    static let location = "ftp://user:secret@files.example/uploads/"

    static func statuses(_ station: StationHarness) -> [DiagnosticsStatus] {
        station.sentRequests(DiagnosticsStatusNotificationRequest.self).map(\.status)
    }

    @Test("TC_045_1: the file name at once, Uploading, then Uploaded")
    func uploadSucceeds() throws {
        var station = try FirmwareUpdateTests.station()
        let window = (StationHarness.start.adding(seconds: -3600), StationHarness.start)
        let answer = station.csmsRequest(
            GetDiagnosticsRequest(location: Self.location, startTime: window.0, stopTime: window.1))
        let name = try #require(answer?.fileName?.value)
        #expect(name == "diagnostics-20261124T100000Z.txt")
        let job = try FirmwareUpdateTests.running(station)
        #expect(job.purpose == .diagnostics && job.fileName == name && job.location == Self.location)
        #expect(job.startTime == window.0 && job.stopTime == window.1)
        #expect(Self.statuses(station) == [.uploading])
        station.reportTransfer(.uploaded(id: job.id))
        #expect(Self.statuses(station) == [.uploading, .uploaded])
        #expect(station.store.diagnosticsUpload == nil)
    }

    @Test("TC_045_2 with errata 3.50: retries counts the tries after the first, then UploadFailed")
    func uploadFailsAfterRetries() throws {
        var station = try FirmwareUpdateTests.station()
        _ = station.csmsRequest(GetDiagnosticsRequest(location: Self.location, retries: 1, retryInterval: 5))
        station.reportTransfer(.failed(id: try FirmwareUpdateTests.running(station).id, reason: "FTP: 550"))
        #expect(Self.statuses(station) == [.uploading])
        station.advance(seconds: 5)
        station.reportTransfer(.failed(id: try FirmwareUpdateTests.running(station).id, reason: "FTP: 550"))
        #expect(Self.statuses(station) == [.uploading, .uploadFailed])
        #expect(station.runningTransfers.isEmpty)
    }

    @Test("§4.4: a triggered DiagnosticsStatusNotification says Idle unless uploading")
    func triggeredStatus() throws {
        var station = try FirmwareUpdateTests.station()
        _ = station.csmsRequest(TriggerMessageRequest(requestedMessage: .diagnosticsStatusNotification))
        _ = station.csmsRequest(GetDiagnosticsRequest(location: Self.location))
        _ = station.csmsRequest(TriggerMessageRequest(requestedMessage: .diagnosticsStatusNotification))
        station.reportTransfer(.uploaded(id: try FirmwareUpdateTests.running(station).id))
        _ = station.csmsRequest(TriggerMessageRequest(requestedMessage: .diagnosticsStatusNotification))
        #expect(Self.statuses(station) == [.idle, .uploading, .uploading, .uploaded, .idle])
    }

    @Test("a power cut mid-upload: the upload starts again")
    func powerCutMidUpload() throws {
        var station = try FirmwareUpdateTests.station()
        _ = station.csmsRequest(GetDiagnosticsRequest(location: Self.location, retries: 1))
        try station.powerCut()
        let job = try FirmwareUpdateTests.running(station)
        station.reportTransfer(.uploaded(id: job.id))
        #expect(Self.statuses(station).last == .uploaded)
    }

    @Test("the file: state, configuration with secrets masked, the log and messages of the period")
    func reportText() throws {
        var station = try FirmwareUpdateTests.station()
        #expect(station.changeConfiguration("AuthorizationKey", to: "00112233445566778899AABBCCDDEEFF") == .accepted)
        let before = FrameEvent(
            direction: .incoming, text: "[2,\"old\",\"Heartbeat\",{}]", kind: .call, messageId: "old",
            action: "Heartbeat", time: StationHarness.start.adding(seconds: -7200))
        let inside = FrameEvent(
            direction: .outgoing, text: "[2,\"new\",\"Heartbeat\",{}]", kind: .call, messageId: "new",
            action: "Heartbeat", time: StationHarness.start.adding(seconds: -60))
        var job = TransferJob(
            id: 1, purpose: .diagnostics, location: Self.location, fileName: "diagnostics-x.txt")
        job.startTime = StationHarness.start.adding(seconds: -3600)
        let text = DiagnosticsReport.text(
            station: station.core, stationId: "CP-1", job: job, frames: [before, inside],
            log: [(StationHarness.start, "booted")])
        #expect(text.contains("station CP-1: TestVendor TestModel, firmware 1.0"))
        #expect(text.contains("AuthorizationKey = ********"))
        #expect(!text.contains("00112233445566778899AABBCCDDEEFF"))
        #expect(!text.contains("secret"))
        #expect(text.contains("> [2,\"new\",\"Heartbeat\",{}]"))
        #expect(!text.contains("\"old\""))
        #expect(text.contains("## Message log (1 messages)"))
        #expect(text.contains("booted"))
        #expect(text.contains("connector 1: Available NoError"))
    }
}
