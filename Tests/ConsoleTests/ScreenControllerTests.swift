import ChargePoint
import Testing

@testable import ConsoleScreen

/// Keys become the operator commands of scripts and headless mode; refusals and
/// mistakes become visible feedback.
@Suite("Screen controller")
struct ScreenControllerTests {
    var station: ScriptedStation
    var controller: ScreenController

    init() throws {
        station = try ScriptedStation()
        controller = ScreenController(
            info: StationInfo(url: "ws://h/ocpp", stationId: "CP", cards: ScriptedStation.cards))
    }

    mutating func press(_ keys: Key...) -> [ScreenEffect] {
        var effects: [ScreenEffect] = []
        for key in keys {
            effects += controller.handle(
                key, snapshot: station.snapshot, configuration: station.core.configurationEntries, at: station.now)
        }
        return effects
    }

    mutating func type(_ text: String) -> [ScreenEffect] {
        var effects: [ScreenEffect] = []
        for character in text { effects += press(.character(character)) }
        return effects
    }

    @Test mutating func threeKeystrokesCharge_swipeEnterPlug() {
        #expect(press(.character("s")) == [])
        #expect(press(.enter) == [.submit(.swipe(idTag: "04A1B2C3D4E5F6", connector: 1))])
        #expect(press(.character("p")) == [.submit(.toggle(.plug, connector: 1))])
    }

    /// The key sends the intent; the station decides plug or unplug from its own state
    /// when the command arrives (issue 9 §1), not from the picture the screen drew.
    @Test mutating func plugToggles_onTheSelectedConnector() {
        _ = press(.character("2"))
        #expect(press(.character("p")) == [.submit(.toggle(.plug, connector: 2))])
        station.command(.toggle(.plug, connector: 2))
        #expect(station.snapshot.connectors[1].evConnected)
        #expect(press(.character("p")) == [.submit(.toggle(.plug, connector: 2))])
        station.command(.toggle(.plug, connector: 2))
        #expect(!station.snapshot.connectors[1].evConnected)
        _ = press(.character("7"))
        #expect(controller.feedback.last?.text == "there is no connector 7")
        #expect(controller.selectedConnector == 2)
    }

    @Test mutating func freeIdTag_fromThePicker() {
        _ = press(.character("s"), .end, .enter)
        #expect(controller.prompt?.purpose == .idTag(connector: 1))
        #expect(type("MY-CARD") == [])
        #expect(press(.enter) == [.submit(.swipe(idTag: "MY-CARD", connector: 1))])
    }

    @Test mutating func commandLine_runsTheScriptGrammar_withHistory() {
        _ = press(.character(":"))
        _ = type("fault 1 GroundFailure")
        #expect(press(.enter) == [.submit(.fault(connector: 1, code: .groundFailure, info: nil))])
        _ = press(.character(":"), .up)
        #expect(controller.prompt?.editor.string == "fault 1 GroundFailure")
        _ = press(.escape, .character(":"))
        _ = type("plgu 1")
        #expect(press(.enter) == [])
        #expect(controller.feedback.last?.kind == .error)
        #expect(controller.feedback.last?.text.contains("did you mean 'plug'") == true)
        _ = press(.character(":"))
        _ = type("quit")
        #expect(press(.enter) == [.quit])
    }

    @Test mutating func tab_completesCommandsAndKeys() {
        _ = press(.character(":"))
        _ = type("con")
        _ = press(.tab)
        #expect(controller.prompt?.editor.string == "config ")
        _ = type("set HeartbeatInt")
        _ = press(.tab)
        #expect(controller.prompt?.editor.string == "config set HeartbeatInterval ")
    }

    @Test mutating func configurationEdit_isAChangeConfiguration_andReadOnlyKeysSaySo() {
        _ = press(.character("c"), .character("/"))
        _ = type("HeartbeatInterval")
        _ = press(.enter, .enter)
        #expect(controller.prompt?.purpose == .configValue(key: "HeartbeatInterval"))
        #expect(controller.prompt?.editor.string == "300")
        _ = press(.backspace, .backspace, .backspace)
        _ = type("60")
        #expect(press(.enter) == [.submit(.configSet(key: "HeartbeatInterval", value: "60"))])
        _ = press(.character("/"), .control("u"))
        _ = type("NumberOfConnectors")
        _ = press(.enter, .enter)
        #expect(controller.prompt == nil)
        #expect(controller.feedback.last?.text == "NumberOfConnectors is read-only")
    }

    @Test mutating func writeOnlyKey_startsEmpty() {
        // A key that has a value: the editor must not show it.
        let secret = "0123456789abcdef0123456789abcdef"
        station.command(.configSet(key: "AuthorizationKey", value: secret))
        #expect(station.core.authorizationKey == secret)
        _ = press(.character("c"), .character("/"))
        _ = type("AuthorizationKey")
        _ = press(.enter, .enter)
        #expect(controller.prompt?.purpose == .configValue(key: "AuthorizationKey"))
        #expect(controller.prompt?.editor.string == "")
    }

    @Test mutating func resetPicker_offersAPowerCut() {
        _ = press(.character("R"), .end)
        #expect(press(.enter) == [.powerCut])
        _ = press(.character("R"))
        #expect(press(.character("2")) == [.submit(.reset(.hard))])
    }

    @Test mutating func stationErrors_becomeFeedback() {
        controller.ingest([.error("connector 1 has no fault to clear")], at: station.now)
        #expect(
            controller.feedback.last
                == Feedback(time: station.now, kind: .error, text: "connector 1 has no fault to clear"))
    }

    @Test("security events: storage getting full is alarming; a log the operator cleared is a notice")
    mutating func securityEvents_becomeFeedback() {
        func event(_ kind: SecurityEventKind, _ info: String) -> StationEvent {
            .security(SecurityLogEntry(sequence: 1, time: station.now, kind: kind, info: info))
        }
        controller.ingest([event(.memoryExhaustion, "18 messages wait")], at: station.now)
        #expect(
            controller.feedback.last
                == Feedback(time: station.now, kind: .error, text: "security event MemoryExhaustion: 18 messages wait"))
        controller.ingest([event(.securityLogWasCleared, "cleared")], at: station.now)
        #expect(controller.feedback.last?.kind == .notice)
    }

    @Test mutating func logSelection_pausesAndEndFollows() {
        controller.ingest(station.allEvents, at: station.now)
        #expect(controller.logCursor == nil)
        _ = press(.up)
        #expect(controller.logCursor != nil)
        _ = press(.end)
        #expect(controller.logCursor == nil)
    }

    // MARK: Why a key does nothing now

    @Test mutating func keysThatCannotActNow_sayWhy() {
        #expect(press(.character("e")) == [])
        #expect(controller.feedback.last?.text == "connector 1: no EV is plugged in")
        _ = press(.character("2"))
        #expect(press(.character("l")) == [])
        #expect(controller.feedback.last?.text == "connector 2 has no cable lock (a fixed cable)")
        #expect(press(.enter) == [])
        #expect(controller.overlay == nil)
        #expect(controller.feedback.last?.text == "the log is empty")
        #expect(controller.feedback.last?.kind == .error)
    }

    @Test mutating func keysThatCanAct_sayNothing() {
        _ = press(.character("1"))
        station.command(.plug(connector: 1))
        #expect(press(.character("e")) == [.submit(.toggle(.evSuspended, connector: 1))])
        #expect(press(.character("l")) == [.submit(.toggle(.lockJam, connector: 1))])
        #expect(controller.feedback.isEmpty)
    }

    @Test mutating func aSingleConnector_cannotBeChanged() throws {
        station = try ScriptedStation(profile: "jst-con-03")
        _ = press(.tab)
        #expect(controller.feedback.last?.text == "the station has one connector")
        _ = press(.character("2"))
        #expect(controller.feedback.last?.text == "there is no connector 2")
    }

    @Test mutating func pickerDigits_beyondTheList_sayHowManyThereAre() {
        _ = press(.character("R"))
        #expect(press(.character("7")) == [])
        #expect(controller.feedback.last?.text == "there are 3 choices")
        #expect(press(.character("j"), .escape) == [])
        #expect(controller.overlay == nil)
    }

    @Test mutating func aFrameWithoutItsAnswer_saysSo() {
        controller.ingest([.frame(FrameEvent.parsed(.outgoing, #"[2,"m1","Heartbeat",{}]"#))], at: station.now)
        _ = press(.enter)
        #expect(controller.overlay == .frame(sequence: 1, scroll: 0))
        _ = press(.right)
        #expect(controller.feedback.last?.text == "no answer to this frame yet")
        controller.ingest(
            [.frame(FrameEvent.parsed(.incoming, #"[3,"m1",{"currentTime":"2026-11-24T10:00:00Z"}]"#))], at: station.now
        )
        _ = press(.right)
        #expect(controller.overlay == .frame(sequence: 2, scroll: 0))
        _ = press(.character("j"), .control("l"))
        #expect(controller.overlay == .frame(sequence: 2, scroll: 1))
        _ = press(.character("x"))
        #expect(controller.overlay == nil)
    }

    @Test mutating func overlaysAndPrompts_takeTheirOwnKeys() {
        _ = press(.character("?"), .character("j"), .character(" "))
        #expect(controller.overlay == .help(scroll: 11))
        #expect(press(.control("l")) == [.repaintAll])
        #expect(press(.character("q")) == [])  // closes the help, does not quit
        #expect(controller.overlay == nil)
        _ = press(.character(":"))
        _ = type("q")
        #expect(controller.prompt?.editor.string == "q")
        _ = press(.escape, .character("/"))
        _ = type("Boot")
        #expect(controller.log.filter == "Boot")
        _ = press(.enter)
        #expect(controller.prompt == nil && controller.log.filter == "Boot")
        _ = press(.escape)
        #expect(controller.log.filter == "")
    }

    /// `:certs` (Tab completes it) asks the station; its answer opens the overlay, which
    /// scrolls and closes like the help, and a `q` there closes it rather than quitting.
    @Test mutating func certs_fromTheCommandLine_opensTheList_andEscOrQCloses() {
        _ = press(.character(":"))
        _ = type("cer")
        _ = press(.tab)
        #expect(controller.prompt?.editor.string == "certs ")
        #expect(press(.enter) == [.submit(.certificates)])
        station.command(.certificates)
        guard case .certificates(let report) = station.allEvents.last else {
            Issue.record("the station did not answer certs")
            return
        }
        controller.ingest([.certificates(report)], at: station.now)
        #expect(controller.overlay == .certificates(report, scroll: 0))
        #expect(controller.keyView == .reading)
        _ = press(.down, .pageDown)
        #expect(controller.overlay == .certificates(report, scroll: 11))
        #expect(press(.character("q")) == [])
        #expect(controller.overlay == nil)
        controller.ingest([.certificates(report)], at: station.now)
        _ = press(.escape)
        #expect(controller.overlay == nil)
    }
}

/// Issue 15 §4: a station opened from the fleet view goes back to it with `F`, or `Esc`
/// when its log has no filter; a single console has no fleet view and says so.
@Suite("Screen controller in a fleet")
struct ScreenControllerFleetTests {
    @Test func F_andEsc_goBackToTheFleetView() throws {
        let station = try ScriptedStation()
        var info = StationInfo(url: "ws://h/ocpp/CP-0003", stationId: "CP-0003")
        info.inFleet = true
        var controller = ScreenController(info: info)
        func press(_ key: Key) -> [ScreenEffect] {
            controller.handle(key, snapshot: station.snapshot, configuration: [], at: station.now)
        }
        #expect(press(.character("F")) == [.backToFleet])
        #expect(press(.escape) == [.backToFleet])
        _ = press(.character("/"))
        _ = press(.character("B"))
        _ = press(.enter)
        #expect(press(.escape) == [])  // clears the filter first
        #expect(press(.escape) == [.backToFleet])
        #expect(press(.character("Q")) == [])  // one station's stops would not be the fleet's
        #expect(controller.feedback.last?.text.contains(":on all stop") == true)
    }

    @Test func F_inASingleConsole_saysThereIsNoFleet() throws {
        let station = try ScriptedStation()
        var controller = ScreenController(info: StationInfo(url: "ws://h/ocpp/CP", stationId: "CP"))
        #expect(
            controller.handle(.character("F"), snapshot: station.snapshot, configuration: [], at: station.now) == [])
        #expect(controller.feedback.last?.text.contains("no fleet view") == true)
        #expect(controller.handle(.escape, snapshot: station.snapshot, configuration: [], at: station.now) == [])
    }
}
