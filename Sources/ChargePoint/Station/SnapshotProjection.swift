/// A snapshot seen a little later (btop's collect/draw): between two inputs nothing
/// changes in the station but time, so what the screen shows at any moment is a pure
/// function of the last snapshot — energy = register + power × Δt, the EV's state of
/// charge, the session's energy, the countdowns — with no access to the core.
extension StationSnapshot {
    /// This snapshot as it reads at station time `time` (monotonic; earlier times give
    /// the snapshot unchanged). The readings (`ConnectorSnapshot.readings`) stay as sampled.
    public func projected(to time: Timestamp) -> StationSnapshot {
        let elapsed = stationTime.milliseconds(until: time)
        guard elapsed > 0 else { return self }
        var view = self
        view.stationTime = time
        view.time = self.time.adding(milliseconds: elapsed)
        view.reconnectIn = reconnectIn.map { max(0, $0 - elapsed) }
        view.rebootingIn = rebootingIn.map { max(0, $0 - elapsed) }
        view.bootRetryIn = bootRetryIn.map { max(0, $0 - elapsed) }
        view.connectors = connectors.map { $0.projected(by: elapsed) }
        view.station.meterWh = view.connectors.reduce(0) { $0 + $1.meterWh }
        return view
    }
}

extension ConnectorSnapshot {
    /// `elapsed` ms later at the same power (the core arms a timer for the moment the
    /// power changes — a full battery, an energy cap — so it never runs past one).
    func projected(by elapsed: Int64) -> ConnectorSnapshot {
        guard powerW > 0 else { return self }
        var connector = self
        let energy = powerW * Double(elapsed) / 3_600_000
        connector.meterWh += energy
        connector.session?.energyWh += energy
        if let soc = socPercent, let battery = batteryWh, battery > 0 {
            connector.socPercent = min(100, soc + energy / battery * 100)
        }
        return connector
    }
}
