/// What a key does on the screen. Operator actions become the same `StationCommand`s
/// that the `:` line, scripts and headless mode use.
public enum ScreenAction: Sendable, Equatable {
    case quit, help, commandLine, repaint
    case selectConnector(Int), nextConnector, previousConnector
    case swipe, togglePlug, stopSession, toggleEV, fault, toggleLockJam, reset, toggleOnline
    case configuration, dashboard
    case up, down, pageUp, pageDown, top, bottom, open, filter, toggleFollow, clearFilter
}

/// One row of the key table (lazygit's and k9s' bindings-as-data): the help overlay
/// and the hint bar are generated from `KeyBindings.all`, so they cannot drift from
/// what the keys do.
public struct KeyBinding: Sendable, Equatable {
    public enum View: Sendable, Equatable { case everywhere, dashboard, configuration }

    public let keys: [Key]
    public let action: ScreenAction
    public let view: View
    public let summary: String
    /// The few words in the hint bar, for the bindings that earn a place there.
    public let hint: String?

    init(_ keys: [Key], _ action: ScreenAction, _ view: View, _ summary: String, hint: String? = nil) {
        self.keys = keys
        self.action = action
        self.view = view
        self.summary = summary
        self.hint = hint
    }
}

public enum KeyBindings {
    public static let all: [KeyBinding] = [
        // Driving the station (the dashboard).
        .init([.character("s")], .swipe, .dashboard, "swipe an RFID card (demo cards or any idTag)", hint: "swipe"),
        .init(
            [.character("p")], .togglePlug, .dashboard, "plug in / unplug the EV on the selected connector",
            hint: "plug"),
        .init([.character("x")], .stopSession, .dashboard, "press the station's stop button", hint: "stop"),
        .init([.character("e")], .toggleEV, .dashboard, "EV suspends / resumes charging", hint: "EV"),
        .init([.character("!")], .fault, .dashboard, "raise or clear a connector fault", hint: "fault"),
        .init(
            [.character("l")], .toggleLockJam, .dashboard,
            "jam / free the cable lock of the selected connector"),
        .init(
            [.character("o")], .toggleOnline, .dashboard, "go offline / online (cut or restore the link)",
            hint: "offline"),
        .init([.character("R")], .reset, .dashboard, "reset the station (soft, hard) or cut its power"),
        .init([.tab, .right, .character("]")], .nextConnector, .dashboard, "select the next connector"),
        .init([.backTab, .left, .character("[")], .previousConnector, .dashboard, "select the previous connector"),
        .init(
            (1...9).map { .character(Character(String($0))) }, .selectConnector(0), .dashboard,
            "select connector 1–9"),
        // The message log (dashboard) and the key list (configuration).
        .init([.up, .character("k")], .up, .everywhere, "move up"),
        .init([.down, .character("j")], .down, .everywhere, "move down"),
        .init([.pageUp], .pageUp, .everywhere, "page up"),
        .init([.pageDown], .pageDown, .everywhere, "page down"),
        .init([.home, .character("g")], .top, .everywhere, "first"),
        .init([.end, .character("G")], .bottom, .everywhere, "last (the log follows new frames again)"),
        .init([.enter], .open, .dashboard, "open the selected frame with its request / response"),
        .init([.enter], .open, .configuration, "edit the selected key (as a ChangeConfiguration)", hint: "edit"),
        .init([.character("/")], .filter, .everywhere, "filter by action or text"),
        .init([.escape], .clearFilter, .everywhere, "clear the filter / close"),
        .init([.character("f")], .toggleFollow, .dashboard, "follow new frames on / off"),
        // Views and the rest.
        .init([.character("c")], .configuration, .dashboard, "configuration keys", hint: "config"),
        .init([.character("c")], .dashboard, .configuration, "back to the station", hint: "station"),
        .init(
            [.character(":")], .commandLine, .everywhere, "operator command line (Tab completes)",
            hint: "command"),
        .init([.character("?"), .function(1)], .help, .everywhere, "this help", hint: "help"),
        .init([.control("l")], .repaint, .everywhere, "repaint the screen"),
        .init(
            [.character("q")], .quit, .everywhere, "quit (a running session resumes at the next start)",
            hint: "quit"),
    ]

    /// The action of `key` in `view`, if any.
    public static func action(for key: Key, in view: KeyBinding.View) -> ScreenAction? {
        for binding in all where binding.view == view || binding.view == .everywhere {
            guard binding.keys.contains(key) else { continue }
            if case .selectConnector = binding.action, case .character(let c) = key, let digit = c.wholeNumberValue {
                return .selectConnector(digit)
            }
            return binding.action
        }
        return nil
    }

    /// The hint bar of a view: "s swipe  p plug …".
    public static func hints(for view: KeyBinding.View) -> [(key: String, hint: String)] {
        all.filter { ($0.view == view || $0.view == .everywhere) && $0.hint != nil }.map {
            ($0.keys[0].description, $0.hint!)
        }
    }

    /// The help overlay's lines, by view.
    public static var helpLines: [String] {
        var lines: [String] = []
        for (view, title) in [
            (KeyBinding.View.dashboard, "Station"), (.configuration, "Configuration keys"), (.everywhere, "Everywhere"),
        ] {
            lines.append(title)
            for binding in all where binding.view == view {
                let keys: String
                if case .selectConnector = binding.action {
                    keys = "1…9"
                } else {
                    keys = binding.keys.map(\.description).joined(separator: " ")
                }
                lines.append("  " + keys.padding(toLength: 16, withPad: " ", startingAt: 0) + binding.summary)
            }
            lines.append("")
        }
        lines.append("Command line (:)")
        lines.append("  The operator commands of scripts and --headless; ↑ ↓ history, Tab completes.")
        return lines
    }
}
