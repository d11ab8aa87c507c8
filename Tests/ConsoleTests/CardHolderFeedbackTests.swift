import ChargePoint
import Testing

@testable import ConsoleScreen

/// Card holders by name in the feedback line too (issue 12, sales engineer): a message
/// that names a demo card's idTag gives its holder, "Alice (04A1B2C3D4E5F6)"; any other
/// idTag, and a demo idTag inside a longer word, stay as they are.
@Suite("Card holders in feedback")
struct CardHolderFeedbackTests {
    static func controller() -> ScreenController {
        ScreenController(info: StationInfo(url: "ws://h/ocpp/CP", stationId: "CP", cards: ScriptedStation.cards))
    }

    @Test func aSwipedDemoCard_isNamedInTheFeedbackLine() throws {
        var (station, controller) = try ScreenRenderingTests.charging()
        let texts = controller.feedback.map(\.text)
        #expect(texts.contains("Alice (04A1B2C3D4E5F6) accepted on connector 1"), "\(texts)")
        #expect(texts.contains("connector 1: transaction started for Alice (04A1B2C3D4E5F6)"), "\(texts)")
        let screen = ScreenRenderingTests.render(&controller, station, rows: 40, columns: 120).text
        #expect(screen.contains("transaction started for Alice (04A1B2C3D4E5F6)"), "\(screen)")
    }

    @Test func everyDemoCardInAMessage_isNamed_andOtherIdTagsStayAsTheyAre() {
        var controller = Self.controller()
        controller.ingest(
            [
                .error("04DEADBEEF0001 rejected: Blocked"),
                .notice("04B7E5F1A2C3D4 and 04C9D8E7F6A5B4 share FAMILY-7; 0404A1B2C3D4E5F6 is no demo card"),
                .notice("DEADBEEF accepted on connector 2"),
            ], at: ScriptedStation.start)
        #expect(
            controller.feedback.map(\.text) == [
                "Mallory (04DEADBEEF0001) rejected: Blocked",
                "Bob (04B7E5F1A2C3D4) and Carol (04C9D8E7F6A5B4) share FAMILY-7; 0404A1B2C3D4E5F6 is no demo card",
                "DEADBEEF accepted on connector 2",
            ])
    }

    /// Issue 12 review: a script's line is quoted as the file has it.
    @Test func aScriptsLine_isQuotedAsWritten() {
        var controller = Self.controller()
        controller.ingest([.notice("script: line 5 of 12: swipe 04A1B2C3D4E5F6 1")], at: ScriptedStation.start)
        #expect(controller.feedback.map(\.text) == ["script: line 5 of 12: swipe 04A1B2C3D4E5F6 1"])
    }
}
