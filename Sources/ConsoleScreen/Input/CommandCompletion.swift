import ChargePoint

/// What Tab offers on the `:` line, word by word: command names, then what each
/// command takes next (connector numbers, card idTags, error codes, configuration keys).
enum CommandCompletion {
    static func candidates(
        _ words: [String], snapshot: StationSnapshot, configuration: [ConfigurationEntry], cards: [DemoCard]
    ) -> [String] {
        let connectors = snapshot.connectors.map { String($0.id) }
        guard let command = words.first?.lowercased() else { return CommandCatalog.names }
        let position = words.count  // index of the word being completed
        switch (command, position) {
        case ("plug", 1), ("unplug", 1), ("stop", 1), ("clear", 1), ("fault", 1): return connectors
        case ("swipe", 1): return cards.map(\.idTag.value)
        case ("swipe", 2): return connectors
        case ("ev", 1): return ["suspend", "resume", "power"]
        case ("ev", 2): return connectors
        case ("lock", 1): return ["jam", "free"]
        case ("lock", 2): return snapshot.connectors.filter(\.hasLock).map { String($0.id) }
        case ("fault", 2): return ChargePointErrorCode.allCases.filter { $0 != .noError }.map(\.rawValue)
        case ("reset", 1): return ["soft", "hard"]
        case ("wait", 1): return ["online"]
        case ("config", 1): return ["get", "set"]
        case ("config", _) where position >= 2:
            let keys = configuration.filter(\.isKnown).map(\.key).sorted()
            if words.count > 1, words[1].lowercased() == "set" {
                return position == 2
                    ? keys.filter { key in configuration.first { $0.key == key }?.access != .readOnly } : []
            }
            return keys
        default: return []
        }
    }
}
