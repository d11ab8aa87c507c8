/// Parses one line of the operator command language (DESIGN.md "Operator commands").
///
/// Words are separated by spaces; a word may be quoted, "two words" (with \" and \\
/// inside) or 'two words' (literally, as in a shell). Blank lines and lines starting
/// with `#` are nothing (scripts use them as comments). Every mistake is a `CommandError` saying what was expected.
public enum CommandParser {
    /// nil for a blank or comment line.
    public static func parse(_ line: String) throws(CommandError) -> OperatorCommand? {
        let words = try tokenize(line)
        guard let first = words.first, !first.hasPrefix("#") else { return nil }
        var arguments = Arguments(command: first.lowercased(), words: Array(words.dropFirst()))
        let command = try arguments.parse()
        try arguments.finish()
        return command
    }

    static func tokenize(_ line: String) throws(CommandError) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        var escape = false
        for character in line {
            if escape {
                current.append(character)
                escape = false
            } else if quote == "'" {
                // As in a shell: everything up to the closing quote is literal.
                if character == "'" { quote = nil } else { current.append(character) }
            } else if quote == "\"" {
                switch character {
                case "\\": escape = true
                case "\"": quote = nil
                default: current.append(character)
                }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if let quote { throw CommandError("a quote (\(quote)) is not closed") }
        if inWord { words.append(current) }
        return words
    }

    /// "500ms", "5s", "2m", "1h", or a bare number of seconds.
    public static func duration(_ text: String) -> Int64? {
        let units: [(String, Int64)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            guard let value = Double(text.dropLast(suffix.count)), value >= 0, value.isFinite else { return nil }
            return Int64((value * Double(factor)).rounded())
        }
        guard let seconds = Double(text), seconds >= 0, seconds.isFinite else { return nil }
        return Int64((seconds * 1000).rounded())
    }
}

/// A command line that could not be understood, with what was expected.
public struct CommandError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// The words after the command name, consumed left to right.
private struct Arguments {
    let command: String
    var words: [String]

    func usage() -> String {
        let usages = CommandCatalog.commands.filter { $0.name == command }.map(\.usage)
        return usages.isEmpty ? "" : " (usage: \(usages.joined(separator: " | ")))"
    }

    mutating func next(_ what: String) throws(CommandError) -> String {
        guard !words.isEmpty else { throw CommandError("\(command) needs \(what)\(usage())") }
        return words.removeFirst()
    }

    mutating func connector() throws(CommandError) -> Int {
        let word = try next("a connector number")
        guard let number = Int(word), number >= 0 else {
            throw CommandError("'\(word)' is not a connector number\(usage())")
        }
        return number
    }

    /// Everything left, joined by single spaces; nil when nothing is left.
    mutating func rest() -> String? {
        defer { words.removeAll() }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    func finish() throws(CommandError) {
        if let extra = words.first {
            throw CommandError("unexpected '\(extra)' after \(command)\(usage())")
        }
    }

    mutating func parse() throws(CommandError) -> OperatorCommand {
        switch command {
        case "plug": return .station(.plug(connector: try connector()))
        case "unplug": return .station(.unplug(connector: try connector()))
        case "swipe":
            let idTag = try next("an idTag")
            let connector = words.isEmpty ? nil : try self.connector()
            return .station(.swipe(idTag: idTag, connector: connector))
        case "stop": return .station(.stop(connector: try connector()))
        case "ev":
            let verb = try next("suspend, resume or power").lowercased()
            switch verb {
            case "suspend": return .station(.evSuspend(connector: try connector()))
            case "resume": return .station(.evResume(connector: try connector()))
            case "power":
                let connector = try self.connector()
                let word = try next("a power in kW")
                guard let kilowatts = Double(word.lowercased().replacingSuffix("kw")), kilowatts > 0 else {
                    throw CommandError("'\(word)' is not a power in kW\(usage())")
                }
                return .station(.evPower(connector: connector, kilowatts: kilowatts))
            default:
                throw CommandError("ev \(verb)? expected suspend, resume or power\(usage())")
            }
        case "fault":
            let connector = try self.connector()
            let word = try next("a ChargePointErrorCode")
            guard
                let code = ChargePointErrorCode.allCases.first(where: { $0.rawValue.lowercased() == word.lowercased() })
            else {
                let codes = ChargePointErrorCode.allCases.filter { $0 != .noError }.map(\.rawValue)
                throw CommandError("'\(word)' is not a ChargePointErrorCode: \(codes.joined(separator: ", "))")
            }
            return .station(.fault(connector: connector, code: code, info: rest()))
        case "clear": return .station(.clear(connector: try connector()))
        case "lock":
            let verb = try next("jam or free").lowercased()
            switch verb {
            case "jam": return .station(.lockJam(connector: try connector()))
            case "free": return .station(.lockFree(connector: try connector()))
            default: throw CommandError("lock \(verb)? expected jam or free\(usage())")
            }
        case "offline": return .station(.offline)
        case "online": return .station(.online)
        case "reset":
            let kind = try next("soft or hard").lowercased()
            guard let type = ResetType(rawValue: kind.prefix(1).uppercased() + kind.dropFirst()) else {
                throw CommandError("reset \(kind)? expected soft or hard")
            }
            return .station(.reset(type))
        case "powercut": return .session(.powercut)
        case "config":
            let verb = try next("get or set").lowercased()
            switch verb {
            case "get":
                defer { words.removeAll() }
                return .station(.configGet(keys: words))
            case "set":
                let key = try next("a key")
                guard let value = rest() else { throw CommandError("config set \(key) needs a value\(usage())") }
                return .station(.configSet(key: key, value: value))
            default:
                throw CommandError("config \(verb)? expected get or set\(usage())")
            }
        case "datatransfer":
            let vendor = try next("a vendorId")
            let messageId = words.isEmpty ? nil : words.removeFirst()
            return .station(.dataTransfer(vendorId: vendor, messageId: messageId, data: rest()))
        case "status": return .station(.status)
        case "wait":
            let word = try next("a duration, or online")
            if word.lowercased() == "online" {
                guard let limit = words.isEmpty ? "60s" : words.first, words.count <= 1,
                    let timeout = CommandParser.duration(limit)
                else { throw CommandError("'\(words.joined(separator: " "))' is not a duration: use 500ms, 5s or 2m") }
                words.removeAll()
                return .session(.waitOnline(timeout: timeout))
            }
            guard let milliseconds = CommandParser.duration(word) else {
                throw CommandError("'\(word)' is not a duration: use 500ms, 5s or 2m")
            }
            return .session(.wait(milliseconds: milliseconds))
        case "quit", "exit": return .session(.quit)
        case "help", "?": return .session(.help)
        default:
            let suggestion = CommandCatalog.names.min { distance($0, command) < distance($1, command) }
            let hint = suggestion.map { distance($0, command) <= 2 ? "; did you mean '\($0)'?" : "" } ?? ""
            throw CommandError("unknown command '\(command)'\(hint) (type 'help' for the list)")
        }
    }

    /// Levenshtein distance, for "did you mean".
    func distance(_ a: String, _ b: String) -> Int {
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

extension String {
    fileprivate func replacingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
