import ChargePoint
import Foundation
import Testing

@testable import ConsoleScreen

/// The screen drawn into an in-memory surface at the sizes people use, compared with
/// the expected text (`Golden/*.txt`). A difference fails with both texts shown; to
/// accept a deliberate change, run with OCPP_UPDATE_GOLDEN=1 and review the diff.
@Suite("Screen rendering")
struct ScreenRenderingTests {
    static let sizes = [(24, 80), (40, 120), (60, 200)]

    /// A station charging on connector 1 for 95 s, EV plugged on connector 2.
    static func charging() throws -> (ScriptedStation, ScreenController) {
        var (station, controller) = try charging(seconds: 95)
        station.command(.plug(connector: 2))
        for (time, event) in station.events { controller.ingest([event], at: time) }
        return (station, controller)
    }

    /// Alice charging on connector 1 for `seconds` s, the screen sampling the meters
    /// every second; `before` runs before each second (a profile arriving mid-session).
    /// The station's events are not shown to the screen yet.
    static func charging(
        seconds: Int, before: (Int, inout ScriptedStation) -> Void = { _, _ in }
    ) throws -> (ScriptedStation, ScreenController) {
        var station = try ScriptedStation()
        station.command(.plug(connector: 1))
        station.command(.swipe(idTag: "04A1B2C3D4E5F6", connector: 1))
        var controller = ScreenController(
            info: StationInfo(
                url: "ws://127.0.0.1:9000/ocpp/OCD-000001", stationId: "OCD-000001", cards: ScriptedStation.cards,
                demo: true))
        for second in 0..<seconds {
            before(second, &station)
            station.advance(seconds: 1)
            controller.sample(station.snapshot, at: station.now)
        }
        return (station, controller)
    }

    static func render(
        _ controller: inout ScreenController, _ station: ScriptedStation, rows: Int, columns: Int,
        configuration: Bool = false
    ) -> Surface {
        var surface = Surface(rows: rows, columns: columns)
        let entries = configuration ? station.core.configurationEntries : []
        controller.render(station.snapshot, configuration: entries, at: station.now, into: &surface)
        return surface
    }

    @Test(arguments: sizes)
    func dashboard_whileCharging(_ rows: Int, _ columns: Int) throws {
        var (station, controller) = try Self.charging()
        let surface = Self.render(&controller, station, rows: rows, columns: columns)
        try Golden.check(surface.text, "dashboard-\(columns)x\(rows)")
    }

    @Test(arguments: sizes)
    func configurationView(_ rows: Int, _ columns: Int) throws {
        var (station, controller) = try Self.charging()
        _ = controller.perform(.configuration, snapshot: station.snapshot, configuration: [], at: station.now)
        let surface = Self.render(&controller, station, rows: rows, columns: columns, configuration: true)
        try Golden.check(surface.text, "configuration-\(columns)x\(rows)")
    }

    @Test func helpOverlay_at80x24() throws {
        var (station, controller) = try Self.charging()
        _ = controller.perform(.help, snapshot: station.snapshot, configuration: [], at: station.now)
        try Golden.check(Self.render(&controller, station, rows: 24, columns: 80).text, "help-80x24")
    }

    /// The end of the help: the keys of the prompts, the frame view, the pickers and the help.
    @Test func helpOverlay_scrolledToTheEnd_at120x40() throws {
        var (station, controller) = try Self.charging()
        _ = controller.perform(.help, snapshot: station.snapshot, configuration: [], at: station.now)
        for _ in 0..<20 {
            _ = controller.handle(.pageDown, snapshot: station.snapshot, configuration: [], at: station.now)
        }
        try Golden.check(Self.render(&controller, station, rows: 40, columns: 120).text, "help-end-120x40")
    }

    @Test func swipePicker_andFrameOverlay_at80x24() throws {
        var (station, controller) = try Self.charging()
        _ = controller.perform(.swipe, snapshot: station.snapshot, configuration: [], at: station.now)
        try Golden.check(Self.render(&controller, station, rows: 24, columns: 80).text, "swipe-picker-80x24")
        _ = controller.handle(.escape, snapshot: station.snapshot, configuration: [], at: station.now)
        // The StartTransaction, opened from the log, shows its answer underneath.
        for _ in 0..<200 { _ = controller.handle(.up, snapshot: station.snapshot, configuration: [], at: station.now) }
        while let cursor = controller.logCursor, controller.log.entry(cursor)?.action != "StartTransaction" {
            _ = controller.handle(.down, snapshot: station.snapshot, configuration: [], at: station.now)
        }
        _ = controller.handle(.enter, snapshot: station.snapshot, configuration: [], at: station.now)
        let text = Self.render(&controller, station, rows: 40, columns: 120).text
        try Golden.check(text, "frame-overlay-120x40")
        #expect(text.contains("answered by"))
        #expect(text.contains(#""transactionId": 42"#))
    }

    /// What `certs` can show: a Central System root with a subject too long for 80
    /// columns, the expired root it replaced (kept as fallback), a Manufacturer root stored
    /// before notBefore was kept, and the station's own certificate.
    static let certificates = CertificateReport(
        roots: [
            CertificateReport.Root(
                use: .centralSystemRootCertificate,
                subject:
                    "CN=Example CSMS Root CA 2026,OU=Charging Infrastructure,O=Example Charge Point Operator GmbH,C=DE",
                issuer: "CN=Example CSMS Root CA 2016,O=Example Charge Point Operator GmbH,C=DE",
                notBefore: Timestamp(rfc3339: "2026-01-01T00:00:00Z"),
                notAfter: Timestamp(rfc3339: "2036-01-01T00:00:00Z")!,
                fingerprint: "3f1c9a0e5b7d2c4f6a8e0b1d3c5f7a9e2b4d6f8a0c1e3f5a7b9d0e2f4a6c8e0b", fallback: false),
            CertificateReport.Root(
                use: .centralSystemRootCertificate,
                subject: "CN=Example CSMS Root CA 2016,O=Example Charge Point Operator GmbH,C=DE",
                issuer: "CN=Example CSMS Root CA 2016,O=Example Charge Point Operator GmbH,C=DE",
                notBefore: Timestamp(rfc3339: "2016-01-01T00:00:00Z"),
                notAfter: Timestamp(rfc3339: "2026-06-30T00:00:00Z")!,
                fingerprint: "a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1", fallback: true),
            CertificateReport.Root(
                use: .manufacturerRootCertificate, subject: "CN=Duo Firmware Signing Root,O=Duo Chargers",
                issuer: "CN=Duo Firmware Signing Root,O=Duo Chargers",
                notBefore: nil, notAfter: Timestamp(rfc3339: "2040-12-31T23:59:59Z")!,
                fingerprint: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", fallback: false),
        ],
        ownCertificate: CertificateReport.OwnCertificate(
            subject: "CN=OCD-000001,O=OCPP Console Demo", notBefore: Timestamp(rfc3339: "2026-11-20T08:00:00Z"),
            notAfter: Timestamp(rfc3339: "2027-11-20T08:00:00Z")!))

    /// `certs` at 80x24: the top, then scrolled to the end; long subjects cut with an
    /// ellipsis inside the border.
    @Test func certificatesOverlay_at80x24() throws {
        var (station, controller) = try Self.charging()
        controller.ingest([.certificates(Self.certificates)], at: station.now)
        let top = Self.render(&controller, station, rows: 24, columns: 80).text
        try Golden.check(top, "certificates-80x24")
        #expect(top.contains("O=Example…│") && top.contains("  kept as fallback"))
        for _ in 0..<3 {
            _ = controller.handle(.pageDown, snapshot: station.snapshot, configuration: [], at: station.now)
        }
        try Golden.check(Self.render(&controller, station, rows: 24, columns: 80).text, "certificates-end-80x24")
    }

    /// Wider, the box grows until the longest subject shows whole.
    @Test func certificatesOverlay_at120x40() throws {
        var (station, controller) = try Self.charging()
        controller.ingest([.certificates(Self.certificates)], at: station.now)
        let text = Self.render(&controller, station, rows: 40, columns: 120).text
        try Golden.check(text, "certificates-120x40")
        #expect(text.contains("O=Example Charge Point Operator GmbH,C=DE"))
    }

    @Test func noCertificates_isOneLine() throws {
        var (station, controller) = try Self.charging()
        controller.ingest([.certificates(CertificateReport(roots: [], ownCertificate: nil))], at: station.now)
        try Golden.check(Self.render(&controller, station, rows: 24, columns: 80).text, "certificates-none-80x24")
    }

    @Test func asciiGlyphs_andASmallTerminal() throws {
        var (station, controller) = try Self.charging()
        controller.glyphs = .ascii
        let text = Self.render(&controller, station, rows: 20, columns: 70).text
        #expect(!text.contains("─") && text.contains("+-"))
        #expect(text.contains("terminal 70x20: 80x24 or more shows everything"))
    }
}

/// Expected screens kept as text files beside the tests.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = directory.appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["OCPP_UPDATE_GOLDEN"] == "1" {
            try (actual + "\n").write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no golden file \(file.path); run with OCPP_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        #expect(
            actual + "\n" == expected, "screen \(name) differs from Golden/\(name).txt", sourceLocation: sourceLocation)
    }
}
