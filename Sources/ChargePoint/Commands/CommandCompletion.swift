/// What Tab offers on the `:` line, word by word, read from `CommandCatalog`: the
/// command names, then what the argument at that place takes (keywords, connector
/// numbers, card idTags, error codes, configuration keys).
public enum CommandCompletion {
    /// The candidates for the word after `words` (the complete words before the cursor).
    public static func candidates(_ words: [String], _ context: CompletionContext) -> [String] {
        guard let name = words.first else { return CommandCatalog.names }
        let typed = Array(words.dropFirst())
        var candidates: [String] = []
        for definition in CommandCatalog.definitions(named: name) where definition.fits(typed) {
            guard let argument = definition.argument(at: typed.count) else { continue }
            var offered = context.candidates(for: argument)
            // An optional word may be left out before a flag (`remote-start A --limit 7`).
            if argument.occurrence == .optional, argument.flag == nil {
                offered += definition.arguments.dropFirst(typed.count + 1).compactMap(\.flag)
            }
            for candidate in offered where !candidates.contains(candidate) {
                candidates.append(candidate)
            }
        }
        return candidates
    }
}

extension CommandDefinition {
    /// Whether the words typed so far can belong to this row: its keyword, if it has one.
    fileprivate func fits(_ typed: [String]) -> Bool {
        guard let word = typed.first, !keywords.isEmpty else { return true }
        return keywords.contains(word.lowercased())
    }
}

/// What the station offers to complete from.
public struct CompletionContext: Sendable, Equatable {
    public var connectors: [Int]
    /// The connectors with a cable lock.
    public var lockableConnectors: [Int]
    /// The keys the station has, sorted.
    public var keys: [String]
    /// Those the operator may change.
    public var writableKeys: [String]
    /// The demo cards.
    public var idTags: [String]

    public init(
        connectors: [Int], lockableConnectors: [Int], keys: [String], writableKeys: [String], idTags: [String]
    ) {
        self.connectors = connectors
        self.lockableConnectors = lockableConnectors
        self.keys = keys
        self.writableKeys = writableKeys
        self.idTags = idTags
    }

    public init(snapshot: StationSnapshot, configuration: [ConfigurationEntry], cards: [DemoCard]) {
        let known = configuration.filter(\.isKnown).sorted { $0.key < $1.key }
        self.init(
            connectors: snapshot.connectors.map(\.id),
            lockableConnectors: snapshot.connectors.filter(\.hasLock).map(\.id),
            keys: known.map(\.key),
            writableKeys: known.filter { $0.access != .readOnly }.map(\.key),
            idTags: cards.map(\.idTag.value))
    }

    func candidates(for argument: ArgumentDefinition) -> [String] {
        if let flag = argument.flag { return [flag] }
        return switch argument.kind {
        case .keyword(let words), .choice(let words): words
        case .connector(.any): connectors.map(String.init)
        case .connector(.withCableLock): lockableConnectors.map(String.init)
        case .idTag: idTags
        case .errorCode: ChargePointErrorCode.allCases.filter { $0 != .noError }.map(\.rawValue)
        case .configurationKey(let writable): writable ? writableKeys : keys
        case .commandName: CommandCatalog.names
        case .duration, .kilowatts, .powerOrCurrent, .number, .word, .text: []
        }
    }
}
