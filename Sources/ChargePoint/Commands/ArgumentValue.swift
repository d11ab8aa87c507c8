/// What one argument of a command line became.
enum ArgumentValue: Sendable, Equatable {
    case word(String)
    case connector(Int)
    case duration(milliseconds: Int64)
    case kilowatts(Double)
    case powerOrCurrent(PowerOrCurrent)
    case number(Int)
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
        case .choice(let words):
            guard let chosen = words.first(where: { CaseInsensitive.equal($0, word) }) else {
                let expected = CommandList.alternatives(words)
                return .failure(ArgumentRejection(message: "'\(word)' is not \(expected)", showsUsage: false))
            }
            return .success(.word(chosen))
        case .number:
            guard let number = Int(word), number >= 0 else {
                return .failure(ArgumentRejection(message: "'\(word)' is not a whole number", showsUsage: true))
            }
            return .success(.number(number))
        case .powerOrCurrent:
            return Self.powerOrCurrent(word).map { .success(.powerOrCurrent($0)) }
                ?? .failure(
                    ArgumentRejection(
                        message: "'\(word)' is not a limit: use 7.4 or 7.4kW (power), 16A (current)",
                        showsUsage: false))
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
                let why =
                    CommandParser.unboundedDuration(word) == nil
                    ? "is not a duration: use 500ms, 5s or 2m" : "is too long: 365 days at most"
                return .failure(ArgumentRejection(message: "'\(word)' \(why)", showsUsage: false))
            }
            guard milliseconds >= minimumMilliseconds else {
                return .failure(
                    ArgumentRejection(
                        message: "'\(word)' is too short: \(minimumMilliseconds / 1000) s at least", showsUsage: false))
            }
            return .success(.duration(milliseconds: milliseconds))
        case .kilowatts:
            guard let limit = Self.powerOrCurrent(word), limit.unit == .watts else {
                return .failure(ArgumentRejection(message: "'\(word)' is not a power in kW", showsUsage: true))
            }
            return .success(.kilowatts(limit.value))
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

extension ArgumentDefinition {
    /// `7.4`, `7.4kW` (a power, kW), `16A` (a current); more than zero.
    static func powerOrCurrent(_ word: String) -> PowerOrCurrent? {
        let lowered = word.lowercased()
        let (number, unit): (Substring, ChargingRateUnitType) =
            lowered.hasSuffix("kw")
            ? (lowered.dropLast(2), .watts)
            : lowered.hasSuffix("a") ? (lowered.dropLast(), .amperes) : (lowered[...], .watts)
        // At least 1 W or 0.1 A: what a charging schedule's limit can carry (§7.13,
        // one decimal), not a value that rounds to nothing.
        guard let value = Double(number), value.isFinite, value >= (unit == .watts ? 0.001 : 0.1) else { return nil }
        return PowerOrCurrent(value, unit)
    }
}

/// The values of a parsed line, by the position of their argument in the definition;
/// what a `CommandDefinition`'s builder reads. Asking for a value of the wrong type is
/// a mistake in the catalog (`CommandCatalogTests` parses every row's usage).
public struct ParsedArguments: Sendable {
    var values: [ArgumentValue?]

    public func word(_ index: Int) -> String { required(optionalWord(index), index, "a word") }

    public func optionalWord(_ index: Int) -> String? {
        guard case .word(let word)? = values[index] else { return nil }
        return word
    }

    public func connector(_ index: Int) -> Int { required(optionalConnector(index), index, "a connector") }

    public func optionalConnector(_ index: Int) -> Int? {
        guard case .connector(let connector)? = values[index] else { return nil }
        return connector
    }

    public func duration(_ index: Int) -> Int64 { required(optionalDuration(index), index, "a duration") }

    public func optionalDuration(_ index: Int) -> Int64? {
        guard case .duration(let milliseconds)? = values[index] else { return nil }
        return milliseconds
    }

    public func kilowatts(_ index: Int) -> Double {
        guard case .kilowatts(let kilowatts)? = values[index] else { preconditionFailure("argument \(index) is no kW") }
        return kilowatts
    }

    public func number(_ index: Int) -> Int { required(optionalNumber(index), index, "a number") }
    public func optionalNumber(_ index: Int) -> Int? { if case .number(let n)? = values[index] { n } else { nil } }

    public func powerOrCurrent(_ index: Int) -> PowerOrCurrent {
        required(optionalPowerOrCurrent(index), index, "a limit")
    }
    public func optionalPowerOrCurrent(_ index: Int) -> PowerOrCurrent? {
        if case .powerOrCurrent(let limit)? = values[index] { limit } else { nil }
    }

    /// A required argument's value: the catalog's builder asks only for what its row has.
    private func required<Value>(_ value: Value?, _ index: Int, _ what: String) -> Value {
        guard let value else { preconditionFailure("argument \(index) is not \(what)") }
        return value
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
