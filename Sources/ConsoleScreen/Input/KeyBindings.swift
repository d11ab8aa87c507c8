/// Every key the screen reacts to, one row each (lazygit's and k9s' bindings-as-data):
/// the controller looks keys up here, and the help overlay (`?`) and the hint bar are
/// generated from the same rows, so they cannot drift from what the keys do.
public enum KeyBindings {
    public static let all: [KeyBinding] = station + fleet + lists + views + overlays + prompts

    /// The fleet view (issue 15 §4) and the way back to it from a station's view.
    static let fleet: [KeyBinding] = [
        .init(
            [.enter], .openStation, .fleet, "open the selected station: its dashboard, keys and : line",
            hint: "open"),
        .init(
            [.character("i")], .jumpToStation, .fleet, "open a station by its identity or its end (Tab completes)",
            hint: "station"),
        .init(
            [.character("/")], .filter, .fleet,
            "filter by identity, link, boot, status or error code"),
        .init(
            [.character(":")], .commandLine, .fleet,
            "on <station|all> <command>; quit; quit --stop; help"),
        .init(
            [.character("F")], .backToFleet, .dashboard,
            "back to the fleet view (Esc too, without a log filter)", hint: "fleet",
            disabledReason: KeyAvailability.needsFleet),
    ]

    /// Driving the station (the dashboard).
    static let station: [KeyBinding] = [
        .init([.character("s")], .swipe, .dashboard, "swipe an RFID card (demo cards or any idTag)", hint: "swipe"),
        .init(
            [.character("p")], .togglePlug, .dashboard, "plug in / unplug the EV on the selected connector",
            hint: "plug"),
        .init([.character("x")], .stopSession, .dashboard, "press the station's stop button", hint: "stop"),
        .init(
            [.character("e")], .toggleEV, .dashboard, "EV suspends / resumes charging", hint: "EV",
            disabledReason: KeyAvailability.needsEV),
        .init([.character("!")], .fault, .dashboard, "raise or clear a connector fault", hint: "fault"),
        .init(
            [.character("l")], .toggleLockJam, .dashboard, "jam / free the cable lock of the selected connector",
            disabledReason: KeyAvailability.needsCableLock),
        .init(
            [.character("o")], .toggleOnline, .dashboard, "go offline / online (cut or restore the link)",
            hint: "offline"),
        .init([.character("R")], .reset, .dashboard, "reset the station (soft, hard) or cut its power"),
        .init(
            [.character("C")], .centralSystem, .dashboard,
            "pick a CALL for the demo central system to send",
            disabledReason: KeyAvailability.needsDemo),
        .init(
            [.tab, .right, .character("]")], .nextConnector, .dashboard, "select the next connector",
            disabledReason: KeyAvailability.needsSeveralConnectors),
        .init(
            [.backTab, .left, .character("[")], .previousConnector, .dashboard, "select the previous connector",
            disabledReason: KeyAvailability.needsSeveralConnectors),
        .init(
            (1...9).map { .character(Character(String($0))) }, .selectConnector(0), .dashboard,
            "select connector 1–9", disabledReason: KeyAvailability.needsConnector),
    ]

    /// The message log (dashboard) and the key list (configuration).
    static let lists: [KeyBinding] = [
        .init([.up, .character("k")], .up, .everywhere, "move up"),
        .init([.down, .character("j")], .down, .everywhere, "move down"),
        .init([.pageUp], .pageUp, .everywhere, "page up"),
        .init([.pageDown], .pageDown, .everywhere, "page down"),
        .init([.home, .character("g")], .top, .everywhere, "first"),
        .init([.end, .character("G")], .bottom, .everywhere, "last (the log follows new frames again)"),
        .init(
            [.enter], .open, .dashboard, "open the selected frame with its request / response",
            disabledReason: KeyAvailability.needsFrame),
        .init(
            [.enter], .open, .configuration, "edit the selected key (as a ChangeConfiguration)", hint: "edit",
            disabledReason: KeyAvailability.needsWritableKey),
        .init([.character("/")], .filter, .everywhere, "filter by text; log: >sent <received !errors and refusals"),
        .init([.escape], .clearFilter, .everywhere, "clear the filter / close"),
        .init([.character("f")], .toggleFollow, .dashboard, "follow new frames on / off"),
    ]

    /// Views and the rest.
    static let views: [KeyBinding] = [
        .init([.character("c")], .configuration, .dashboard, "configuration keys", hint: "config"),
        .init([.character("c")], .dashboard, .configuration, "back to the station", hint: "station"),
        .init(
            [.character(":")], .commandLine, .everywhere, "operator command line (Tab completes)",
            hint: "command"),
        .init([.character("?"), .function(1)], .help, .everywhere, "this help", hint: "help"),
        .init(
            [.character("h")], .history, .everywhere, "feedback history: every message kept, whole", hint: "history"),
        .init([.control("l")], .repaint, .everywhere, "repaint the screen"),
        .init(
            [.character("q")], .quit, .everywhere, "quit (a running session resumes at the next start)",
            hint: "quit"),
        .init(
            [.character("Q")], .stopAllAndQuit, .dashboard,
            "stop all sessions, quit once the stops are sent or queued",
            disabledReason: KeyAvailability.needsOneStation),
        .init(
            [.character("T")], .toggleTrace, .dashboard,
            "start / stop recording a trace of the frames (OCPP trace format 1.0, in the data directory)"),
    ]

    /// The binding of `key` in `view`: the view's own rows first (keys named one by one
    /// before classes of keys), then those of the view it falls back to.
    public static func binding(for key: Key, in view: KeyBinding.View) -> KeyBinding? {
        var current: KeyBinding.View? = view
        while let view = current {
            let rows = all.filter { $0.view == view }
            if let row = rows.first(where: { $0.keys.contains(key) })
                ?? rows.first(where: { $0.keyClass?.contains(key) == true })
            {
                return row
            }
            current = view.fallback
        }
        return nil
    }

    /// The action of `key` in `view`, if any.
    public static func action(for key: Key, in view: KeyBinding.View) -> ScreenAction? {
        binding(for: key, in: view)?.action(for: key)
    }

    /// The hint bar of a view: "s swipe  p plug …".
    public static func hints(for view: KeyBinding.View) -> [(key: String, hint: String)] {
        all.filter { ($0.view == view || $0.view == view.fallback) && $0.hint != nil }.map {
            ($0.keys[0].description, $0.hint!)
        }
    }

    /// The order of the help's sections.
    static let helpOrder: [KeyBinding.View] = [
        .dashboard, .configuration, .fleet, .everywhere, .commandLine, .filterPrompt, .valuePrompt, .lineEditor, .frame,
        .picker, .reading,
    ]

    /// The help overlay's lines, by view.
    public static var helpLines: [String] { helpLines(first: .dashboard) }

    /// The help overlay's lines, the keys of `first` (the view it was opened from) first.
    public static func helpLines(first: KeyBinding.View) -> [String] {
        var lines: [String] = []
        for view in [first] + helpOrder.filter({ $0 != first }) {
            lines.append(view.title)
            if view == .commandLine {
                lines.append(
                    "  The operator commands of scripts and --headless; 'help' lists them, 'help <command>' one.")
            }
            for binding in all where binding.view == view {
                lines.append("  " + binding.label.padding(toLength: 16, withPad: " ", startingAt: 0) + binding.summary)
            }
            lines.append("")
        }
        return Array(lines.dropLast())
    }
}
