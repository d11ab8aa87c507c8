import ChargePoint
import ChargePointRuntime

/// What carries out operator command lines (`CommandLineExecutor`): the station runner,
/// or a recorder in tests.
protocol CommandTarget: Sendable {
    /// Carries out `command`, then publishes what `acknowledge` makes of the events it
    /// produced (its `result`), in order with them.
    func submit(_ command: StationCommand, acknowledge: @escaping @Sendable ([StationEvent]) -> StationEvent)
    /// Publishes an event in order with the station's own.
    func report(_ event: StationEvent)
    func powerCut()
    /// Whether the station is online (boot accepted) within `milliseconds`.
    func waitUntilOnline(milliseconds: Int64) -> Bool
}

extension StationRunner: CommandTarget {}
