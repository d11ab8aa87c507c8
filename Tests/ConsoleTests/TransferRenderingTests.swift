import Foundation
import Testing

@testable import ChargePoint
@testable import ConsoleScreen

/// The transfer lines above the feedback line: a firmware download or diagnostics upload
/// under way, waiting for a retry, or how it ended (OCPP 1.6 §5.19, §5.9), drawn from a
/// snapshot of the charging station of the dashboard goldens.
@Suite("Transfer rendering")
struct TransferRenderingTests {
    static let sizes = [(24, 80), (40, 120)]

    /// The charging station of `ScreenRenderingTests`, its snapshot changed by `change`.
    static func screen(
        rows: Int, columns: Int, _ change: (inout StationSnapshot) -> Void
    ) throws -> String {
        var (station, controller) = try ScreenRenderingTests.charging()
        var snapshot = station.snapshot
        change(&snapshot)
        var surface = Surface(rows: rows, columns: columns)
        controller.render(snapshot, configuration: [], at: station.now, into: &surface)
        return surface.text
    }

    static func transfer(
        _ status: String, purpose: TransferPurpose = .firmware, fileName: String = "fw-2.0.bin", bytes: Int64 = 0,
        total: Int64? = nil, attempt: Int = 1, attempts: Int = 3, since: Timestamp? = nil, detail: String? = nil
    ) -> TransferState {
        TransferState(
            purpose: purpose, status: status, fileName: fileName, bytes: bytes, total: total, attempt: attempt,
            attempts: attempts, since: since, detail: detail)
    }

    /// The transfer's line on its own (no screen around it).
    static func drawn(_ state: TransferState, glyphs: Glyphs = .unicode, width: Int = 80) throws -> Surface {
        let snapshot = try ScriptedStation().snapshot
        var surface = Surface(rows: 1, columns: width)
        TransferPane(transfers: [state], snapshot: snapshot, glyphs: glyphs)
            .draw(Rect(top: 0, left: 0, height: 1, width: width), into: &surface)
        return surface
    }

    static func line(_ state: TransferState, glyphs: Glyphs = .unicode, width: Int = 80) throws -> String {
        try drawn(state, glyphs: glyphs, width: width).text
    }

    @Test(arguments: sizes)
    func aDownloadUnderWay_showsItsBarBytesRateAndTry(_ rows: Int, _ columns: Int) throws {
        let text = try Self.screen(rows: rows, columns: columns) {
            $0.firmwareTransfer = Self.transfer(
                "Downloading", bytes: 1_300_000, total: 2_000_000, since: $0.time.adding(milliseconds: -3800))
        }
        try Golden.check(text, "transfer-downloading-\(columns)x\(rows)")
        #expect(text.contains(" Firmware fw-2.0.bin  Downloading ▕██████▌   ▏ 1.3/2.0 MB  342 kB/s  try 1 of 3"))
    }

    /// A long reason is cut with an ellipsis; the countdown and the try stay.
    @Test(arguments: sizes)
    func aRetryWaiting_withALongReason_andAnUploadDone(_ rows: Int, _ columns: Int) throws {
        let reason =
            "HTTP 404 Not Found from http://firmware.example.com/releases/ocpp-console/duo/fw-2.0.bin?channel=stable"
        let text = try Self.screen(rows: rows, columns: columns) {
            $0.firmwareTransfer = Self.transfer("Waiting", since: $0.time.adding(seconds: 25), detail: reason)
            $0.diagnosticsTransfer = Self.transfer(
                "Uploaded", purpose: .diagnostics, fileName: "diagnostics-20261124T100000Z.txt", bytes: 48_213,
                attempts: 1,
                since: $0.time.adding(seconds: -2))
        }
        try Golden.check(text, "transfer-waiting-\(columns)x\(rows)")
        let lines = text.split(separator: "\n").map(String.init)
        let waiting = try #require(lines.first { $0.hasPrefix(" Firmware") })
        #expect(waiting.hasSuffix("…  next try in 25 s (try 2 of 3)") && waiting.count <= columns)
        #expect(lines.contains(" Diagnostics diagnostics-20261124T100000Z.txt  Uploaded · 48.2 kB"))
    }

    @Test(arguments: sizes)
    func anInstalledFirmware_showsTheNewVersion_inTheHeaderToo(_ rows: Int, _ columns: Int) throws {
        let text = try Self.screen(rows: rows, columns: columns) {
            $0.firmwareVersion = "2.0"
            $0.firmwareTransfer = Self.transfer(
                "Installed", bytes: 2_000_000, total: 2_000_000, since: $0.time.adding(seconds: -20),
                detail: "version 2.0")
        }
        try Golden.check(text, "transfer-installed-\(columns)x\(rows)")
        #expect(text.contains(" Firmware fw-2.0.bin  Installed · now running 2.0"))
        #expect(text.contains("boot Accepted  firmware 2.0  heartbeat"))
    }

    @Test func noTransfer_drawsNoLine_andLeavesTheScreenAsItWas() throws {
        for (rows, columns) in Self.sizes {
            let text = try Self.screen(rows: rows, columns: columns) {
                $0.firmwareTransfer = nil
                $0.diagnosticsTransfer = nil
            }
            #expect(!text.contains("Firmware") && !text.contains("Diagnostics"))
            try Golden.check(text, "dashboard-\(columns)x\(rows)")
        }
        let layout = ScreenLayout(rows: 24, columns: 80, connectors: 2, readings: 4)
        #expect(layout.transfers.height == 0 && layout.body.bottom == layout.feedback.top)
    }

    @Test func anUnknownTotal_showsTheBytesWithoutABar() throws {
        let state = Self.transfer(
            "Uploading", purpose: .diagnostics, fileName: "diagnostics.txt", bytes: 512_000, attempts: 1,
            since: ScriptedStation.start.adding(seconds: -2))
        let line = try Self.line(state)
        #expect(line == " Diagnostics diagnostics.txt  Uploading 512 kB  256 kB/s")
        #expect(try Self.line(state, glyphs: .ascii) == line)
    }

    @Test func asciiGlyphs_drawTheBarAndTheEllipsisInASCII() throws {
        let state = Self.transfer(
            "Downloading", fileName: "station-firmware-release-candidate-2.0.bin", bytes: 1_300_000,
            total: 2_000_000, since: ScriptedStation.start.adding(seconds: -4))
        // The rate gives way first, then the file name is shortened; what still does not
        // fit is cut with the ellipsis.
        let line = try Self.line(state, glyphs: .ascii, width: 70)
        #expect(line == " Firmware station-fi~  Downloading [######-...] 1.3/2.0 MB  try 1 of 3")
        #expect(line.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(try Self.line(state, glyphs: .ascii, width: 50) == " Firmware station-f~  Downloading [######-...] 1.~")
        #expect(try Self.line(state, glyphs: .unicode, width: 70).contains("Downloading ▕██████▌   ▏ 1.3/2.0 MB"))
    }

    /// Failures read as errors, success as ok, a wait as a warning.
    @Test func eachStatus_takesTheRoleOfItsMeaning() throws {
        let start = ScriptedStation.start
        let cases: [(TransferState, String, Role)] = [
            (Self.transfer("Downloading", since: start), "Downloading", .charging),
            (Self.transfer("Waiting", since: start.adding(seconds: 90), detail: "timed out"), "Waiting", .warning),
            (Self.transfer("Scheduled", since: start.adding(seconds: 1800)), "Scheduled", .accent),
            (Self.transfer("Installed", detail: "version 2.0"), "Installed", .available),
            (Self.transfer("DownloadFailed", detail: "no tries left"), "DownloadFailed", .error),
            (Self.transfer("InstallationFailed", detail: "version 2.0 did not install"), "InstallationFailed", .error),
            (Self.transfer("UploadFailed", purpose: .diagnostics, detail: "HTTP 500"), "UploadFailed", .error),
        ]
        for (state, status, role) in cases {
            let surface = try Self.drawn(state)
            let column = try #require(surface.text.range(of: status)).lowerBound.utf16Offset(in: surface.text)
            #expect(surface[0, column].role == role, "\(surface.text)")
        }
        #expect(
            try Self.line(cases[2].0) == " Firmware fw-2.0.bin  Scheduled: first try at 10:30:00 UTC, in 30:00")
        #expect(try Self.line(cases[1].0) == " Firmware fw-2.0.bin  Waiting: timed out  next try in 90 s (try 2 of 3)")
        #expect(
            try Self.line(cases[5].0, width: 100)
                == " Firmware fw-2.0.bin  InstallationFailed: version 2.0 did not install · running 1.0.0")
    }

    /// An ended transfer stays ten minutes after the screen saw it end, then goes; a
    /// screen that missed the end counts from `since`.
    @Test func anEndedTransfer_goesTenMinutesAfterItEnded() throws {
        var (station, controller) = try ScreenRenderingTests.charging()
        var snapshot = station.snapshot
        snapshot.diagnosticsTransfer = Self.transfer(
            "UploadFailed", purpose: .diagnostics, fileName: "diagnostics.txt", attempts: 1,
            since: snapshot.time.adding(seconds: -3600), detail: "connection refused")
        func shown(at now: Timestamp) -> Bool {
            var surface = Surface(rows: 24, columns: 80)
            controller.render(snapshot, configuration: [], at: now, into: &surface)
            return surface.text.contains("UploadFailed: connection refused")
        }
        // Only the stale `since`: long over.
        #expect(!shown(at: station.now))
        controller.ingest([.transfer(snapshot.diagnosticsTransfer!)], at: station.now)
        #expect(shown(at: station.now.adding(seconds: 9 * 60)))
        #expect(!shown(at: station.now.adding(seconds: 10 * 60)))
        // A new try under way shows at once, whatever its age.
        snapshot.diagnosticsTransfer?.status = "Uploading"
        controller.ingest([.transfer(snapshot.diagnosticsTransfer!)], at: station.now)
        var surface = Surface(rows: 24, columns: 80)
        controller.render(snapshot, configuration: [], at: station.now.adding(seconds: 3600), into: &surface)
        #expect(surface.text.contains("Diagnostics diagnostics.txt  Uploading"))
    }
}

/// The connection line's second row: the firmware the station runs, and what gives way
/// when the line is too long.
@Suite("Header pane")
struct HeaderPaneTests {
    @Test func theLinksReason_hasALineOfItsOwn_underTheBootLine() throws {
        var snapshot = try ScriptedStation().snapshot
        snapshot.firmwareVersion = "2.0.1-rc.7"
        snapshot.lastHeartbeat = snapshot.time
        snapshot.connection = .disconnected
        snapshot.queuedTransactionMessages = 3
        var surface = Surface(rows: 4, columns: 80)
        let header = HeaderPane(
            snapshot: snapshot, info: StationInfo(url: "ws://localhost/ocpp/X", stationId: "X"),
            linkReason: "connection refused", glyphs: .unicode)
        #expect(header.connectionLines == 3)
        header.draw(
            title: Rect(top: 0, left: 0, height: 1, width: 80), connection: Rect(top: 1, left: 0, height: 3, width: 80),
            into: &surface)
        #expect(
            surface.text(row: 2).hasPrefix("   boot Accepted  firmware 2.0.1-rc.7  heartbeat every 300 s  queued 3"))
        #expect(surface.text(row: 3).hasPrefix("   connection refused"))
    }

    @Test("README: the --insecure warning stays on screen, even beside a long firmware version")
    func insecureWarning_outranksTheFirmwareVersion() throws {
        var snapshot = try ScriptedStation().snapshot
        snapshot.firmwareVersion = "plain-7.1-with-a-long-build-suffix"
        snapshot.connection = .disconnected
        var surface = Surface(rows: 4, columns: 80)
        HeaderPane(
            snapshot: snapshot, info: StationInfo(url: "wss://localhost/ocpp/X", stationId: "X", insecure: true),
            linkReason: "TLS failed", glyphs: .unicode
        ).draw(
            title: Rect(top: 0, left: 0, height: 1, width: 80), connection: Rect(top: 1, left: 0, height: 3, width: 80),
            into: &surface)
        let line = surface.text(row: 2)
        #expect(line.contains("certificate NOT checked (--insecure)"), "\(line)")
        #expect(surface.text(row: 3).contains("TLS failed"), "\(surface.text)")
    }
}
