/// The station's configuration keys and the one owner of them: the values in force
/// (`ConfigurationStore`), the keys written since the factory, and a revision that
/// counts the changes.
///
/// A change arrives checked and normalized (`ChangeConfiguration.swift`); `set` answers
/// with the `StoreChange` the core persists.
struct StationConfiguration: Sendable {
    /// The values in force; the core reads them as `config`.
    private(set) var store: ConfigurationStore
    /// Keys written since the factory (and so present in the durable store).
    private(set) var written: Set<StandardKey> = []
    /// Counts configuration changes, so that observers know when to read it again.
    private(set) var revision = 0

    /// The profile's values, then those saved (`saved`: key name to value) for the keys
    /// this station supports.
    init(profile: StationProfile, saved: [String: String]) throws(ProfileError) {
        var store = try ConfigurationStore(profile: profile)
        for (name, value) in saved {
            if let key = StandardKey(name: name), store.supports(key) {
                store.set(key, value)
                written.insert(key)
            }
        }
        self.store = store
    }

    /// Sets `key` to `value` (checked and normalized): the change to persist.
    mutating func set(_ key: StandardKey, _ value: String) -> StoreChange {
        store.set(key, value)
        written.insert(key)
        revision += 1
        return .configuration(key: key.rawValue, value: value)
    }

    /// Shows `key` as `value` without writing it (a value the station derives, such as
    /// the security profile its link is in): not persisted, so a later start derives it
    /// again.
    mutating func show(_ key: StandardKey, _ value: String) {
        store.set(key, value)
        revision += 1
    }

    /// The keys written and their values, as the durable store holds them.
    var durableValues: [String: String] {
        var values: [String: String] = [:]
        for key in written { values[key.rawValue] = store.value(key) }
        return values
    }
}
