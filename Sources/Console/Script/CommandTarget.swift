import ChargePoint
import ChargePointRuntime

/// What carries out operator command lines (`CommandLineExecutor`): the station runner,
/// or a recorder in tests.
protocol CommandTarget: Sendable {
    /// Carries out `command` and publishes the events it produced as `acknowledge` makes
    /// them (its errors named by their place, its `result` last).
    func submit(_ command: StationCommand, acknowledge: @escaping @Sendable ([StationEvent]) -> [StationEvent])
    /// Publishes an event in order with the station's own.
    func report(_ event: StationEvent)
    func powerCut()
    /// Whether the station is online (boot accepted) within `milliseconds`.
    func waitUntilOnline(milliseconds: Int64) -> Bool
    /// Whether the transaction messages submitted so far are answered within
    /// `milliseconds` (false: some stay queued durably, e.g. offline).
    func waitUntilDelivered(milliseconds: Int64) -> Bool
    /// `save-log [file]`: only the screen keeps a log to save. Why not, when it cannot.
    func saveLog(path: String?) -> String?
}

extension CommandTarget {
    func saveLog(path: String?) -> String? {
        "save-log saves the screen's log; here the frames are the frame events"
    }
}

extension StationRunner: CommandTarget {}

/// What a `--script` on the screen drives: the station (its runner), and the screen for
/// `save-log` (the screen's loop writes the file, `ScreenExports`).
struct ScreenScriptTarget: CommandTarget {
    let station: any CommandTarget
    let onSaveLog: @Sendable (String?) -> Void

    func submit(_ command: StationCommand, acknowledge: @escaping @Sendable ([StationEvent]) -> [StationEvent]) {
        station.submit(command, acknowledge: acknowledge)
    }
    func report(_ event: StationEvent) { station.report(event) }
    func powerCut() { station.powerCut() }
    func waitUntilOnline(milliseconds: Int64) -> Bool { station.waitUntilOnline(milliseconds: milliseconds) }
    func waitUntilDelivered(milliseconds: Int64) -> Bool { station.waitUntilDelivered(milliseconds: milliseconds) }
    func saveLog(path: String?) -> String? {
        onSaveLog(path)
        return nil
    }
}
