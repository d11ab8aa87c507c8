import ChargePoint
import ChargePointRuntime
import DemoCentralSystem

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
    /// Where messages stay queued once `waitUntilDelivered` said false, for its notice:
    /// "" for one station, " at CP-0003, CP-0007" in a fleet.
    func undeliveredPlaces() -> String
    /// Which stations are not online, for `wait online`'s failure: "" for one station,
    /// ": CP-0003, CP-0007" in a fleet.
    func offlinePlaces() -> String
    /// `save-log [file]`: only the screen keeps a log to save. Why not, when it cannot.
    func saveLog(path: String?) -> String?
    /// `csms …` (issue 14): the embedded central system sends the CALL; its answer, once
    /// the station gave it (or why there is none).
    func centralSystem(_ command: CentralSystemCommand) -> CentralSystemAnswer
}

extension CommandTarget {
    func undeliveredPlaces() -> String { "" }
    func offlinePlaces() -> String { "" }

    func saveLog(path: String?) -> String? {
        "save-log saves the screen's log; here the frames are the frame events"
    }

    func centralSystem(_ command: CentralSystemCommand) -> CentralSystemAnswer {
        .notSent(ConsoleTarget.withoutDemo)
    }
}

extension StationRunner: CommandTarget {}

/// What the console's command lines drive: the station (its runner), the embedded demo
/// central system for `csms …` when `--demo` runs one (issue 14), and on the screen the
/// screen itself for `save-log` (the screen's loop writes the file, `ScreenExports`).
struct ConsoleTarget: CommandTarget {
    let station: any CommandTarget
    var server: DemoServer?
    /// Where a `save-log` line goes on the screen; nil headless.
    var onSaveLog: (@Sendable (String?) -> Void)?

    /// Why `csms …` does nothing without `--demo`.
    static let withoutDemo = "csms commands need the embedded central system: start with --demo"

    func submit(_ command: StationCommand, acknowledge: @escaping @Sendable ([StationEvent]) -> [StationEvent]) {
        station.submit(command, acknowledge: acknowledge)
    }
    func report(_ event: StationEvent) { station.report(event) }
    func powerCut() { station.powerCut() }
    func waitUntilOnline(milliseconds: Int64) -> Bool { station.waitUntilOnline(milliseconds: milliseconds) }
    func waitUntilDelivered(milliseconds: Int64) -> Bool { station.waitUntilDelivered(milliseconds: milliseconds) }
    func saveLog(path: String?) -> String? {
        guard let onSaveLog else { return station.saveLog(path: path) }
        onSaveLog(path)
        return nil
    }
    func centralSystem(_ command: CentralSystemCommand) -> CentralSystemAnswer {
        server?.answer(to: command) ?? station.centralSystem(command)
    }
}
