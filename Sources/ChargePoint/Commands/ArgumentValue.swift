/// What one argument of a command line became.
enum ArgumentValue: Sendable, Equatable {
    case word(String)
    case connector(Int)
    case duration(milliseconds: Int64)
    case kilowatts(Double)
    case errorCode(ChargePointErrorCode)
    case words([String])
}

/// A word that does not fit its argument: what it should have been. `showsUsage` when
/// the message alone does not say how to write it.
struct ArgumentRejection: Error {
    let message: String
    let showsUsage: Bool
}

extension ArgumentDefinition {
    /// The value of one word (keywords are matched by the parser, `text` and repeated
    /// arguments take their words whole).
    func read(_ word: String) -> Result<ArgumentValue, ArgumentRejection> {
        switch kind {
        case .keyword, .idTag, .configurationKey, .word, .text:
            return .success(.word(word))
        case .commandName:
            guard !CommandCatalog.definitions(named: word).isEmpty else {
                return .failure(
                    ArgumentRejection(message: CommandParser.unknown(word.lowercased()).message, showsUsage: false))
            }
            return .success(.word(word.lowercased()))
        case .connector:
            guard let number = Int(word), number >= 0 else {
                return .failure(ArgumentRejection(message: "'\(word)' is not a connector number", showsUsage: true))
            }
            return .success(.connector(number))
        case .duration:
            guard let milliseconds = CommandParser.duration(word) else {
                return .failure(
                    ArgumentRejection(message: "'\(word)' is not a duration: use 500ms, 5s or 2m", showsUsage: false))
            }
            return .success(.duration(milliseconds: milliseconds))
        case .kilowatts:
            let lowered = word.lowercased()
            guard let kilowatts = Double(lowered.hasSuffix("kw") ? String(lowered.dropLast(2)) : lowered),
                kilowatts > 0
            else {
                return .failure(ArgumentRejection(message: "'\(word)' is not a power in kW", showsUsage: true))
            }
            return .success(.kilowatts(kilowatts))
        case .errorCode:
            guard
                let code = ChargePointErrorCode.allCases.first(where: { $0.rawValue.lowercased() == word.lowercased() })
            else {
                let codes = ChargePointErrorCode.allCases.filter { $0 != .noError }.map(\.rawValue)
                return .failure(
                    ArgumentRejection(
                        message: "'\(word)' is not a ChargePointErrorCode: \(codes.joined(separator: ", "))",
                        showsUsage: false))
            }
            return .success(.errorCode(code))
        }
    }
}

/// The values of a parsed line, by the position of their argument in the definition;
/// what a `CommandDefinition`'s builder reads. Asking for a value of the wrong type is
/// a mistake in the catalog (`CommandCatalogTests` parses every row's usage).
public struct ParsedArguments: Sendable {
    var values: [ArgumentValue?]

    public func word(_ index: Int) -> String {
        guard let word = optionalWord(index) else { preconditionFailure("argument \(index) is not a word") }
        return word
    }

    public func optionalWord(_ index: Int) -> String? {
        guard case .word(let word)? = values[index] else { return nil }
        return word
    }

    public func connector(_ index: Int) -> Int {
        guard let connector = optionalConnector(index) else { preconditionFailure("argument \(index) is no connector") }
        return connector
    }

    public func optionalConnector(_ index: Int) -> Int? {
        guard case .connector(let connector)? = values[index] else { return nil }
        return connector
    }

    public func duration(_ index: Int) -> Int64 {
        guard let duration = optionalDuration(index) else { preconditionFailure("argument \(index) is no duration") }
        return duration
    }

    public func optionalDuration(_ index: Int) -> Int64? {
        guard case .duration(let milliseconds)? = values[index] else { return nil }
        return milliseconds
    }

    public func kilowatts(_ index: Int) -> Double {
        guard case .kilowatts(let kilowatts)? = values[index] else { preconditionFailure("argument \(index) is no kW") }
        return kilowatts
    }

    public func errorCode(_ index: Int) -> ChargePointErrorCode {
        guard case .errorCode(let code)? = values[index] else { preconditionFailure("argument \(index) is no code") }
        return code
    }

    public func words(_ index: Int) -> [String] {
        guard case .words(let words)? = values[index] else { return [] }
        return words
    }
}
