import ChargePoint
import ConsoleScreen

/// `--kiosk` (README "Command line"): at a booth, what would end the show — quit, a
/// reset or power cut, a fault, going offline — waits for a confirmation key. Whatever
/// asked for it (a key, a picker, the `:` line), the effect is held and the feedback
/// line asks; `y` carries it out, any other key keeps the station as it is.
struct KioskGuard {
    /// What waits for `y`.
    private(set) var held: [ScreenEffect] = []
    /// `Q` (or `quit --stop`) confirmed: its stops went, and the quit that follows them
    /// needs no second `y`.
    private(set) var stopAndQuitConfirmed = false
    /// Whether `held` are the stops of `Q` (the screen's wait to quit has not begun).
    private(set) var heldStopAndQuit = false

    static let confirmationKey = Key.character("y")

    /// The effects to carry out now, and the question for the feedback line when some
    /// are held. `heldOffline`: the link is down by the operator (`o` brings it back,
    /// which needs no confirmation). `stoppingToQuit`: the effects are those of `Q` (the
    /// screen is stopping every session to quit): its stops wait for `y` as a quit does,
    /// before any session is touched.
    mutating func filter(
        _ effects: [ScreenEffect], heldOffline: Bool, stoppingToQuit: Bool = false
    ) -> (now: [ScreenEffect], question: String?) {
        // A confirmed `Q` ends with its quit, or when it gave up (no quit then).
        if !stoppingToQuit { stopAndQuitConfirmed = false }
        if stoppingToQuit, !stopAndQuitConfirmed {
            let stops = effects.filter { if case .submit(.stop) = $0 { true } else { false } }
            if !stops.isEmpty {
                (held, heldStopAndQuit) = (stops, true)
                return (effects.filter { !stops.contains($0) }, "kiosk: y to stop every session and quit, other keys cancel")
            }
        }
        let dangerous = effects.filter {
            Self.consequence(of: $0, heldOffline: heldOffline) != nil && !($0 == .quit && stopAndQuitConfirmed)
        }
        guard !dangerous.isEmpty else { return (effects, nil) }
        (held, heldStopAndQuit) = (dangerous, false)
        let what = dangerous.compactMap { Self.consequence(of: $0, heldOffline: heldOffline) }.joined(separator: ", ")
        return (effects.filter { !dangerous.contains($0) }, "kiosk: y to \(what), other keys cancel")
    }

    /// A key while effects are held: those to carry out (none unless `y`), what to say,
    /// and whether a `Q` was cancelled (the screen then stops waiting to quit); nil when
    /// nothing is held (the key is the screen's).
    mutating func answer(_ key: Key) -> (effects: [ScreenEffect], notice: String, cancelledStopAndQuit: Bool)? {
        guard !held.isEmpty else { return nil }
        defer { (held, heldStopAndQuit) = ([], false) }
        guard key == Self.confirmationKey else { return ([], "kiosk: cancelled; nothing changed", heldStopAndQuit) }
        if heldStopAndQuit { stopAndQuitConfirmed = true }
        return (held, "kiosk: confirmed", false)
    }

    /// Ctrl-C, Ctrl-Z and Ctrl-\ reach a kiosk as keys (no signal ends the show): what
    /// the feedback line says to them; nil for other keys.
    static func signalKeyRefusal(_ key: Key) -> String? {
        guard case .control(let letter) = key, ["c", "z", "\\"].contains(letter) else { return nil }
        return "kiosk: Ctrl-\(letter.uppercased()) does nothing here; staff quit with q, then y"
    }

    /// What the effect would do, in words, when it needs a confirmation.
    static func consequence(of effect: ScreenEffect, heldOffline: Bool) -> String? {
        switch effect {
        case .quit: "quit"
        case .powerCut: "cut the power"
        case .submit(.reset(let type)): "reset the station (\(type.rawValue.lowercased()))"
        case .submit(.lockJam(let connector)): "jam the lock of connector \(connector)"
        case .submit(.fault(let connector, let code, _)):
            "raise \(code.rawValue) on \(connector == 0 ? "the station" : "connector \(connector)")"
        case .submit(.offline): "go offline"
        case .submit(.toggleOffline): heldOffline ? nil : "go offline"
        case .centralSystem(let command): consequence(of: command)
        case .submit, .repaintAll, .copyToClipboard, .saveFrame, .saveLog, .toggleTrace, .backToFleet: nil
        }
    }

    /// What the CALL of a `csms` command would do, in words, when it ends the show as the
    /// station's own guarded keys would (a reset, a connector out of service like a fault,
    /// a firmware update that reboots the station). Judged by the CALL it sends, so that
    /// `csms send Reset {…}` waits like `csms reset` does.
    static func consequence(of command: CentralSystemCommand) -> String? {
        switch command {
        case .reset(let type): reset(type.rawValue)
        case .availability(let connector, .inoperative): inoperative(connector)
        case .updateFirmware: firmware
        case .send(let name, let text): consequence(ofSending: name, text)
        default: nil
        }
    }

    /// `csms send <Action> <json>`: its action and payload judged as the typed commands.
    private static func consequence(ofSending name: String, _ text: String) -> String? {
        let payload = try? JSONParser.parse(text)
        switch Action(caseInsensitive: name) {
        case .reset?: return reset(payload?["type"]?.stringValue ?? "")
        case .changeAvailability?:
            guard payload?["type"]?.stringValue == AvailabilityType.inoperative.rawValue else { return nil }
            return inoperative(payload?["connectorId"]?.intValue ?? 0)
        case .updateFirmware?, .signedUpdateFirmware?: return firmware
        default: return nil
        }
    }

    private static func reset(_ type: String) -> String {
        "reset the station" + (type.isEmpty ? "" : " (\(type.lowercased()))") + " by csms"
    }

    private static func inoperative(_ connector: Int) -> String {
        "make \(connector == 0 ? "the station" : "connector \(connector)") inoperative by csms"
    }

    private static let firmware = "update the firmware by csms (a reboot)"
}
