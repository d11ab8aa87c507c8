import ChargePoint
import ChargePointRuntime
import ConsoleScreen
import Synchronization

/// `--fleet N` on the screen (issue 15 §4): the fleet view, and which station the
/// single-station view shows. The screen's loop (`ScreenSession`) asks it for the fleet
/// view's keys and frames while no station is open; an open station is shown as one
/// console shows its own, its events alone reaching the screen (`FleetBoard`).
final class FleetScreen {
    let board: FleetBoard
    let runners: [StationRunner]
    /// Each station's data directory (its saved frames, logs and traces).
    let directories: [String]
    let cards: [DemoCard]
    private(set) var controller: FleetController
    /// The station shown in the single-station view; nil: the fleet view.
    private(set) var opened: Int?
    /// Every station saves and closes its link, then the hub stops.
    let shutdown: () -> Void

    init(
        board: FleetBoard, runners: [StationRunner], directories: [String], cards: [DemoCard],
        controller: FleetController, shutdown: @escaping () -> Void
    ) {
        (self.board, self.runners, self.directories, self.cards) = (board, runners, directories, cards)
        (self.controller, self.shutdown) = (controller, shutdown)
    }

    /// Takes the fleet's feedback; whether the fleet view has changed.
    func takeChanges(at now: Timestamp) -> Bool {
        let (changed, feedback) = board.take()
        if !feedback.isEmpty { controller.ingest(feedback, at: now) }
        return changed || !feedback.isEmpty
    }

    /// A line for the fleet view's feedback.
    func notice(_ text: String, at now: Timestamp) {
        controller.ingest([.notice(text)], at: now)
    }

    func handle(_ key: Key, at now: Timestamp) -> [FleetEffect] {
        board.read { rows, _ in controller.handle(key, rows: rows, at: now) }
    }

    func draw(into surface: inout Surface, at now: Timestamp) {
        board.read { rows, counts in controller.render(rows, counts: counts, at: now, into: &surface) }
    }

    /// The station's single view opens: its events go to the screen's inbox from now on.
    func open(_ station: Int) {
        opened = station
        board.view(station)
    }

    /// Back to the fleet view: the station makes no more snapshots for the screen.
    func close() {
        if let opened { runners[opened].releaseView() }
        opened = nil
        board.view(nil)
    }

    /// Until when `:quit --stop` waits for the StopTransactions (monotonic); nil: it was
    /// not asked for.
    private(set) var stoppingUntil: Timestamp?

    /// The stations that have not yet carried out `:quit --stop`'s stops.
    private final class Pending: Sendable {
        let count = Mutex(0)
    }
    private let stopsPending = Pending()

    /// `:quit --stop`: every station stops its sessions (its behaviour first).
    func stopAllTransactions(at now: Timestamp) {
        stopsPending.count.withLock { $0 = runners.count }
        for runner in runners {
            runner.submit(.stopAllTransactions) { [stopsPending] events in
                stopsPending.count.withLock { $0 -= 1 }
                return events
            }
        }
        stoppingUntil = now.adding(milliseconds: CommandLineExecutor.deliveryLimit)
    }

    /// After `:quit --stop`: whether to quit now — every StopTransaction answered or queued
    /// (a station offline keeps it for its next start), or the time is up (said, naming
    /// the stations still waiting).
    func stoppedToQuit(at now: Timestamp) -> Bool {
        guard let until = stoppingUntil else { return false }
        let carriedOut = stopsPending.count.withLock { $0 == 0 }
        if now < until, !carriedOut || runners.contains(where: { !$0.waitUntilDelivered(milliseconds: 0) }) {
            return false
        }
        stoppingUntil = nil
        return true
    }

    /// `on <station|all> <command>`.
    func submit(_ command: StationCommand, to station: Int?) {
        for runner in station.map({ [runners[$0]] }) ?? runners { runner.submit(command) }
    }

    func powerCut(_ station: Int?) {
        for runner in station.map({ [runners[$0]] }) ?? runners { runner.powerCut() }
    }

    /// What the single-station view knows of station number `station`.
    func info(_ station: Int) -> StationInfo {
        let configuration = runners[station].configuration
        var info = StationInfo(
            url: configuration.endpoint.description, stationId: configuration.stationId,
            insecure: configuration.insecure, cards: cards)
        info.inFleet = true
        return info
    }
}
