import ChargePoint

/// What the driver must do after a key in the fleet view.
public enum FleetEffect: Sendable, Equatable {
    /// Show station number `station` in the single-station view.
    case open(station: Int)
    /// Hand `command` to station number `station`, or to every station (nil).
    case submit(StationCommand, station: Int?)
    /// `on <station|all> powercut`.
    case powerCut(station: Int?)
    case quit
    /// `:quit --stop`: every station's sessions stopped (reason Local), then quit once
    /// the central system has the StopTransactions (or they are queued), 15 s at most.
    case stopAllAndQuit
    case repaintAll
}

/// The fleet view's brain (issue 15 §4): a line per station, sorted by identity, the
/// selection, the `/` filter, the `:` line that takes `on <station|all> <command>`, the
/// jump to a station by its identity, the help and the feedback of the fleet. Pure, as
/// `ScreenController` is: keys and the stations' lines in, effects out.
public struct FleetController: Sendable {
    public let url: String
    public var glyphs: Glyphs

    /// The selected station's number; nil: the first line.
    public internal(set) var selected: Int?
    /// The first line shown (a position among the matching lines).
    public internal(set) var top = 0
    public internal(set) var filter = ""
    public internal(set) var prompt: Prompt?
    /// The help (`?`), the feedback history (`h`) or the commands (`:help`).
    public internal(set) var overlay: Overlay?
    var overlayExtent: ScrollExtent?
    public internal(set) var feedback: [Feedback] = []
    var commandHistory: [String] = []
    /// Lines the table showed last time (for paging).
    var pageRows = 10
    /// The lines the filter kept last time, until it or a line's status changes: meter
    /// readings of thousands of stations do not make every frame seek them again.
    private var matched: (filter: String, revision: Int, count: Int, stations: [Int])?

    public init(url: String, glyphs: Glyphs = .unicode) {
        self.url = url
        self.glyphs = glyphs
    }

    // MARK: Events

    /// Takes the fleet's feedback: the notices and errors of stations not being viewed
    /// (named by their identity) and of the fleet's own commands.
    public mutating func ingest(_ events: [StationEvent], at time: Timestamp) {
        for event in events {
            if let text = event.errorText {
                say(.error, text, at: time)
            } else if let text = event.noticeText {
                say(.notice, text, at: time)
            }
        }
    }

    mutating func say(_ kind: Feedback.Kind, _ text: String, at time: Timestamp) {
        feedback.append(Feedback(time: time, kind: kind, text: text))
        if feedback.count > ScreenController.feedbackCapacity {
            feedback.removeFirst(feedback.count - ScreenController.feedbackCapacity)
        }
    }

    // MARK: Keys

    /// Where keys are read now: a prompt, else an overlay, else the fleet view.
    public var keyView: KeyBinding.View {
        switch (prompt?.purpose, overlay) {
        // `i`'s prompt reads keys as the `:` line does: Tab completes an identity there.
        case (.command?, _), (.station?, _): .commandLine
        case (.some, _): .filterPrompt
        case (nil, .some): .reading
        case (nil, nil): .fleet
        }
    }

    /// Handles one key with the stations' lines as they are; what the driver must do.
    public mutating func handle(_ key: Key, rows: FleetRows, at time: Timestamp) -> [FleetEffect] {
        if key == .resize { return [.repaintAll] }
        guard let binding = KeyBindings.binding(for: key, in: keyView) else { return [] }
        let action = binding.action(for: key)
        if prompt != nil { return performInPrompt(action, key: key, rows: rows, at: time) }
        if let overlay {
            switch action {
            case .repaint: return [.repaintAll]
            case .up, .down, .pageUp, .pageDown, .top, .bottom:
                self.overlay = overlay.scrolled(
                    to: ScrollExtent.scrolled(overlay.scroll ?? 0, action, within: overlayExtent))
            default:
                self.overlay = nil
            }
            return []
        }
        return perform(action, rows: rows, at: time)
    }

    private mutating func perform(_ action: ScreenAction, rows: FleetRows, at time: Timestamp) -> [FleetEffect] {
        switch action {
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            move(action, matching(rows))
        case .commandLine: prompt = .commandLine(history: commandHistory)
        case .help: open(.help(scroll: 0))
        case .history: open(.history(scroll: Overlay.end))
        case .quit: return [.quit]
        case .repaint: return [.repaintAll]
        case .filter:
            prompt = Prompt(purpose: .stationFilter, editor: LineEditor(filter), previous: filter)
        case .clearFilter:
            filter = ""
        case .jumpToStation:
            prompt = Prompt(purpose: .station, editor: LineEditor())
        case .openStation:
            guard let station = selection(in: matching(rows)) else {
                say(.error, filter.isEmpty ? "the fleet has no station" : "no station matches the filter", at: time)
                return []
            }
            return [.open(station: station)]
        default:
            break  // the single station's keys
        }
        return []
    }

    /// The station numbers the filter keeps, in identity order.
    mutating func matching(_ rows: FleetRows) -> [Int] {
        if let matched, matched.filter == filter, matched.revision == rows.revision, matched.count == rows.count {
            return matched.stations
        }
        let stations = rows.matching(filter)
        matched = (filter, rows.revision, rows.count, stations)
        return stations
    }

    /// The selected station among `matching`: the one chosen, else the first line.
    func selection(in matching: [Int]) -> Int? {
        if let selected, matching.contains(selected) { return selected }
        return matching.first
    }

    /// The selected line's position among `matching`.
    func position(in matching: [Int]) -> Int {
        selection(in: matching).flatMap { matching.firstIndex(of: $0) } ?? 0
    }

    private mutating func move(_ action: ScreenAction, _ matching: [Int]) {
        guard !matching.isEmpty else { return }
        let page = max(1, pageRows - 1)
        selected = matching[action.moved(from: position(in: matching), page: page, last: matching.count - 1)]
    }

    mutating func open(_ overlay: Overlay) {
        self.overlay = overlay
        overlayExtent = nil
    }

    // MARK: Prompts

    private mutating func performInPrompt(
        _ action: ScreenAction, key: Key, rows: FleetRows, at time: Timestamp
    ) -> [FleetEffect] {
        guard var prompt else { return [] }
        switch action {
        case .cancel:
            self.prompt = nil
            if let previous = prompt.previous { filter = previous }
            return []
        case .submit:
            self.prompt = nil
            return submit(prompt, rows: rows, at: time)
        case .edit:
            guard prompt.editor.apply(key) else { return [] }
            prompt.choices = []
        case .complete:
            prompt.choices = prompt.editor.complete { words, _ in
                // `i`: the identities; `:`: `on`, a station, then its command.
                prompt.purpose == .station
                    ? (words.isEmpty ? rows.sorted.map { rows.rows[$0].identity } : [])
                    : FleetCommandLine.candidates(words, rows: rows)
            }
        default:
            return []
        }
        self.prompt = prompt
        if prompt.purpose == .stationFilter {
            // The filter applies as it is typed; the selection stays where it can.
            filter = prompt.editor.string
            top = 0
        }
        return []
    }

    private mutating func submit(_ prompt: Prompt, rows: FleetRows, at time: Timestamp) -> [FleetEffect] {
        let text = prompt.editor.string.trimmingCharacters(in: .whitespaces)
        switch prompt.purpose {
        case .station:
            guard !text.isEmpty else { return [] }
            guard let station = rows.station(named: text) else {
                say(.error, "no station '\(text)' in this fleet (or more than one ends so)", at: time)
                return []
            }
            selected = station
            return [.open(station: station)]
        case .command:
            var editor = prompt.editor
            editor.commit()
            commandHistory = editor.history
            switch FleetCommandLine.read(text, rows: rows) {
            case .effects(let effects, let notice):
                if let notice { say(.notice, notice, at: time) }
                return effects
            case .help:
                say(.notice, FleetCommandLine.help, at: time)
                open(.commands(command: nil, scroll: 0))
            case .refused(let why):
                say(.error, why, at: time)
            }
            return []
        default:
            return []
        }
    }
}
