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

    @Test func helpListsEveryBinding() {
        let help = KeyBindings.helpLines.joined(separator: "\n")
        for binding in KeyBindings.all {
            #expect(help.contains(binding.summary), "help lacks \(binding.summary)")
        }
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
