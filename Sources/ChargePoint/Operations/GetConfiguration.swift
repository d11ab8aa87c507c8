/// GetConfiguration (OCPP 1.6 §5.8): every key (no key asked for) or the keys asked
/// for, at most GetConfigurationMaxKeys of them; unknown ones in unknownKey. A
/// write-only key (AuthorizationKey) is never read back (OCPP-J §6.2.2): it is left out
/// of the full list and reported without a value when asked for by name.
extension StationCore {
    mutating func getConfiguration(_ request: GetConfigurationRequest) -> GetConfigurationResponse {
        var known: [KeyValue] = []
        var unknown: [CiString50] = []
        let asked = request.key ?? []
        func keyValue(_ key: StandardKey, includeValue: Bool) -> KeyValue? {
            guard let entry = config.entries[key], let name = CiString50(key.rawValue) else { return nil }
            return KeyValue(
                key: name, readonly: entry.access == .readOnly,
                value: includeValue ? CiString500(truncating: entry.value) : nil)
        }
        if asked.isEmpty {
            for key in config.supportedKeys where config.entries[key]?.access != .writeOnly {
                if let value = keyValue(key, includeValue: true) { known.append(value) }
            }
        } else {
            let limit = config.int(.getConfigurationMaxKeys) ?? asked.count
            if asked.count > limit {
                notice(
                    "GetConfiguration asked for \(asked.count) keys; GetConfigurationMaxKeys is \(limit), so only the first \(limit) are answered"
                )
            }
            var answered: Set<StandardKey> = []
            for name in asked.prefix(limit) {
                if let key = StandardKey(name: name.value), let entry = config.entries[key],
                    let value = keyValue(key, includeValue: entry.access != .writeOnly)
                {
                    // One key asked in two spellings (CiString, §7.17) is one key: answered once.
                    if answered.insert(key).inserted { known.append(value) }
                } else {
                    unknown.append(name)
                }
            }
        }
        return GetConfigurationResponse(
            configurationKey: known.isEmpty ? nil : known, unknownKey: unknown.isEmpty ? nil : unknown)
    }
}
