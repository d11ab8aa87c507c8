/// One argument of an operator command (swift-argument-parser's `ArgumentDefinition`):
/// how the usage writes it, what a word must be to fill it, and what Tab offers for it.
/// `CommandCatalog` declares every command with these; the parser, `help` and the
/// completion of the `:` line all read them from there.
public struct ArgumentDefinition: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// One of these words, in any case (`soft|hard`): which command of a family it is.
        case keyword([String])
        /// A connector number (0: the station itself where a command allows it).
        case connector(ConnectorChoice)
        case idTag
        /// `500ms`, `5s`, `2m`, `1h` or a number of seconds (`CommandParser.duration`).
        case duration
        /// A power in kW, `7.4` or `7.4kW`.
        case kilowatts
        /// A charging limit: a power in kW (`7.4`, `7.4kW`) or a current in A (`16A`).
        case powerOrCurrent
        /// One of these words, in any case, given back as spelt here (`operative|inoperative`,
        /// `Heartbeat|MeterValues|…`); unlike a keyword it picks no row.
        case choice([String])
        /// A whole number, 0 or more (a reservation or transaction id).
        case number
        /// A ChargePointErrorCode name, in any case.
        case errorCode
        case configurationKey(writable: Bool)
        /// The name of an operator command (`help <command>`).
        case commandName
        /// Any one word.
        case word
        /// Every word left, joined by single spaces (a free text at the end of a line).
        case text
    }

    /// Which connectors Tab offers.
    public enum ConnectorChoice: Sendable, Equatable {
        case any
        /// Those with a cable lock (a socket), for `lock`.
        case withCableLock
    }

    public enum Occurrence: Sendable, Equatable {
        case required, optional
        /// Zero or more (`[key ...]`); only last.
        case repeated
    }

    public let kind: Kind
    /// The placeholder in the usage (`c`, `idTag`, `kW`).
    public let name: String
    public let occurrence: Occurrence
    /// What an error says is missing ("plug needs a connector number").
    public let noun: String
    /// The word that introduces an optional argument, anywhere after the positional ones
    /// (`--limit 16A`, `for 2m`); nil for a positional argument.
    public private(set) var flag: String?
    /// A duration's least value, ms (a CALL's duration or expiry of 0 s means nothing).
    public private(set) var minimumMilliseconds: Int64 = 0

    public init(_ kind: Kind, _ name: String, _ occurrence: Occurrence = .required, noun: String? = nil) {
        (self.kind, self.name, self.occurrence, self.noun) = (kind, name, occurrence, noun ?? "a \(name)")
    }

    /// The same argument, optional and introduced by `flag`.
    func introduced(by flag: String) -> Self {
        var flagged = Self(kind, name, .optional, noun: noun)
        (flagged.flag, flagged.minimumMilliseconds) = (flag, minimumMilliseconds)
        return flagged
    }

    /// The same duration, `milliseconds` at least.
    func atLeast(milliseconds: Int64) -> Self {
        var bounded = self
        bounded.minimumMilliseconds = milliseconds
        return bounded
    }

    /// How the usage writes it: `soft|hard`, `<c>`, `[c]`, `[key ...]`, `[--limit <kW|A>]`.
    public var usage: String {
        if let flag { return "[\(flag) <\(name)>]" }
        switch kind {
        case .keyword(let words): return words.joined(separator: "|")
        // A long list goes by its name (`<message>`); a short one is spelt out.
        case .choice(let words) where name == words.joined(separator: "|"):
            return occurrence == .optional ? "[\(name)]" : name
        default: break
        }
        switch occurrence {
        case .required: return "<\(name)>"
        case .optional: return "[\(name)]"
        case .repeated: return "[\(name) ...]"
        }
    }

    /// The words of a keyword argument, in lower case.
    public var keywords: [String] {
        if case .keyword(let words) = kind { return words }
        return []
    }
}

extension ArgumentDefinition {
    static func keyword(_ words: String...) -> Self {
        .init(.keyword(words), words.joined(separator: "|"), noun: CommandList.alternatives(words))
    }
    static func connector(_ occurrence: Occurrence = .required, _ choice: ConnectorChoice = .any) -> Self {
        .init(.connector(choice), "c", occurrence, noun: "a connector number")
    }
    static let idTag = Self(.idTag, "idTag", noun: "an idTag")
    static func duration(_ name: String = "duration", _ occurrence: Occurrence = .required) -> Self {
        .init(.duration, name, occurrence, noun: "a duration")
    }
    static let kilowatts = Self(.kilowatts, "kW", noun: "a power in kW")
    static let powerOrCurrent = Self(.powerOrCurrent, "kW|A", noun: "a limit in kW or A")
    static func choice(_ words: [String], _ occurrence: Occurrence = .required) -> Self {
        .init(.choice(words), words.joined(separator: "|"), occurrence, noun: CommandList.alternatives(words))
    }
    static func number(_ name: String) -> Self { .init(.number, name, noun: "a number (\(name))") }
    static let errorCode = Self(.errorCode, "ErrorCode", noun: "a ChargePointErrorCode")
    static func key(writable: Bool, _ occurrence: Occurrence = .required) -> Self {
        .init(.configurationKey(writable: writable), "key", occurrence)
    }
    static let commandName = Self(.commandName, "command", .optional, noun: "a command")
    static func word(_ name: String, _ occurrence: Occurrence = .required) -> Self { .init(.word, name, occurrence) }
    static func text(_ name: String, _ occurrence: Occurrence = .required) -> Self { .init(.text, name, occurrence) }
}

/// "a, b or c", as the messages list choices.
enum CommandList {
    static func alternatives(_ words: [String]) -> String {
        guard let last = words.last, words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + last
    }
}
