import ChargePoint
import Testing

@testable import ConsoleScreen

/// The key table is the single source of the keys, the help and the hint bar.
@Suite("Key bindings")
struct KeyBindingsTests {
    @Test func noKeyMeansTwoThingsInOneView() {
        for view in [KeyBinding.View.dashboard, .configuration] {
            var seen: [Key: ScreenAction] = [:]
            for binding in KeyBindings.all where binding.view == view || binding.view == .everywhere {
                for key in binding.keys {
                    if let earlier = seen[key], earlier != binding.action {
                        Issue.record("\(key) is both \(earlier) and \(binding.action) in \(view)")
                    }
                    seen[key] = binding.action
                }
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

    @Test(arguments: [
        (Key.character("s"), KeyBinding.View.dashboard, ScreenAction.swipe),
        (.character("p"), .dashboard, .togglePlug),
        (.character("2"), .dashboard, .selectConnector(2)),
        (.character("c"), .dashboard, .configuration),
        (.character("c"), .configuration, .dashboard),
        (.enter, .configuration, .open),
        (.character(":"), .configuration, .commandLine),
        (.control("l"), .dashboard, .repaint),
        (.function(1), .dashboard, .help),
    ])
    func keysDoWhatTheTableSays(_ key: Key, _ view: KeyBinding.View, _ action: ScreenAction) {
        #expect(KeyBindings.action(for: key, in: view) == action)
    }

    @Test func stationKeys_doNothingInTheConfigurationView() {
        #expect(KeyBindings.action(for: .character("p"), in: .configuration) == nil)
        #expect(KeyBindings.action(for: .character("s"), in: .configuration) == nil)
    }
}
