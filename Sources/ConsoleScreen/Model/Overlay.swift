import ChargePoint

/// A list to choose from (a card to swipe, a fault to raise, a kind of reset).
public struct Picker: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case swipe(connector: Int)
        case fault(connector: Int)
        case reset
        /// The demo central system's CALLs: the chosen line goes to the `:` line.
        case centralSystem
    }

    public struct Item: Sendable, Equatable {
        public var label: String
        public var detail: String
        public var value: String
    }

    public var title: String
    public var purpose: Purpose
    public var items: [Item]
    public var selected = 0
}

/// A line being typed at the bottom of the screen.
public struct Prompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case command
        case logFilter
        case configFilter
        case configValue(key: String)
        case idTag(connector: Int)
        /// The fleet view's filter (identity, link, boot or a connector's status).
        case stationFilter
        /// The fleet view's jump: a station's identity, or the end of it.
        case station
    }

    public var purpose: Purpose
    public var editor: LineEditor
    /// A filter's value when the prompt opened: Esc puts it back (issue 12 §10).
    public var previous: String? = nil
    /// Completions shown after an ambiguous Tab.
    public var choices: [String] = []

    /// The `:` line, empty, its history `history`.
    static func commandLine(history: [String]) -> Prompt {
        var editor = LineEditor()
        editor.history = history
        return Prompt(purpose: .command, editor: editor)
    }

    public var label: String {
        switch purpose {
        case .command: ":"
        case .logFilter, .configFilter, .stationFilter: "/"
        case .station: "station: "
        case .configValue(let key): "\(key) = "
        case .idTag: "idTag: "
        }
    }
}

/// What covers the panes, if anything.
public enum Overlay: Sendable, Equatable {
    /// The keys (`?`).
    case help(scroll: Int)
    /// `help` on the `:` line: the command grammar, or one command's usage.
    case commands(command: String?, scroll: Int)
    /// Every feedback message kept, oldest first (`h`).
    case history(scroll: Int)
    /// The answer to `status`: the snapshot the station gave.
    case status(StationSnapshot, scroll: Int)
    /// A frame of the log with its partner, pretty-printed.
    case frame(sequence: Int, scroll: Int)
    case picker(Picker)
    /// The answer to `certs`: the certificates as the station listed them.
    case certificates(CertificateReport, scroll: Int)

    /// A scroll position past any text's end: drawn (and kept) as the last page.
    public static let end = Int.max / 4

    /// How far the text is scrolled (a picker does not scroll).
    var scroll: Int? {
        switch self {
        case .help(let scroll), .commands(_, let scroll), .history(let scroll), .status(_, let scroll),
            .frame(_, let scroll), .certificates(_, let scroll):
            scroll
        case .picker: nil
        }
    }

    /// The same text overlay scrolled to `scroll` (a picker does not scroll).
    func scrolled(to scroll: Int) -> Overlay {
        switch self {
        case .help: .help(scroll: scroll)
        case .commands(let command, _): .commands(command: command, scroll: scroll)
        case .history: .history(scroll: scroll)
        case .status(let snapshot, _): .status(snapshot, scroll: scroll)
        case .frame(let sequence, _): .frame(sequence: sequence, scroll: scroll)
        case .certificates(let report, _): .certificates(report, scroll: scroll)
        case .picker: self
        }
    }
}

/// How far a text overlay can scroll, as it was drawn last: its last top line and the
/// lines of a page. The controller keeps the scroll within it, so that PgUp acts at
/// once after paging past the end (issue 12 §9).
struct ScrollExtent: Sendable, Equatable {
    var maxScroll: Int
    var page: Int

    /// A text overlay's scroll position after a move, kept between the top and the last
    /// page as `extent` says it was drawn (before it is drawn: a page of 10 lines, no end).
    static func scrolled(_ scroll: Int, _ action: ScreenAction, within extent: ScrollExtent?) -> Int {
        let last = extent?.maxScroll ?? Overlay.end
        return action.moved(from: min(scroll, last), page: extent?.page ?? 10, last: last)
    }
}

/// A line of feedback: what the station, the central system or a command said.
public struct Feedback: Sendable, Equatable {
    public enum Kind: Sendable { case notice, error }
    public var time: Timestamp
    public var kind: Kind
    public var text: String
}
