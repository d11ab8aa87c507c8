/// One configuration key as the operator sees it: in `config get`, the editor and
/// snapshots. The value of a write-only key is never included.
public struct ConfigurationEntry: Sendable, Equatable {
    public var key: String
    /// Nil for a write-only key (shown masked) or an unknown key.
    public var value: String?
    public var access: ConfigurationKeyDefinition.Access?
    public var profile: FeatureProfile?
    public var summary: String
    /// False when the station does not have the key.
    public var isKnown: Bool
    /// False while the key has no value (a write-only key never set, such as an
    /// AuthorizationKey before the first one): "not set", rather than a mask that
    /// suggests a secret.
    public var isSet = true

    public init(
        key: String, value: String?, access: ConfigurationKeyDefinition.Access?, profile: FeatureProfile?,
        summary: String, isKnown: Bool
    ) {
        self.key = key
        self.value = value
        self.access = access
        self.profile = profile
        self.summary = summary
        self.isKnown = isKnown
    }
}

extension ConfigurationStore {
    /// The operator's view of the keys named (in any spelling, OCPP 1.6 §7.17), or of
    /// every supported key. A known key is shown in its canonical spelling; an unknown
    /// name as it was asked for.
    public func entries(named names: [String]) -> [ConfigurationEntry] {
        var seen: Set<StandardKey> = []
        // A key named twice in different spellings is one key (CiString, §7.17).
        let keys = (names.isEmpty ? supportedKeys.map(\.rawValue) : names).filter { name in
            StandardKey(name: name).map { seen.insert($0).inserted } ?? true
        }
        return keys.map { name in
            guard let key = StandardKey(name: name), let entry = entries[key] else {
                return ConfigurationEntry(
                    key: name, value: nil, access: nil, profile: nil, summary: "not supported", isKnown: false)
            }
            var shown = ConfigurationEntry(
                key: key.rawValue, value: entry.access == .writeOnly ? nil : entry.value, access: entry.access,
                profile: key.definition.profile, summary: key.definition.summary, isKnown: true)
            shown.isSet = !entry.value.isEmpty
            return shown
        }
    }
}
