import ChargePoint

/// A list to choose from (a card to swipe, a fault to raise, a kind of reset).
public struct Picker: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case swipe(connector: Int)
        case fault(connector: Int)
        case reset
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
    }

    public var purpose: Purpose
    public var editor: LineEditor
    /// Completions shown after an ambiguous Tab.
    public var choices: [String] = []

    public var label: String {
        switch purpose {
        case .command: ":"
        case .logFilter, .configFilter: "/"
        case .configValue(let key): "\(key) = "
        case .idTag: "idTag: "
        }
    }
}

/// What covers the panes, if anything.
public enum Overlay: Sendable, Equatable {
    case help(scroll: Int)
    /// A frame of the log with its partner, pretty-printed.
    case frame(sequence: Int, scroll: Int)
    case picker(Picker)
    /// The answer to `certs`: the certificates as the station listed them.
    case certificates(CertificateReport, scroll: Int)

    /// The same text overlay scrolled to `scroll` (a picker does not scroll).
    func scrolled(to scroll: Int) -> Overlay {
        switch self {
        case .help: .help(scroll: scroll)
        case .frame(let sequence, _): .frame(sequence: sequence, scroll: scroll)
        case .certificates(let report, _): .certificates(report, scroll: scroll)
        case .picker: self
        }
    }
}

/// A line of feedback: what the station, the central system or a command said.
public struct Feedback: Sendable, Equatable {
    public enum Kind: Sendable { case notice, error }
    public var time: Timestamp
    public var kind: Kind
    public var text: String
}
