import ChargePoint
import Foundation

/// What the driver must do after a key: the screen itself never touches the station.
public enum ScreenEffect: Sendable, Equatable {
    case submit(StationCommand)
    /// `:csms …`: the embedded demo central system sends this CALL (issue 14).
    case centralSystem(CentralSystemCommand)
    case powerCut
    case quit
    /// Forget what the terminal shows and paint everything (Ctrl-L, resize).
    case repaintAll
    /// Put this text (a frame, one line of JSON) on the terminal's clipboard (OSC 52).
    case copyToClipboard(String)
    /// Write this frame (one line of JSON) to a file named so, in the data directory.
    case saveFrame(String, fileName: String)
    /// Write every frame of the log to `path` (or a file named in the data directory).
    case saveLog(path: String?)
    /// Start or stop recording the frames as a trace (OCPP trace format 1.0).
    case toggleTrace
    /// A station of a fleet: back to the fleet view.
    case backToFleet
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
    /// Every message kept (the last `feedbackCapacity`), oldest first: the feedback lines
    /// show the newest, the history overlay (`h`) all of them.
    public internal(set) var feedback: [Feedback] = []
    static let feedbackCapacity = 500
    /// How far the open text overlay can scroll, as drawn last.
    var overlayExtent: ScrollExtent?
    /// When the file transfers ended, so their outcome stays on screen a while.
    var transferOutcomes = TransferOutcomes()
    /// The last reason the link gave for going down.
    public internal(set) var linkReason: String?
    private var linkWasUp = false
    public internal(set) var selectedConnector = 1
    /// The selected log entry; nil follows the newest.
    public internal(set) var logCursor: Int?
    public internal(set) var configCursor = 0
    public internal(set) var configFilter = ""
    /// Rows the log and the key list showed last time (for paging).
    var logRows = 10
    var configRows = 10
    var commandHistory: [String] = []
    /// `Q`: the sessions being stopped before the screen quits.
    public internal(set) var stoppingToQuit: StopAndQuit?

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
            case .frame(let frame):
                log.append(frame)
            case .notice, .callAnswered:
                say(.notice, event.noticeText ?? "", at: time)
            case .error(let text):
                say(.error, text, at: time)
            case .connection(let state, let reason):
                if state == .disconnected, let reason {
                    // A line in the log for each fall of the link, and for each new reason
                    // while it stays down (not one per retry that fails alike).
                    if linkReason != reason || linkWasUp { log.appendLinkDown(reason, at: time) }
                    linkReason = reason
                }
                if state == .connected { linkReason = nil }
                linkWasUp = state == .connected
            case .configuration(let entries):
                let text = entries.map {
                    "\($0.key) = \(!$0.isKnown ? "(not supported)" : $0.value ?? ($0.isSet ? "********" : "not set"))"
                }
                say(.notice, text.joined(separator: ", "), at: time)
            case .transfer(let state):
                transferOutcomes.note(state, at: time)
            case .security(let entry):
                // A start is on the screen already; every other event is worth a line.
                guard entry.kind != .startupOfTheDevice else { break }
                let alarming: Set<SecurityEventKind> = [
                    .tamperDetectionActivated, .invalidCentralSystemCertificate, .invalidChargePointCertificate,
                    .invalidFirmwareSignature, .invalidFirmwareSigningCertificate, .failedToAuthenticateAtCentralSystem,
                    .memoryExhaustion,
                ]
                say(
                    alarming.contains(entry.kind) ? .error : .notice,
                    "security event \(entry.kind.rawValue)\(entry.info.map { ": \($0)" } ?? "")", at: time)
            case .certificates(let report):
                // The answer to `certs` (typed on the `:` line or in a script).
                open(.certificates(report, scroll: 0))
            case .snapshot(let snapshot):
                // The answer to `status`: the whole snapshot, where the panes show a part.
                open(.status(snapshot, scroll: 0))
                say(.notice, "status: the station's snapshot at \(Format.clock(snapshot.time))", at: time)
            case .transaction(let transaction):
                if info.followsSessions, transaction.kind == .started { selectedConnector = transaction.connector }
            case .connector, .meter, .registration, .result:
                // A script's results: its progress and refusals are on the feedback line.
                break
            }
        }
    }

    /// Adds a feedback message; a demo card's idTag in it is given with its holder's name,
    /// except in a line of a script quoted as written ("script: line 5 of 12: swipe …").
    mutating func say(_ kind: Feedback.Kind, _ text: String, at time: Timestamp) {
        let quoted = text.hasPrefix("script: line ")
        feedback.append(Feedback(time: time, kind: kind, text: quoted ? text : info.cards.namingHolders(in: text)))
        if feedback.count > Self.feedbackCapacity { feedback.removeFirst(feedback.count - Self.feedbackCapacity) }
    }

    /// Covers the view with `overlay`, its extent unknown until it is drawn.
    mutating func open(_ overlay: Overlay) {
        self.overlay = overlay
        overlayExtent = nil
    }

    /// Records the meters for the sparkline; call once per frame drawn.
    public mutating func sample(_ snapshot: StationSnapshot, at time: Timestamp) {
        meters.record(snapshot, at: time)
    }

    // MARK: Keys

    /// Handles one key given the station as it is; what the driver must do. The key
    /// table (`KeyBindings`) says what the key does where the operator is; a key that
    /// cannot act now says why in the feedback line.
    public mutating func handle(
        _ key: Key, snapshot: StationSnapshot, configuration: [ConfigurationEntry], at time: Timestamp
    ) -> [ScreenEffect] {
        // A new terminal size is no key of the table: it repaints whatever is shown.
        if key == .resize { return [.repaintAll] }
        guard let binding = KeyBindings.binding(for: key, in: keyView) else { return [] }
        let action = binding.action(for: key)
        if let reason = disabledReason(binding, action, snapshot: snapshot, configuration: configuration) {
            say(.error, reason, at: time)
            return []
        }
        return perform(action, key: key, snapshot: snapshot, configuration: configuration, at: time)
    }

    /// Why `binding` cannot act now, if it cannot. (The context holds a copy of the
    /// screen: it is gone before the screen changes, so the log is never copied.)
    private func disabledReason(
        _ binding: KeyBinding, _ action: ScreenAction, snapshot: StationSnapshot, configuration: [ConfigurationEntry]
    ) -> String? {
        binding.disabledReason?(
            KeyContext(action: action, snapshot: snapshot, configuration: configuration, screen: self))
    }

    /// Where keys are read now: a prompt, else an overlay, else the view.
    public var keyView: KeyBinding.View {
        switch (prompt?.purpose, overlay) {
        case (.command?, _): .commandLine
        case (.logFilter?, _), (.configFilter?, _), (.stationFilter?, _): .filterPrompt
        case (.configValue?, _), (.idTag?, _), (.station?, _): .valuePrompt
        case (nil, .help?), (nil, .commands?), (nil, .history?), (nil, .status?), (nil, .certificates?): .reading
        case (nil, .frame?): .frame
        case (nil, .picker?): .picker
        case (nil, nil): view == .dashboard ? .dashboard : .configuration
        }
    }

    /// Carries out an action of the key table (`key` is what the line editor types).
    mutating func perform(
        _ action: ScreenAction, key: Key? = nil, snapshot: StationSnapshot, configuration: [ConfigurationEntry],
        at time: Timestamp
    ) -> [ScreenEffect] {
        if prompt != nil {
            return performInPrompt(action, key: key, snapshot: snapshot, configuration: configuration, at: time)
        }
        if let overlay { return performInOverlay(overlay, action, at: time) }
        let connector = snapshot.connectors.first { $0.id == selectedConnector } ?? snapshot.connectors.first
        let id = connector?.id ?? 1
        switch action {
        case .quit: return [.quit]
        case .stopAllAndQuit: return stopAllAndQuit(snapshot, at: time)
        case .toggleTrace: return [.toggleTrace]
        case .help: open(.help(scroll: 0))
        case .history: open(.history(scroll: Overlay.end))
        case .commandLine: prompt = .commandLine(history: commandHistory)
        case .repaint: return [.repaintAll]
        case .selectConnector(let number):
            if snapshot.connectors.contains(where: { $0.id == number }) { selectedConnector = number }
        case .nextConnector, .previousConnector:
            let ids = snapshot.connectors.map(\.id)
            if let position = ids.firstIndex(of: id), !ids.isEmpty {
                let step = action == .nextConnector ? 1 : ids.count - 1
                selectedConnector = ids[(position + step) % ids.count]
            }
        case .swipe: open(.picker(swipePicker(connector: id)))
        case .togglePlug:
            guard connector != nil else { return [] }
            return [.submit(.toggle(.plug, connector: id))]
        case .stopSession: return [.submit(.stop(connector: id))]
        case .toggleEV:
            guard let connector, connector.evConnected else { return [] }
            return [.submit(.toggle(.evSuspended, connector: id))]
        case .fault: open(.picker(faultPicker(connector: connector)))
        case .toggleLockJam:
            guard let connector, connector.hasLock else { return [] }
            return [.submit(.toggle(.lockJam, connector: id))]
        case .reset: open(.picker(resetPicker()))
        case .centralSystem: open(.picker(centralSystemPicker(connector: connector, snapshot: snapshot)))
        case .toggleOnline: return [.submit(.toggleOffline)]
        case .configuration:
            view = .configuration
        case .dashboard:
            view = .dashboard
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            if view == .dashboard { moveLog(action) } else { moveConfig(action, count: filtered(configuration).count) }
        case .open:
            if view == .dashboard {
                if let sequence = logCursor ?? log.visible.last { open(.frame(sequence: sequence, scroll: 0)) }
            } else {
                editSelected(filtered(configuration))
            }
        case .filter:
            let purpose: Prompt.Purpose = view == .dashboard ? .logFilter : .configFilter
            let current = view == .dashboard ? log.filter : configFilter
            prompt = Prompt(purpose: purpose, editor: LineEditor(current), previous: current)
        case .backToFleet: return [.backToFleet]
        case .clearFilter:
            // Esc without a filter: a fleet's station goes back to the fleet view.
            if view == .dashboard, log.filter.isEmpty, info.inFleet { return [.backToFleet] }
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
        case .close, .partner, .copyFrame, .saveFrame, .choose, .chooseItem, .submit, .complete, .edit, .cancel:
            break  // overlays' and prompts' (`performInOverlay`, `performInPrompt`)
        case .openStation, .jumpToStation:
            break  // the fleet view's (`FleetController`)
        }
        return []
    }

    // MARK: The log and the key list

    private mutating func moveLog(_ action: ScreenAction) {
        let visible = log.visible
        guard !visible.isEmpty else { return }
        let current = logCursor.flatMap { visible.firstIndex(of: $0) } ?? (visible.count - 1)
        let page = max(1, logRows - 1)
        let clamped = action.moved(from: current, page: page, last: visible.count - 1)
        // Reaching the newest frame (or End) follows again.
        logCursor = clamped == visible.count - 1 && action != .up ? nil : visible[clamped]
    }

    private mutating func moveConfig(_ action: ScreenAction, count: Int) {
        guard count > 0 else { return }
        configCursor = action.moved(from: configCursor, page: max(1, configRows - 1), last: count - 1)
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

    /// Opens the prompt for the selected key (`KeyAvailability.needsWritableKey` keeps
    /// read-only keys out).
    private mutating func editSelected(_ entries: [ConfigurationEntry]) {
        guard entries.indices.contains(configCursor), entries[configCursor].access != .readOnly else { return }
        let entry = entries[configCursor]
        // A write-only key (AuthorizationKey) starts empty: its value is never shown.
        prompt = Prompt(purpose: .configValue(key: entry.key), editor: LineEditor(entry.value ?? ""))
    }
}
