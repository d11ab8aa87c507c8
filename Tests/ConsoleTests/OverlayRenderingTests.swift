import ChargePoint
import Testing

@testable import ConsoleScreen

/// Issue 12 §4, §9, §10 and the acceptance tester's `:status`: the command grammar on the
/// `:` line, overlays that stop scrolling at their end, a filter prompt that Esc undoes,
/// and the snapshot in an overlay.
@Suite("Overlays")
struct OverlayRenderingTests {
    static func press(_ keys: Key..., into controller: inout ScreenController, _ station: ScriptedStation) {
        for key in keys { _ = controller.handle(key, snapshot: station.snapshot, configuration: [], at: station.now) }
    }

    static func type(_ text: String, into controller: inout ScreenController, _ station: ScriptedStation) {
        for character in text { press(.character(character), into: &controller, station) }
    }

    /// `:help` lists the commands (the headless text), not the keys.
    @Test func help_onTheCommandLine_listsTheCommands() throws {
        var (station, controller) = try ScreenRenderingTests.charging()
        Self.press(.character(":"), into: &controller, station)
        Self.type("help", into: &controller, station)
        Self.press(.enter, into: &controller, station)
        #expect(controller.overlay == .commands(command: nil, scroll: 0))
        let text = ScreenRenderingTests.render(&controller, station, rows: 24, columns: 80).text
        try Golden.check(text, "commands-80x24")
        #expect(text.contains("plug <c>") && text.contains("swipe <idTag> [c]"))
        #expect(!text.contains("swipe an RFID card"))
    }

    @Test func helpWithACommand_showsItsUsage() throws {
        var (station, controller) = try ScreenRenderingTests.charging()
        Self.press(.character(":"), into: &controller, station)
        Self.type("help ev", into: &controller, station)
        Self.press(.enter, into: &controller, station)
        let text = ScreenRenderingTests.render(&controller, station, rows: 24, columns: 80).text
        #expect(text.contains("ev suspend|resume <c>  the EV stops / resumes drawing power"))
        #expect(text.contains("ev power <c> <kW>      the EV's maximum draw"))
        #expect(!text.contains("plug <c>"))
    }

    /// Tab's list at 80 columns: whole names, then how many more.
    @Test func tabChoices_tooManyForTheLine_endInAnEllipsis() throws {
        var (station, controller) = try ScreenRenderingTests.charging()
        Self.press(.character(":"), .tab, into: &controller, station)
        let text = ScreenRenderingTests.render(&controller, station, rows: 24, columns: 80).text
        let hints = String(text.split(separator: "\n")[23])
        #expect(hints.hasPrefix(" plug  unplug  swipe"))
        #expect(hints.contains("… ") && hints.hasSuffix("more (type on to narrow)"), "\(hints)")
    }

    /// Paging past the end stays at the end: the first PgUp scrolls back at once.
    @Test(arguments: ["help", "frame", "certificates", "commands"])
    func pagingPastTheEnd_thenPgUp_scrollsAtOnce(_ which: String) throws {
        var (station, controller) = try ScreenRenderingTests.charging()
        switch which {
        case "help": Self.press(.character("?"), into: &controller, station)
        case "frame": Self.press(.enter, into: &controller, station)
        case "certificates": controller.ingest([.certificates(ScreenRenderingTests.certificates)], at: station.now)
        default:
            Self.press(.character(":"), into: &controller, station)
            Self.type("help", into: &controller, station)
            Self.press(.enter, into: &controller, station)
        }
        var end = ""
        for _ in 0..<25 {
            Self.press(.pageDown, into: &controller, station)
            end = ScreenRenderingTests.render(&controller, station, rows: 24, columns: 80).text
        }
        Self.press(.pageUp, into: &controller, station)
        let back = ScreenRenderingTests.render(&controller, station, rows: 24, columns: 80).text
        #expect(back != end, "\(which): PgUp after paging past the end did nothing")
        Self.press(.end, into: &controller, station)
        #expect(ScreenRenderingTests.render(&controller, station, rows: 24, columns: 80).text == end)
    }

    /// Esc in the `/` prompt puts back the filter the prompt opened with; Enter keeps
    /// what was typed.
    @Test func escInTheFilterPrompt_putsThePreviousFilterBack() throws {
        var (station, controller) = try ScreenRenderingTests.charging()
        Self.press(.character("/"), into: &controller, station)
        Self.type("Meter", into: &controller, station)
        Self.press(.enter, into: &controller, station)
        #expect(controller.log.filter == "Meter")
        Self.press(
            .character("/"), .backspace, .backspace, .backspace, .backspace, .backspace, into: &controller, station)
        Self.type("Boot", into: &controller, station)
        #expect(controller.log.filter == "Boot")
        Self.press(.escape, into: &controller, station)
        #expect(controller.prompt == nil && controller.log.filter == "Meter")
        _ = controller.perform(.configuration, snapshot: station.snapshot, configuration: [], at: station.now)
        Self.press(.character("/"), into: &controller, station)
        Self.type("Heart", into: &controller, station)
        Self.press(.escape, into: &controller, station)
        #expect(controller.configFilter == "")
    }

    /// `:status` shows the station's answer, the whole snapshot, in an overlay.
    @Test func status_showsTheSnapshotInAnOverlay() throws {
        var (station, controller) = try ScreenRenderingTests.charging()
        Self.press(.character(":"), into: &controller, station)
        Self.type("status", into: &controller, station)
        let effects = controller.handle(.enter, snapshot: station.snapshot, configuration: [], at: station.now)
        #expect(effects == [.submit(.status)])
        station.command(.status)
        guard case .snapshot(let snapshot)? = station.allEvents.last else {
            Issue.record("the station did not answer status")
            return
        }
        controller.ingest([.snapshot(snapshot)], at: station.now)
        #expect(controller.keyView == .reading)
        let text = ScreenRenderingTests.render(&controller, station, rows: 24, columns: 80).text
        try Golden.check(text, "status-80x24")
        #expect(text.contains("Connector 1") && text.contains("04A1B2C3D4E5F6"))
        // Issue 12 review: the holder by name, as the connector row and the feedback say it.
        #expect(text.contains("Alice (04A1B2C3D4E5F6)"), "\(text)")
    }
}
