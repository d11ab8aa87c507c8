import ChargePoint

/// `--kiosk` with `--demo-loop`: the loop must not stay stuck behind what a visitor
/// did (the link held offline, a fault raised, an EV left plugged in). When no session
/// has run for `stallSeconds`, the watchdog puts the station back — online, faults
/// cleared, cables out — and the loop starts over.
struct DemoLoopWatchdog {
    let stallSeconds: Int64
    private var lastProgress: Timestamp

    init(startingAt now: Timestamp, stallSeconds: Int64 = 180) {
        self.stallSeconds = stallSeconds
        lastProgress = now
    }

    /// What the central system does when the loop starts over: a showcase round cut short
    /// leaves no station limit of its own behind (its profile only: the operator's stay,
    /// OCPP 1.6 §5.5).
    static let centralSystemActions: [DemoLoopPlan.Action] = [.clearLimits]

    /// The commands that put the station back, when it is stuck; nil otherwise.
    mutating func check(_ snapshot: StationSnapshot, at now: Timestamp) -> [StationCommand]? {
        if snapshot.connectors.contains(where: { $0.session != nil }) || snapshot.rebootingIn != nil {
            lastProgress = now
            return nil
        }
        guard lastProgress.milliseconds(until: now) / 1000 >= stallSeconds else { return nil }
        lastProgress = now
        var commands: [StationCommand] = snapshot.heldOffline ? [.online] : []
        for connector in [snapshot.station] + snapshot.connectors where connector.errorCode != .noError {
            commands.append(.clear(connector: connector.id))
        }
        for connector in snapshot.connectors where connector.evConnected {
            commands.append(.unplug(connector: connector.id))
        }
        return commands
    }
}
