import ChargePoint
import ChargePointRuntime

/// What carries out operator command lines (`CommandLineExecutor`): the station runner,
/// or a recorder in tests.
protocol CommandTarget: Sendable {
    func submit(_ command: StationCommand)
    /// Publishes an event in order with the station's own.
    func report(_ event: StationEvent)
    func powerCut()
    /// Whether the station is online (boot accepted) within `milliseconds`.
    func waitUntilOnline(milliseconds: Int64) -> Bool
}

extension StationRunner: CommandTarget {}
