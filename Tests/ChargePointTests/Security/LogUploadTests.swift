import ChargePoint
import Testing

@testable import ChargePoint

/// GetLog (security whitepaper N01) and ExtendedTriggerMessage (F06), with the harness
/// playing the file server.
@Suite("GetLog and ExtendedTriggerMessage (whitepaper N01, F06)")
struct LogUploadTests {
    static func request(_ type: LogType = .securityLog, id: Int = 7, retries: Int? = 0) -> GetLogRequest {
        GetLogRequest(
            log: LogParameters(remoteLocation: "ftp://user:secret@files.example/logs/"), logType: type,
            requestId: id, retries: retries, retryInterval: 5)
    }

    static func logStatuses(_ station: StationHarness) -> [String] {
        station.sentRequests(LogStatusNotificationRequest.self).map {
            "\($0.status.rawValue)\($0.requestId.map { " \($0)" } ?? "")"
        }
    }

    @Test("N01.FR.01, .07–.09: Accepted with the file name; Uploading and Uploaded with the requestId")
    func securityLog_isUploaded() throws {
        var station = try FirmwareUpdateTests.station()
        let response = station.csmsRequest(Self.request())
        let answer = try #require(response)
        #expect(answer.status == .accepted)
        #expect(answer.filename?.value == "security-log-20261124T100000Z.txt")
        let job = try FirmwareUpdateTests.running(station)
        #expect(job.purpose == .log && job.logType == .securityLog && job.fileName == answer.filename?.value)
        station.reportTransfer(.uploaded(id: job.id))
        #expect(Self.logStatuses(station) == ["Uploading 7", "Uploaded 7"])
        #expect(station.store.logUpload == nil)
        let text = DiagnosticsReport.securityLog(station: station.core, stationId: "CP", job: job)
        #expect(text.contains("StartupOfTheDevice (critical)"))
    }

    @Test("N01.FR.10: the last try failing is UploadFailure")
    func failure_isUploadFailure() throws {
        var station = try FirmwareUpdateTests.station()
        _ = station.csmsRequest(Self.request(.diagnosticsLog, id: 3))
        station.reportTransfer(.failed(id: try FirmwareUpdateTests.running(station).id, reason: "FTP: 550"))
        #expect(Self.logStatuses(station) == ["Uploading 3", "UploadFailure 3"])
    }

    @Test(
        "N01.FR.11: a GetLog during an upload cancels it (AcceptedCanceled); the canceled one ends with UploadFailure and its requestId (N01.FR.07, .10)"
    )
    func second_cancelsTheFirst() throws {
        var station = try FirmwareUpdateTests.station()
        _ = station.csmsRequest(Self.request(id: 1))
        let first = try FirmwareUpdateTests.running(station)
        #expect(station.csmsRequest(Self.request(id: 2))?.status == .acceptedCanceled)
        #expect(station.transferCommands.contains(.cancel(id: first.id)))
        #expect(
            station.notices.contains { $0.contains("canceled") && $0.contains(first.fileName) }, "\(station.notices)")
        station.reportTransfer(.uploaded(id: try FirmwareUpdateTests.running(station).id))
        #expect(Self.logStatuses(station) == ["Uploading 1", "UploadFailure 1", "Uploading 2", "Uploaded 2"])
    }

    @Test("N01.FR.11: an upload canceled while it waits for its next try ends too, and that try never comes")
    func canceledWhileWaiting_endsAndDoesNotRetry() throws {
        var station = try FirmwareUpdateTests.station()
        _ = station.csmsRequest(Self.request(id: 1, retries: 1))
        station.reportTransfer(.failed(id: try FirmwareUpdateTests.running(station).id, reason: "FTP: 421"))
        #expect(station.runningTransfers.isEmpty)
        _ = station.csmsRequest(Self.request(id: 2, retries: 0))
        let second = try FirmwareUpdateTests.running(station)
        station.reportTransfer(.failed(id: second.id, reason: "FTP: 550"))
        station.advance(seconds: 60)
        #expect(station.runningTransfers.isEmpty, "the canceled upload's retry started a transfer")
        #expect(Self.logStatuses(station) == ["Uploading 1", "UploadFailure 1", "Uploading 2", "UploadFailure 2"])
    }

    @Test("N01.FR.12: a triggered LogStatusNotification is Idle without a requestId, or Uploading with it")
    func triggeredLogStatus() throws {
        var station = try FirmwareUpdateTests.station()
        let trigger = ExtendedTriggerMessageRequest(requestedMessage: .logStatusNotification)
        #expect(station.csmsRequest(trigger)?.status == .accepted)
        _ = station.csmsRequest(Self.request(id: 9))
        _ = station.csmsRequest(trigger)
        #expect(Self.logStatuses(station) == ["Idle", "Uploading 9", "Uploading 9"])
    }

    @Test("F06: the Core messages through ExtendedTriggerMessage; FirmwareStatusNotification as the signed one")
    func extendedTrigger_coreMessages() throws {
        var station = try FirmwareUpdateTests.station()
        let heartbeats = station.sentCalls(.heartbeat).count
        #expect(station.csmsRequest(ExtendedTriggerMessageRequest(requestedMessage: .heartbeat))?.status == .accepted)
        #expect(station.sentCalls(.heartbeat).count == heartbeats + 1)
        #expect(
            station.csmsRequest(ExtendedTriggerMessageRequest(requestedMessage: .firmwareStatusNotification))?.status
                == .accepted)
        #expect(station.sentRequests(SignedFirmwareStatusNotificationRequest.self).map(\.status) == [.idle])
        #expect(
            station.csmsRequest(ExtendedTriggerMessageRequest(requestedMessage: .statusNotification, connectorId: 9))?
                .status == .rejected)
    }

    @Test("A01.FR.12-like: the password in a GetLog location is masked wherever the frame is shown")
    func remoteLocationPassword_isMasked() throws {
        var station = try FirmwareUpdateTests.station()
        _ = station.csmsRequest(Self.request())
        let shown = station.events.map { "\($0)" }.joined()
        #expect(!shown.contains("secret"))
        #expect(shown.contains("ftp://user:********@files.example/logs/"))
    }

    @Test("N01.FR.10: a location that is no URL is BadMessage; an unsupported scheme NotSupportedOperation")
    func badLocations_haveTheirStatus() throws {
        var station = try FirmwareUpdateTests.station()
        for (location, id) in [("not a url", 1), ("sftp://host/up", 2)] {
            _ = station.csmsRequest(
                GetLogRequest(
                    log: LogParameters(remoteLocation: BoundedString(truncating: location)), logType: .securityLog,
                    requestId: id))
        }
        #expect(Self.logStatuses(station) == ["BadMessage 1", "NotSupportedOperation 2"])
    }

    /// Second review of issue 11: a GetLog with an unusable location after one under way
    /// — the station's `log` events name each request's own file and requestId, the
    /// canceled one's and the refused one's.
    @Test("N01.FR.07, .11: each upload's events carry its own file and requestId")
    func eachUploadsEvents_nameItsFileAndRequestId() throws {
        var station = try FirmwareUpdateTests.station()
        let first = try #require(station.csmsRequest(Self.request(.securityLog, id: 42))?.filename?.value)
        let second = try #require(
            station.csmsRequest(
                GetLogRequest(
                    log: LogParameters(remoteLocation: "notaurl"), logType: .diagnosticsLog, requestId: 43))?.filename?
                .value)
        let transfers = station.events.compactMap { event -> TransferState? in
            if case .transfer(let state) = event, state.purpose == .log { state } else { nil }
        }
        let last = try #require(transfers.last)
        #expect(last.fileName == second && last.requestId == 43 && last.status == "UploadFailure", "\(transfers)")
        #expect(transfers.contains { $0.fileName == first && $0.requestId == 42 && $0.status == "UploadFailure" })
    }
}
