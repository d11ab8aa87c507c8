import ChargePoint
import Foundation

/// What the driver must do after a key: the screen itself never touches the station.
public enum ScreenEffect: Sendable, Equatable {
    case submit(StationCommand)
    case powerCut
    case quit
    /// Forget what the terminal shows and paint everything (Ctrl-L, resize).
    case repaintAll
}

/// The screen's brain: the log, the meter history, the feedback, and the state of the
/// views, overlays and prompts. It takes keys and station events, hands operator
/// commands back as effects, and draws everything from a snapshot (`ScreenRenderer`).
/// No terminal here: the console's curses loop and the tests drive it alike.
public struct ScreenController: Sendable {
    public enum View: Sendable, Equatable { case dashboard, configuration }

    public let info: StationInfo
    public var glyphs: Glyphs

    public internal(set) var view: View = .dashboard
    public internal(set) var overlay: Overlay?
    public internal(set) var prompt: Prompt?
    public internal(set) var log: MessageLog
    public internal(set) var meters = MeterHistory()
    public internal(set) var feedback: [Feedback] = []
    /// The last reason the link gave for going down.
    public internal(set) var linkReason: String?
    public internal(set) var selectedConnector = 1
    /// The selected log entry; nil follows the newest.
    public internal(set) var logCursor: Int?
    public internal(set) var configCursor = 0
    public internal(set) var configFilter = ""
    /// Rows the log and the key list showed last time (for paging).
    var logRows = 10
    var configRows = 10
    private var commandHistory: [String] = []

    public init(info: StationInfo, glyphs: Glyphs = .unicode, logCapacity: Int = 10_000) {
        self.info = info
        self.glyphs = glyphs
        log = MessageLog(capacity: logCapacity)
    }

    // MARK: Station events

    /// Takes what the station reported since the last frame.
    public mutating func ingest(_ events: [StationEvent], at time: Timestamp) {
        for event in events {
            switch event {
            case .frame(let direction, let text):
                log.append(direction, text, at: time)
            case .notice(let text):
                say(.notice, text, at: time)
            case .error(let text):
                say(.error, text, at: time)
            case .connection(let state, let reason):
                if state == .disconnected { linkReason = reason }
                if state == .connected { linkReason = nil }
            case .configuration(let entries):
                let text = entries.map { "\($0.key) = \($0.isKnown ? ($0.value ?? "********") : "(not supported)")" }
                say(.notice, text.joined(separator: ", "), at: time)
            case .snapshot, .connector, .transaction, .meter, .registration:
                break
            }
        }
    }

    mutating func say(_ kind: Feedback.Kind, _ text: String, at time: Timestamp) {
        feedback.append(Feedback(time: time, kind: kind, text: text))
        if feedback.count > 100 { feedback.removeFirst(feedback.count - 100) }
    }

    /// Records the meters for the sparkline; call once per frame drawn.
    public mutating func sample(_ snapshot: StationSnapshot, at time: Timestamp) {
        meters.record(snapshot, at: time)
    }

    // MARK: Keys

    /// Handles one key given the station as it is; what the driver must do.
    public mutating func handle(
        _ key: Key, snapshot: StationSnapshot, configuration: [ConfigurationEntry], at time: Timestamp
    ) -> [ScreenEffect] {
        if key == .resize { return [.repaintAll] }
        if prompt != nil { return handlePrompt(key, snapshot: snapshot, configuration: configuration, at: time) }
        if let overlay { return handleOverlay(overlay, key, snapshot: snapshot, at: time) }
        let bindingView: KeyBinding.View = view == .dashboard ? .dashboard : .configuration
        guard let action = KeyBindings.action(for: key, in: bindingView) else { return [] }
        return perform(action, snapshot: snapshot, configuration: configuration, at: time)
    }

    mutating func perform(
        _ action: ScreenAction, snapshot: StationSnapshot, configuration: [ConfigurationEntry], at time: Timestamp
    ) -> [ScreenEffect] {
        let connector = snapshot.connectors.first { $0.id == selectedConnector } ?? snapshot.connectors.first
        let id = connector?.id ?? 1
        switch action {
        case .quit: return [.quit]
        case .help: overlay = .help(scroll: 0)
        case .commandLine:
            var editor = LineEditor()
            editor.history = commandHistory
            prompt = Prompt(purpose: .command, editor: editor)
        case .repaint: return [.repaintAll]
        case .selectConnector(let number):
            if snapshot.connectors.contains(where: { $0.id == number }) {
                selectedConnector = number
            } else {
                say(.error, "there is no connector \(number)", at: time)
            }
        case .nextConnector, .previousConnector:
            let ids = snapshot.connectors.map(\.id)
            if let position = ids.firstIndex(of: id), !ids.isEmpty {
                let step = action == .nextConnector ? 1 : ids.count - 1
                selectedConnector = ids[(position + step) % ids.count]
            }
        case .swipe: overlay = .picker(swipePicker(connector: id))
        case .togglePlug:
            guard let connector else { return [] }
            return [.submit(connector.evConnected ? .unplug(connector: id) : .plug(connector: id))]
        case .stopSession: return [.submit(.stop(connector: id))]
        case .toggleEV:
            guard let connector else { return [] }
            guard connector.evConnected else {
                say(.error, "connector \(id): no EV is plugged in", at: time)
                return []
            }
            return [.submit(connector.evSuspended ? .evResume(connector: id) : .evSuspend(connector: id))]
        case .fault: overlay = .picker(faultPicker(connector: connector))
        case .toggleLockJam:
            guard let connector else { return [] }
            guard connector.hasLock else {
                say(.error, "connector \(id) has no cable lock (a fixed cable)", at: time)
                return []
            }
            return [.submit(connector.lockBroken ? .lockFree(connector: id) : .lockJam(connector: id))]
        case .reset: overlay = .picker(resetPicker())
        case .toggleOnline: return [.submit(snapshot.heldOffline ? .online : .offline)]
        case .configuration:
            view = .configuration
        case .dashboard:
            view = .dashboard
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            if view == .dashboard { moveLog(action) } else { moveConfig(action, count: filtered(configuration).count) }
        case .open:
            if view == .dashboard {
                if let sequence = logCursor ?? log.visible.last { overlay = .frame(sequence: sequence, scroll: 0) }
            } else {
                return editSelected(filtered(configuration), at: time)
            }
        case .filter:
            let purpose: Prompt.Purpose = view == .dashboard ? .logFilter : .configFilter
            prompt = Prompt(purpose: purpose, editor: LineEditor(view == .dashboard ? log.filter : configFilter))
        case .clearFilter:
            if view == .dashboard {
                log.setFilter("")
                logCursor = nil
            } else if configFilter.isEmpty {
                view = .dashboard
            } else {
                configFilter = ""
                configCursor = 0
            }
        case .toggleFollow:
            logCursor = logCursor == nil ? log.visible.last : nil
        }
        return []
    }

    // MARK: The log and the key list

    private mutating func moveLog(_ action: ScreenAction) {
        let visible = log.visible
        guard !visible.isEmpty else { return }
        let current = logCursor.flatMap { visible.firstIndex(of: $0) } ?? (visible.count - 1)
        let page = max(1, logRows - 1)
        let target: Int
        switch action {
        case .up: target = current - 1
        case .down: target = current + 1
        case .pageUp: target = current - page
        case .pageDown: target = current + page
        case .top: target = 0
        default: target = visible.count - 1
        }
        let clamped = min(max(0, target), visible.count - 1)
        // Reaching the newest frame (or End) follows again.
        logCursor = clamped == visible.count - 1 && action != .up ? nil : visible[clamped]
    }

    private mutating func moveConfig(_ action: ScreenAction, count: Int) {
        guard count > 0 else { return }
        let page = max(1, configRows - 1)
        switch action {
        case .up: configCursor -= 1
        case .down: configCursor += 1
        case .pageUp: configCursor -= page
        case .pageDown: configCursor += page
        case .top: configCursor = 0
        default: configCursor = count - 1
        }
        configCursor = min(max(0, configCursor), count - 1)
    }

    /// The keys the configuration view shows, in order.
    public func filtered(_ entries: [ConfigurationEntry]) -> [ConfigurationEntry] {
        let known = entries.filter(\.isKnown).sorted { $0.key < $1.key }
        guard !configFilter.isEmpty else { return known }
        return known.filter {
            $0.key.localizedCaseInsensitiveContains(configFilter)
                || ($0.value ?? "").localizedCaseInsensitiveContains(configFilter)
        }
    }

    private mutating func editSelected(_ entries: [ConfigurationEntry], at time: Timestamp) -> [ScreenEffect] {
        guard entries.indices.contains(configCursor) else { return [] }
        let entry = entries[configCursor]
        guard entry.access != .readOnly else {
            say(.error, "\(entry.key) is read-only", at: time)
            return []
        }
        // A write-only key (AuthorizationKey) starts empty: its value is never shown.
        prompt = Prompt(purpose: .configValue(key: entry.key), editor: LineEditor(entry.value ?? ""))
        return []
    }

    // MARK: Pickers

    func swipePicker(connector: Int) -> Picker {
        var items = info.cards.map {
            Picker.Item(label: $0.label, detail: $0.idTag.value, value: $0.idTag.value)
        }
        items.append(Picker.Item(label: "Another idTag…", detail: "type it", value: ""))
        return Picker(
            title: "Swipe a card at connector \(connector)", purpose: .swipe(connector: connector), items: items)
    }

    func faultPicker(connector: ConnectorSnapshot?) -> Picker {
        let id = connector?.id ?? 1
        var items: [Picker.Item] = []
        if let connector, connector.errorCode != .noError || connector.lockBroken {
            items.append(Picker.Item(label: "Clear the fault", detail: connector.errorCode.rawValue, value: ""))
        }
        for code in ChargePointErrorCode.allCases where code != .noError {
            let detail =
                code == .connectorLockFailure
                ? "the lock fails at the next start" : code.faultsConnector ? "Faulted" : "warning, keeps working"
            items.append(Picker.Item(label: code.rawValue, detail: detail, value: code.rawValue))
        }
        return Picker(title: "Fault on connector \(id)", purpose: .fault(connector: id), items: items)
    }

    func resetPicker() -> Picker {
        Picker(
            title: "Reset the station", purpose: .reset,
            items: [
                Picker.Item(label: "Soft reset", detail: "stop sessions, reboot", value: "soft"),
                Picker.Item(label: "Hard reset", detail: "reboot at once", value: "hard"),
                Picker.Item(label: "Power cut", detail: "no messages, recover at start", value: "powercut"),
            ])
    }

    private mutating func handleOverlay(_ overlay: Overlay, _ key: Key, snapshot: StationSnapshot, at time: Timestamp)
        -> [ScreenEffect]
    {
        switch overlay {
        case .help(let scroll):
            switch key {
            case .up, .character("k"): self.overlay = .help(scroll: max(0, scroll - 1))
            case .down, .character("j"): self.overlay = .help(scroll: scroll + 1)
            case .pageDown, .character(" "): self.overlay = .help(scroll: scroll + 10)
            case .pageUp: self.overlay = .help(scroll: max(0, scroll - 10))
            case .control("l"): return [.repaintAll]
            default: self.overlay = nil
            }
        case .frame(let sequence, let scroll):
            switch key {
            case .up, .character("k"): self.overlay = .frame(sequence: sequence, scroll: max(0, scroll - 1))
            case .down, .character("j"): self.overlay = .frame(sequence: sequence, scroll: scroll + 1)
            case .pageDown, .character(" "): self.overlay = .frame(sequence: sequence, scroll: scroll + 10)
            case .pageUp: self.overlay = .frame(sequence: sequence, scroll: max(0, scroll - 10))
            case .left, .right, .tab:
                // The partner frame (request ↔ response).
                if let entry = log.entry(sequence), let partner = log.partner(of: entry) {
                    self.overlay = .frame(sequence: partner.sequence, scroll: 0)
                }
            case .control("l"): return [.repaintAll]
            default: self.overlay = nil
            }
        case .picker(var picker):
            switch key {
            case .up, .character("k"): picker.selected = max(0, picker.selected - 1)
            case .down, .character("j"): picker.selected = min(picker.items.count - 1, picker.selected + 1)
            case .home: picker.selected = 0
            case .end: picker.selected = picker.items.count - 1
            case .enter:
                self.overlay = nil
                return choose(picker, at: time)
            case .escape, .character("q"):
                self.overlay = nil
                return []
            case .character(let c) where c.isNumber:
                if let n = c.wholeNumberValue, n >= 1, n <= picker.items.count {
                    picker.selected = n - 1
                    self.overlay = nil
                    return choose(picker, at: time)
                }
            default: break
            }
            self.overlay = .picker(picker)
        }
        return []
    }

    private mutating func choose(_ picker: Picker, at time: Timestamp) -> [ScreenEffect] {
        let item = picker.items[picker.selected]
        switch picker.purpose {
        case .swipe(let connector):
            if item.value.isEmpty {
                prompt = Prompt(purpose: .idTag(connector: connector), editor: LineEditor())
                return []
            }
            return [.submit(.swipe(idTag: item.value, connector: connector))]
        case .fault(let connector):
            if item.value.isEmpty { return [.submit(.clear(connector: connector))] }
            guard let code = ChargePointErrorCode(rawValue: item.value) else { return [] }
            return [.submit(.fault(connector: connector, code: code, info: nil))]
        case .reset:
            switch item.value {
            case "soft": return [.submit(.reset(.soft))]
            case "hard": return [.submit(.reset(.hard))]
            default: return [.powerCut]
            }
        }
    }

    // MARK: Prompts

    private mutating func handlePrompt(
        _ key: Key, snapshot: StationSnapshot, configuration: [ConfigurationEntry], at time: Timestamp
    ) -> [ScreenEffect] {
        guard var prompt else { return [] }
        switch key {
        case .escape:
            self.prompt = nil
            return []
        case .enter:
            self.prompt = nil
            return submit(prompt, configuration: configuration, at: time)
        case .tab where prompt.purpose == .command:
            let context = CompletionContext(snapshot: snapshot, configuration: configuration, cards: info.cards)
            prompt.choices = prompt.editor.complete { words, _ in CommandCompletion.candidates(words, context) }
        default:
            if !prompt.editor.apply(key) { return [] }
            prompt.choices = []
        }
        self.prompt = prompt
        // Filters apply as they are typed.
        switch prompt.purpose {
        case .logFilter:
            log.setFilter(prompt.editor.string)
            logCursor = nil
        case .configFilter:
            configFilter = prompt.editor.string
            configCursor = 0
        default: break
        }
        return []
    }

    private mutating func submit(_ prompt: Prompt, configuration: [ConfigurationEntry], at time: Timestamp)
        -> [ScreenEffect]
    {
        let text = prompt.editor.string
        switch prompt.purpose {
        case .logFilter, .configFilter:
            return []
        case .configValue(let key):
            return [.submit(.configSet(key: key, value: text))]
        case .idTag(let connector):
            let idTag = text.trimmingCharacters(in: .whitespaces)
            guard !idTag.isEmpty else { return [] }
            return [.submit(.swipe(idTag: idTag, connector: connector))]
        case .command:
            var editor = prompt.editor
            editor.commit()
            commandHistory = editor.history
            let command: OperatorCommand
            do {
                guard let parsed = try CommandParser.parse(text) else { return [] }
                command = parsed
            } catch {
                say(.error, "\(text.trimmingCharacters(in: .whitespaces)): \(error)", at: time)
                return []
            }
            switch command {
            case .station(let command): return [.submit(command)]
            case .session(.quit): return [.quit]
            case .session(.powercut): return [.powerCut]
            case .session(.help):
                overlay = .help(scroll: 0)
                return []
            case .session(.wait), .session(.waitOnline):
                say(.error, "wait pauses scripts; on the screen there is nothing to wait for", at: time)
                return []
            }
        }
    }
}
