import ChargePoint

/// The CALLs of the trade-show loop (`--demo-loop`): a remote start and stop with the
/// first valid demo card, and a station limit that the showcase later takes back — its
/// own profile only, so that limits the operator set stay (OCPP 1.6 §5.5).
extension DemoCentralSystem {
    /// The stack level of the showcase's ChargePointMaxProfile: above the operator's
    /// `csms station-limit` (level 0), so that neither replaces the other (§3.13.2).
    public static let showcaseStackLevel = 1

    /// A RemoteStartTransaction for the first valid demo card.
    public mutating func remoteStart(connector: Int, station: String, at now: Timestamp) -> DemoCall? {
        guard let card = cards.first(where: { $0.status == .accepted && $0.parentIdTag == nil }) else { return nil }
        return try? call(.remoteStart(idTag: card.idTag.value, connector: connector, limit: nil), to: station, at: now)
    }

    /// A RemoteStopTransaction for the transaction running on `connector`, if any.
    public mutating func remoteStop(connector: Int, station: String, at now: Timestamp) -> DemoCall? {
        guard records.running(on: connector, of: station) != nil else { return nil }
        return try? call(.remoteStop(connectorOrTransaction: connector), to: station, at: now)
    }

    /// The showcase's station limit (§3.13.1): a ChargePointMaxProfile on connector 0 at
    /// `showcaseStackLevel`, whose id the demo remembers for `clearShowcaseLimit`.
    public mutating func showcaseLimit(kilowatts: Double, station: String, at now: Timestamp) -> DemoCall? {
        let profile = profile(
            .chargePointMaxProfile, PowerOrCurrent(kilowatts, .watts), start: now, stackLevel: Self.showcaseStackLevel)
        records.showcaseProfiles[station] = profile.chargingProfileId
        return try? call(SetChargingProfileRequest(connectorId: 0, csChargingProfiles: profile), to: station, at: now)
    }

    /// ClearChargingProfile of the showcase's own profile, by its id (§5.5: with an id,
    /// the station clears that profile alone); nil when the showcase set none.
    public mutating func clearShowcaseLimit(station: String, at now: Timestamp) -> DemoCall? {
        guard let id = records.showcaseProfiles.removeValue(forKey: station) else { return nil }
        return try? call(ClearChargingProfileRequest(id: id), to: station, at: now)
    }
}
