import ChargePoint
import Testing

@testable import ConsoleScreen

/// Issue 12 §5: feedback is kept, not replaced. The last messages show where there is
/// room, a message too long for its line ends in an ellipsis and `h`, and `h` opens
/// every message kept, whole.
@Suite("Feedback history")
struct FeedbackHistoryTests {
    static func press(_ key: Key, _ controller: inout ScreenController, _ station: ScriptedStation) {
        _ = controller.handle(key, snapshot: station.snapshot, configuration: [], at: station.now)
    }

    /// What the station says around a power cut with a session running: the stop comes
    /// early, and the boot that follows says more after it.
    static let powerCut: [StationEvent] = [
        .notice("power cut: the station goes dark and comes back"),
        .connection(.disconnected, reason: "power cut"),
        .notice("connector 1: transaction 42 stopped (PowerLoss), 0.29 kWh"),
        .notice("1 transaction stopped: power loss"),
        .connection(.connecting, reason: nil),
        .connection(.connected, reason: nil),
        .notice("StatusNotification will be sent again in 60 s (attempt 2 of 3)"),
        .notice("connector 2: EV plugged in"),
    ]

    @Test func afterAPowerCut_theHistoryShowsTheStop_thatLaterMessagesHid() throws {
        var (station, controller) = try ScreenRenderingTests.charging()
        controller.ingest(Self.powerCut, at: station.now)
        let dashboard = ScreenRenderingTests.render(&controller, station, rows: 24, columns: 80).text
        #expect(!dashboard.contains("stopped: power loss"))
        Self.press(.character("h"), &controller, station)
        #expect(controller.keyView == .reading)
        let history = ScreenRenderingTests.render(&controller, station, rows: 24, columns: 80).text
        try Golden.check(history, "history-80x24")
        #expect(history.contains("1 transaction stopped: power loss"))
        Self.press(.escape, &controller, station)
        #expect(controller.overlay == nil)
    }

    @Test func aMessageTooLongForItsLine_endsInAnEllipsisAndH_andTheHistoryHasItWhole() throws {
        var (station, controller) = try ScreenRenderingTests.charging()
        let long =
            "connector 1: the EV may draw at most 500.0 kW: capped to 22.0 kW, the connector's rating (32 A, "
            + "three phases); the rest of this sentence is only here to be longer than two lines of eighty columns"
        controller.ingest([.notice(long)], at: station.now)
        let screen = ScreenRenderingTests.render(&controller, station, rows: 24, columns: 80).text
        let line = screen.split(separator: "\n")[22]
        #expect(line.count == 80 && line.hasSuffix("… h"), "\(line)")
        Self.press(.character("h"), &controller, station)
        let history = ScreenRenderingTests.render(&controller, station, rows: 24, columns: 80).text
        let box = history.split(separator: "\n")[3..<21].joined(separator: " ")
        let words = box.split(whereSeparator: { " │".contains($0) }).joined(separator: " ")
        #expect(words.contains("this sentence is only here to be longer than two lines of eighty columns"))
    }

    /// 40 rows and more: the last three messages; 30 rows: two; 24: one.
    @Test(arguments: [(24, 1), (30, 2), (40, 3)])
    func theLastMessages_showWhereThereIsRoom(_ rows: Int, _ shown: Int) throws {
        var (station, controller) = try ScreenRenderingTests.charging()
        controller.ingest([.notice("one"), .error("two"), .notice("three")], at: station.now)
        let lines = ScreenRenderingTests.render(&controller, station, rows: rows, columns: 80).text
            .split(separator: "\n", omittingEmptySubsequences: false)
        let said = lines[(rows - 4)...(rows - 2)].map { $0.split(separator: " ").last.map(String.init) ?? "" }
        #expect(Array(said.suffix(shown)) == Array(["one", "two", "three"].suffix(shown)))
    }

    /// Open at the newest, the history follows new messages; scrolled up, it stays.
    @Test func theHistoryAtItsEnd_followsNewMessages() throws {
        func box(_ controller: inout ScreenController, _ station: ScriptedStation) -> String {
            let text = ScreenRenderingTests.render(&controller, station, rows: 24, columns: 80).text
            return text.split(separator: "\n")[3..<21].joined(separator: "\n")
        }
        var (station, controller) = try ScreenRenderingTests.charging()
        controller.ingest((1...40).map { .notice("message \($0)") }, at: station.now)
        Self.press(.character("h"), &controller, station)
        _ = ScreenRenderingTests.render(&controller, station, rows: 24, columns: 80)
        controller.ingest([.notice("message 41")], at: station.now)
        #expect(box(&controller, station).contains("message 41"))
        Self.press(.pageUp, &controller, station)
        controller.ingest([.notice("message 42")], at: station.now)
        #expect(!box(&controller, station).contains("message 42"))
    }

    @Test func theHistory_keepsTheLast500() throws {
        var (station, controller) = try ScreenRenderingTests.charging()
        controller.ingest((1...600).map { .notice("message \($0)") }, at: station.now)
        #expect(controller.feedback.count == 500)
        #expect(controller.feedback.first?.text == "message 101")
    }
}
