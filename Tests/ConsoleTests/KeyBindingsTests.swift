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
        (.character("x"), .help, .close),
        (.character(" "), .help, .pageDown),
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
        (.enter, .filterPrompt, .cancel),
        (.enter, .valuePrompt, .submit),
        (.control("w"), .filterPrompt, .edit),
        (.resize, .help, nil),
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
