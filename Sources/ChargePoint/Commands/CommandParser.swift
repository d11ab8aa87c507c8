/// Parses one line of the operator command language (DESIGN.md "Operator commands") by
/// walking `CommandCatalog`: the command's name picks its rows, a keyword picks the row
/// of a family, and each argument of the row takes its words.
///
/// Blank lines and lines starting with `#` are nothing (scripts use them as comments).
/// Every mistake is a `CommandError` saying what was expected, with the usage where the
/// message alone does not show how to write the command.
public enum CommandParser {
    /// nil for a blank or comment line.
    public static func parse(_ line: String) throws(CommandError) -> OperatorCommand? {
        let words = try CommandWords.split(line)
        guard let first = words.first, !first.hasPrefix("#") else { return nil }
        let family = CommandCatalog.definitions(named: first)
        guard !family.isEmpty else { throw unknown(first.lowercased()) }
        var reader = CommandLineReader(family: family, words: Array(words.dropFirst()))
        return try reader.read()
    }

    /// "500ms", "5s", "2m", "1h", or a bare number of seconds, in ms; nil for what is no
    /// duration or is longer than `longestDuration`.
    public static func duration(_ text: String) -> Int64? {
        guard let milliseconds = unboundedDuration(text), milliseconds <= Double(longestDuration) else { return nil }
        return Int64(milliseconds.rounded())
    }

    /// The longest duration a command takes: 365 days, ms (a reservation's expiryDate
    /// or a profile's duration stays a date and an integer any peer reads).
    public static let longestDuration: Int64 = 365 * 86_400_000

    /// The milliseconds `text` spells, however many.
    static func unboundedDuration(_ text: String) -> Double? {
        let units: [(String, Double)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            guard let value = Double(text.dropLast(suffix.count)), value >= 0, value.isFinite else { return nil }
            return value * factor
        }
        guard let seconds = Double(text), seconds >= 0, seconds.isFinite else { return nil }
        return seconds * 1000
    }

    static func unknown(_ command: String) -> CommandError {
        if command.lowercased() == "on" {
            return CommandError(
                "'on' names a station of a fleet, once, first: on <station|all> <command> "
                    + "(one station, or a station's view of a fleet, takes the command alone)")
        }
        let suggestion = CommandCatalog.names.min { distance($0, command) < distance($1, command) }
        let hint = suggestion.map { distance($0, command) <= 2 ? "; did you mean '\($0)'?" : "" } ?? ""
        return CommandError("unknown command '\(command)'\(hint) (type 'help' for the list)")
    }

    /// Levenshtein distance, for "did you mean".
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}

/// The words after a command's name, read left to right against the command's rows.
private struct CommandLineReader {
    /// The rows sharing the command's name (a family such as `ev`), in table order.
    let family: [CommandDefinition]
    var words: [String]
    /// What has been read, for "config set HeartbeatInterval needs a value".
    private var consumed: [String]
    /// The keywords of the family, when a row without a keyword was taken for want of
    /// one (`wait 5s`): a missing first word could have been one of them.
    private var otherKeywords: [String] = []

    init(family: [CommandDefinition], words: [String]) {
        self.family = family
        self.words = words
        consumed = [family[0].name]
    }

    /// " (usage: a | b)"; nothing where the rows are only keywords (`reset soft|hard`):
    /// "expected soft or hard" says it all.
    private var usage: String {
        if family.allSatisfy({ !$0.keywords.isEmpty && $0.arguments.count == 1 }) { return "" }
        if let chosen, family.count > CommandCatalog.largeFamily { return " (usage: \(chosen.usage))" }
        return " (usage: \(family.map(\.usage).joined(separator: " | ")))"
    }

    /// The row the first word picked.
    private var chosen: CommandDefinition?

    mutating func read() throws(CommandError) -> OperatorCommand {
        let definition = try choose()
        chosen = definition
        let flags = definition.arguments.compactMap(\.flag)
        var values: [ArgumentValue?] = []
        for (index, argument) in definition.arguments.enumerated() {
            // An optional word left out where a flagged argument follows (`remote-start A --limit 7`).
            if argument.flag == nil, argument.occurrence == .optional, let word = words.first,
                flags.contains(word.lowercased())
            {
                values.append(nil)
                continue
            }
            values.append(try value(of: argument, first: index == 0))
        }
        if let extra = words.first { throw CommandError("unexpected '\(extra)' after \(family[0].name)\(usage)") }
        return definition.build(ParsedArguments(values: values))
    }

    /// The row of the family that the first word picks.
    private mutating func choose() throws(CommandError) -> CommandDefinition {
        let keywords = family.flatMap(\.keywords)
        guard !keywords.isEmpty else { return family[0] }
        let word = words.first?.lowercased()
        if let word, let definition = family.first(where: { $0.keywords.contains(word) }) { return definition }
        if let definition = family.first(where: { $0.keywords.isEmpty }) {
            otherKeywords = keywords
            return definition
        }
        let expected = CommandList.alternatives(keywords)
        if family.count > CommandCatalog.largeFamily {
            let help = "; 'help \(family[0].name)' gives their usage"
            guard let word else { throw CommandError("\(family[0].name) needs an action: \(expected)\(help)") }
            throw CommandError("\(family[0].name) \(word)? expected one of \(expected)\(help)")
        }
        guard let word else { throw CommandError("\(family[0].name) needs \(expected)\(usage)") }
        throw CommandError("\(family[0].name) \(word)? expected \(expected)\(usage)")
    }

    private mutating func value(of argument: ArgumentDefinition, first: Bool) throws(CommandError) -> ArgumentValue? {
        if let flag = argument.flag {
            guard let word = words.first, word.lowercased() == flag else { return nil }
            words.removeFirst()
            consumed.append(flag)
            guard !words.isEmpty else {
                throw CommandError("\(consumed.joined(separator: " ")) needs \(argument.noun)\(usage)")
            }
        }
        if argument.occurrence == .repeated {
            defer { words.removeAll() }
            return .words(words)
        }
        guard !words.isEmpty else {
            guard argument.occurrence == .optional else {
                let otherwise = first && !otherKeywords.isEmpty ? ", or \(CommandList.alternatives(otherKeywords))" : ""
                throw CommandError("\(consumed.joined(separator: " ")) needs \(argument.noun)\(otherwise)\(usage)")
            }
            return nil
        }
        if argument.kind == .text {
            defer { words.removeAll() }
            return .word(words.joined(separator: " "))
        }
        let word = words.removeFirst()
        if let keyword = argument.keywords.first(where: { $0 == word.lowercased() }) {
            consumed.append(keyword)
            return .word(keyword)
        }
        switch argument.read(word) {
        case .success(let value):
            consumed.append(word)
            return value
        case .failure(let rejection):
            throw CommandError(rejection.message + (rejection.showsUsage ? usage : ""))
        }
    }
}
