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
        for frame in FrameEvent.exchanges(from: station.now) { controller.ingest([.frame(frame)], at: station.now) }
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
        _ = controller.perform(.submit, snapshot: station.snapshot, configuration: [], at: station.now)
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
