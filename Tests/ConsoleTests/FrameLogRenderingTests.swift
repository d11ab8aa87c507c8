import ChargePoint
import Testing

@testable import ConsoleScreen

/// The log with response times and refusals, filtered by `!`, and a frame saying how
/// long its CALL waited, at 80x24 (issue 12).
@Suite("Frame log rendering")
struct FrameLogRenderingTests {
    /// The station charging, then a few exchanges at known wire times.
    static func screen() throws -> (ScriptedStation, ScreenController) {
        var (station, controller) = try ScreenRenderingTests.charging()
        let start = station.now
        let frames: [(Int64, FrameDirection, String)] = [
            (0, .incoming, #"[2,"r1","RemoteStartTransaction",{"idTag":"A","connectorId":1}]"#),
            (3, .outgoing, #"[3,"r1",{"status":"Rejected"}]"#),
            (200, .outgoing, #"[2,"a1","Authorize",{"idTag":"BAD"}]"#),
            (1_450, .incoming, #"[3,"a1",{"idTagInfo":{"status":"Invalid"}}]"#),
            (2_000, .incoming, #"[2,"g1","GetDiagnostics",{"location":"ftp://x"}]"#),
            (2_004, .outgoing, #"[4,"g1","NotSupported","no diagnostics",{}]"#),
            (3_000, .outgoing, #"[2,"h1","Heartbeat",{}]"#),
            (3_012, .incoming, #"[3,"h1",{"currentTime":"2026-11-24T10:01:38.012Z"}]"#),
        ]
        for (offset, direction, text) in frames {
            controller.ingest([.frame(.parsed(direction, text, at: start.adding(milliseconds: offset)))], at: start)
        }
        station.advance(seconds: 4)
        return (station, controller)
    }

    @Test func log_showsResponseTimes_at80x24() throws {
        var (station, controller) = try Self.screen()
        try Golden.check(
            ScreenRenderingTests.render(&controller, station, rows: 24, columns: 80).text, "log-response-times-80x24")
    }

    @Test func bangFilter_showsErrorsAndRefusals_at80x24() throws {
        var (station, controller) = try Self.screen()
        _ = controller.perform(.filter, snapshot: station.snapshot, configuration: [], at: station.now)
        _ = controller.perform(
            .edit, key: .character("!"), snapshot: station.snapshot, configuration: [], at: station.now)
        _ = controller.perform(.cancel, snapshot: station.snapshot, configuration: [], at: station.now)
        #expect(controller.log.filter == "!")
        try Golden.check(
            ScreenRenderingTests.render(&controller, station, rows: 24, columns: 80).text, "log-filter-errors-80x24")
    }

    @Test func frame_saysHowLongItsCallWaited_at80x24() throws {
        var (station, controller) = try Self.screen()
        // The Authorize refused with Invalid, 1.25 s after it was sent.
        _ = controller.perform(.up, snapshot: station.snapshot, configuration: [], at: station.now)
        _ = controller.perform(.up, snapshot: station.snapshot, configuration: [], at: station.now)
        _ = controller.perform(.up, snapshot: station.snapshot, configuration: [], at: station.now)
        _ = controller.perform(.up, snapshot: station.snapshot, configuration: [], at: station.now)
        _ = controller.perform(.open, snapshot: station.snapshot, configuration: [], at: station.now)
        try Golden.check(
            ScreenRenderingTests.render(&controller, station, rows: 24, columns: 80).text, "frame-response-80x24")
    }
}
