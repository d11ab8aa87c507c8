/// The installed charging profiles (OCPP 1.6 §3.13, §5.16), and the one owner of them.
///
/// Profiles persist across reboots; TxProfiles end with their transaction (§3.13.1).
/// Each mutating method returns the `Action`s that must follow, in order, and
/// `StationCore.apply(_:)` carries them out; what the profiles mean in watts is
/// `ChargingLimits.swift`'s.
struct ChargingProfileStore: Sendable {
    /// What must happen after a change to the installed profiles.
    enum Action: Sendable, Equatable {
        case persist(StoreChange)
        case notice(String)
        /// The limits may have changed: share the power again, arm the next change.
        case limitsChanged
    }

    private(set) var all: [InstalledChargingProfile]

    init(_ profiles: [InstalledChargingProfile]) {
        all = profiles
    }

    /// The TxProfiles of transaction `number` (§3.13.1).
    func txProfiles(transaction number: Int64?) -> [InstalledChargingProfile] {
        all.filter {
            $0.profile.chargingProfilePurpose == .txProfile && $0.transaction != nil && $0.transaction == number
        }
    }

    /// The TxDefaultProfiles of connector `id` or of every connector (0).
    func txDefaultProfiles(connector id: Int) -> [InstalledChargingProfile] {
        all.filter {
            $0.profile.chargingProfilePurpose == .txDefaultProfile && ($0.connector == id || $0.connector == 0)
        }
    }

    var chargePointMaxProfiles: [InstalledChargingProfile] {
        all.filter { $0.profile.chargingProfilePurpose == .chargePointMaxProfile }
    }

    /// SetChargingProfile (§5.16): a profile with the same id, or the same purpose and
    /// stack level on the same connector, is replaced. Nil when MaxChargingProfilesInstalled
    /// (`maximum`) would be exceeded.
    mutating func install(_ installed: InstalledChargingProfile, maximum: Int?) -> [Action]? {
        let profile = installed.profile
        let replaced = all.filter { old in
            old.profile.chargingProfileId == profile.chargingProfileId
                || (old.profile.stackLevel == profile.stackLevel
                    && old.profile.chargingProfilePurpose == profile.chargingProfilePurpose
                    && old.connector == installed.connector)
        }
        if let maximum, all.count - replaced.count >= maximum { return nil }
        var actions: [Action] = []
        for old in replaced {
            all.removeAll { $0.profile.chargingProfileId == old.profile.chargingProfileId }
            actions.append(.persist(.chargingProfileRemoved(id: old.profile.chargingProfileId)))
        }
        all.append(installed)
        let connector = installed.connector
        return actions + [
            .persist(.chargingProfile(installed)),
            .notice(
                "charging profile \(profile.chargingProfileId) (\(profile.chargingProfilePurpose.rawValue), stack \(profile.stackLevel)) installed on \(connector == 0 ? "the station" : "connector \(connector)")"
            ),
            .limitsChanged,
        ]
    }

    /// The TxProfile a RemoteStartTransaction carried, for the transaction it started.
    mutating func installTransactionProfile(_ installed: InstalledChargingProfile) -> [Action] {
        all.removeAll { $0.profile.chargingProfileId == installed.profile.chargingProfileId }
        all.append(installed)
        return [.persist(.chargingProfile(installed)), .limitsChanged]
    }

    /// ClearChargingProfile (§5.5, errata 3.25, 3.26): by id (the other fields then do
    /// not matter), or every profile matching all the criteria given. Nil when none
    /// matched.
    mutating func clear(_ request: ClearChargingProfileRequest) -> [Action]? {
        let matching = all.filter { installed in
            if let id = request.id { return installed.profile.chargingProfileId == id }
            if let connector = request.connectorId, installed.connector != connector { return false }
            if let purpose = request.chargingProfilePurpose, installed.profile.chargingProfilePurpose != purpose {
                return false
            }
            if let level = request.stackLevel, installed.profile.stackLevel != level { return false }
            return true
        }
        guard !matching.isEmpty else { return nil }
        var actions: [Action] = []
        for installed in matching {
            all.removeAll { $0.profile.chargingProfileId == installed.profile.chargingProfileId }
            actions.append(.persist(.chargingProfileRemoved(id: installed.profile.chargingProfileId)))
        }
        return actions + [
            .notice("\(matching.count) charging profile\(matching.count == 1 ? "" : "s") cleared"), .limitsChanged,
        ]
    }

    /// TxProfiles end with their transaction (§3.13.1).
    mutating func removeTransactionProfiles(transaction: Int64) -> [Action] {
        let ended = all.filter { $0.transaction == transaction }
        guard !ended.isEmpty else { return [] }
        all.removeAll { $0.transaction == transaction }
        return ended.map { .persist(.chargingProfileRemoved(id: $0.profile.chargingProfileId)) } + [.limitsChanged]
    }
}
