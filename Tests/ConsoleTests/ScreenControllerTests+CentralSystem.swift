import ChargePoint
import Testing

@testable import ConsoleScreen

/// `C` (issue 14 §2): a picker of the demo central system's CALLs for people who do not
/// type commands at a booth; the chosen line goes to the `:` line, ready to run.
extension ScreenControllerTests {
    mutating func withDemo() {
        controller = ScreenController(
            info: StationInfo(url: "ws://h/ocpp", stationId: "CP", cards: ScriptedStation.cards, demo: true))
    }

    @Test("issue 14 §2: C lists every csms command, each with a line that parses to it")
    mutating func c_listsEveryCsmsCommand_readyToRun() throws {
        withDemo()
        _ = press(.character("C"))
        guard case .picker(let picker)? = controller.overlay else {
            Issue.record("no picker")
            return
        }
        let names = CommandCatalog.centralSystemCommands.compactMap(\.arguments.first?.keywords.first)
        #expect(
            picker.items.map { $0.label.split(separator: " ").first.map(String.init) } == names,
            "one item per csms command, in the catalog's order")
        #expect(picker.items.contains { $0.label == "station-limit 7" }, "the arguments show")
        for item in picker.items {
            guard case .centralSystem? = try CommandParser.parse(item.value) else {
                Issue.record("\(item.value) is no csms command")
                continue
            }
        }
    }

    @Test("issue 14 §2: the chosen line waits on the : line; Enter sends the CALL")
    mutating func choosingAnItem_putsItsLineOnTheCommandLine() {
        withDemo()
        _ = press(.character("C"))
        let index = CommandCatalog.centralSystemCommands.firstIndex { $0.arguments.first?.keywords == ["station-limit"] }
        for _ in 0..<(index ?? 0) { _ = press(.down) }
        #expect(press(.enter) == [])
        #expect(controller.prompt?.editor.string == "csms station-limit 7")
        #expect(press(.enter) == [.centralSystem(.stationLimit(kilowatts: 7))])
    }

    @Test("issue 14 §2: without --demo, C says why it does nothing")
    mutating func c_withoutTheDemo_saysWhy() {
        #expect(press(.character("C")) == [])
        #expect(controller.overlay == nil)
        #expect(controller.feedback.last?.text.contains("--demo") == true)
    }

    @Test func nextVersion_countsTheLastNumberUp() {
        #expect(CentralSystemExamples.nextVersion("1.2.3") == "1.2.4")
        #expect(CentralSystemExamples.nextVersion("7") == "8")
        #expect(CentralSystemExamples.nextVersion("v1.beta") == "2.0.0")
        #expect(CentralSystemExamples.nextVersion(nil) == "2.0.0")
    }
}
