import ChargePoint
import Testing

@testable import ConsoleScreen

/// The key table is the single source of the keys, the help and the hint bar: the
/// views, the overlays and the prompts alike.
@Suite("Key bindings")
struct KeyBindingsTests {
    /// A view's own rows and those of the view it falls back to.
    static func rows(in view: KeyBinding.View) -> [KeyBinding] {
        KeyBindings.all.filter { $0.view == view || $0.view == view.fallback }
    }

    @Test func noKeyMeansTwoThingsInOneView() {
        for view in KeyBinding.View.allCases {
            var seen: [Key: ScreenAction] = [:]
            for binding in Self.rows(in: view) {
                for key in binding.keys {
                    let action = binding.action(for: key)
                    if let earlier = seen[key], earlier != action {
                        Issue.record("\(key) is both \(earlier) and \(action) in \(view)")
                    }
                    seen[key] = action
                }
            }
        }
    }

    @Test func helpListsEveryBinding_underItsView() {
        let help = KeyBindings.helpLines
        for view in KeyBinding.View.allCases {
            #expect(KeyBindings.helpOrder.contains(view), "the help has no section for \(view)")
            guard let start = help.firstIndex(of: view.title) else {
                Issue.record("help lacks the section \(view.title)")
                continue
            }
            let section = help[start...].prefix { !$0.isEmpty }
            for binding in KeyBindings.all where binding.view == view {
                #expect(section.contains { $0.hasSuffix(binding.summary) }, "\(view.title) lacks \(binding.summary)")
            }
        }
    }

    /// The help is judged by what the keys do, not by the table it is made from: in each
    /// view, the keys that change the screen (or ask the driver for something) are
    /// exactly the keys the help lists for that view and under "Everywhere".
    @Test func help_listsExactlyTheKeysThatAct() throws {
        let listed = Self.helpSections()
        let everywhere = try #require(listed["Everywhere"])
        let views: [(String, [Base])] = [
            ("Station", try Self.dashboardBases()), ("Configuration keys", try Self.configurationBases()),
        ]
        for (section, bases) in views {
            let documented = try #require(listed[section]).union(everywhere)
            let acting = Set(Self.everyKey.filter { key in bases.contains { $0.acts(on: key) } })
            let undocumented = acting.subtracting(documented).map(\.description).sorted()
            let idle = documented.subtracting(acting).map(\.description).sorted()
            #expect(undocumented.isEmpty, "\(section): these keys act but the help does not list them")
            #expect(idle.isEmpty, "\(section): the help lists these keys, which do nothing there")
        }
    }

    /// Every key a terminal can send that the console reads (a resize is not a key press).
    static let everyKey: [Key] =
        (0x20...0x7E).map { Key.character(Character(UnicodeScalar(UInt8($0)))) }
        + [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end]
        + [.enter, .escape, .tab, .backTab, .backspace, .delete]
        + "abcdefghijklmnopqrstuvwxyz".map { Key.control($0) } + (1...12).map { Key.function($0) }

    /// The keys of each section of the help, read from its text ("1…9" is the digits).
    static func helpSections() -> [String: Set<Key>] {
        let byName = Dictionary(everyKey.map { ($0.description, $0) }, uniquingKeysWith: { first, _ in first })
        var sections: [String: Set<Key>] = [:]
        var section = ""
        for line in KeyBindings.helpLines where !line.isEmpty {
            guard line.hasPrefix("  ") else {
                section = line
                continue
            }
            let column = line.dropFirst(2).prefix(16).split(separator: " ").map(String.init)
            for name in column {
                if name == "1…9" {
                    sections[section, default: []].formUnion((1...9).map { Key.character(Character(String($0))) })
                } else if let key = byName[name] {
                    sections[section, default: []].insert(key)
                }
            }
        }
        return sections
    }

    /// A screen in a given state, to press one key on.
    struct Base {
        var station: ScriptedStation
        var controller: ScreenController

        func acts(on key: Key) -> Bool {
            var controller = self.controller
            let before = fingerprint(controller)
            let effects = controller.handle(
                key, snapshot: station.snapshot, configuration: station.core.configurationEntries, at: station.now)
            return !effects.isEmpty || fingerprint(controller) != before
        }

        /// What the operator sees, and the state that decides what the next key does.
        func fingerprint(_ controller: ScreenController) -> String {
            var controller = controller
            let configuration = controller.view == .configuration
            let text = ScreenRenderingTests.render(
                &controller, station, rows: 40, columns: 120, configuration: configuration
            ).text
            return "\(text)|\(controller.view)|\(String(describing: controller.overlay))|"
                + "\(String(describing: controller.prompt))|\(controller.selectedConnector)|"
                + "\(String(describing: controller.logCursor))|\(controller.configCursor)|\(controller.feedback.count)"
        }

        mutating func press(_ keys: Key...) {
            for key in keys {
                _ = controller.handle(
                    key, snapshot: station.snapshot, configuration: station.core.configurationEntries, at: station.now)
            }
        }
    }

    /// The dashboard while charging, a log entry selected (so that every move moves),
    /// once with each connector selected (so that every digit selects something).
    static func dashboardBases() throws -> [Base] {
        let (station, controller) = try ScreenRenderingTests.charging()
        var first = Base(station: station, controller: controller)
        first.press(.up, .up)
        var second = first
        second.press(.character("2"))
        return [first, second]
    }

    /// The configuration keys, a key below the first selected.
    static func configurationBases() throws -> [Base] {
        let (station, controller) = try ScreenRenderingTests.charging()
        var base = Base(station: station, controller: controller)
        base.press(.character("c"), .down, .down)
        return [base]
    }

    @Test func everyView_hintsHelpAndQuit() {
        for view in [KeyBinding.View.dashboard, .configuration] {
            let keys = KeyBindings.hints(for: view).map(\.key)
            #expect(keys.contains("?") && keys.contains("q"))
        }
    }

    /// The line editor's rows name only keys it takes (and it takes every character).
    @Test func editingRows_areKeysTheLineEditorTakes() {
        for binding in KeyBindings.all where binding.action == .edit {
            for key in binding.keys {
                var editor = LineEditor("some text")
                editor.history = ["earlier"]
                let took = editor.apply(key)
                #expect(took, "the line editor ignores \(key)")
            }
        }
        var editor = LineEditor()
        let took = editor.apply(.character("é"))
        #expect(took && editor.string == "é")
    }

    @Test(arguments: [
        (Key.character("s"), KeyBinding.View.dashboard, ScreenAction?.some(.swipe)),
        (.character("p"), .dashboard, .togglePlug),
        (.character("2"), .dashboard, .selectConnector(2)),
        (.character("c"), .dashboard, .configuration),
        (.character("c"), .configuration, .dashboard),
        (.enter, .configuration, .open),
        (.character(":"), .configuration, .commandLine),
        (.control("l"), .dashboard, .repaint),
        (.function(1), .dashboard, .help),
        (.character("x"), .reading, .close),
        (.character(" "), .reading, .pageDown),
        (.control("l"), .frame, .repaint),
        (.left, .frame, .partner),
        (.escape, .frame, .close),
        (.character("3"), .picker, .chooseItem(3)),
        (.character("q"), .picker, .cancel),
        (.character("x"), .picker, nil),
        (.character("q"), .commandLine, .edit),
        (.tab, .commandLine, .complete),
        (.up, .commandLine, .edit),
        (.tab, .valuePrompt, nil),
        (.enter, .filterPrompt, .submit),
        (.escape, .filterPrompt, .cancel),
        (.character("h"), .dashboard, .history),
        (.character("h"), .configuration, .history),
        (.end, .reading, .bottom),
        (.home, .frame, .top),
        (.enter, .valuePrompt, .submit),
        (.control("w"), .filterPrompt, .edit),
        (.resize, .reading, nil),
    ])
    func keysDoWhatTheTableSays(_ key: Key, _ view: KeyBinding.View, _ action: ScreenAction?) {
        #expect(KeyBindings.action(for: key, in: view) == action)
    }

    @Test func stationKeys_doNothingInTheConfigurationView() {
        #expect(KeyBindings.action(for: .character("p"), in: .configuration) == nil)
        #expect(KeyBindings.action(for: .character("s"), in: .configuration) == nil)
    }

    @Test func helpNamesClassesOfKeys() {
        let help = KeyBindings.helpLines
        #expect(help.contains { $0.hasPrefix("  1…9 ") && $0.hasSuffix("select connector 1–9") })
        #expect(help.contains { $0.hasPrefix("  characters ") })
        #expect(help.contains { $0.hasPrefix("  any other key ") })
    }
}
