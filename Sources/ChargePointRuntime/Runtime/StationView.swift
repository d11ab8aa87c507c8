import ChargePoint

/// What observers of a running station see (`StationRunner.view`).
public struct StationView: Sendable {
    public var snapshot: StationSnapshot
    public var configuration: [ConfigurationEntry]
    public var isOnline: Bool
    /// Online and not about to go (`StationCore.staysOnline`): what `wait online` awaits.
    public var staysOnline = false
    /// Transaction messages the central system has not answered yet (kept up to date
    /// headless too, where no snapshot is made).
    public var queuedTransactionMessages = 0
    /// Other calls of the station waiting to leave or awaiting their answer (the
    /// StatusNotifications that follow a stop, for one).
    public var callsOutstanding = 0
}
