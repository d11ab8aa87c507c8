import ChargePoint
import ChargePointRuntime
import ConsoleScreen
import DequeModule
import Foundation

/// The fleet view's side of the stations' events (issue 15 §4), fed on the hub's one
/// thread and read by the screen's:
/// - every station's line (`FleetRows`), a few fields changed in place per event — no
///   snapshot of a station nobody looks at, no copy of its events;
/// - the CALLs a second and reply times of the `fleet` event (`FleetStatistics`), a
///   window every 5 s;
/// - the events of the station being viewed, to the screen's `EventInbox` (its log and
///   feedback; the log starts with the frames the station keeps for diagnostics, so the
///   screen keeps one station's log, not one per station);
/// - the notices and errors of the others, named by their identity, for the fleet's
///   feedback (the last `feedbackCapacity` between two frames).
final class FleetBoard: @unchecked Sendable {
    static let feedbackCapacity = 500

    private let lock = NSLock()
    private var rows: FleetRows  // guarded by lock
    private var statistics: FleetStatistics  // guarded by lock
    private var rates: FleetSummary?  // guarded by lock
    /// The station whose events go to `inbox` (guarded by lock; set on the hub's thread
    /// when a station opens, so that no event is lost or shown twice).
    private var viewed: Int?
    /// Counts the calls of `view`, so that a station opened and left before the hub's
    /// thread came to it is not viewed after all (guarded by lock).
    private var generation = 0
    private var feedback = Deque<StationEvent>()  // guarded by lock
    private var changed = true  // guarded by lock
    private var ticks = 0  // the hub's thread only
    private let inbox: EventInbox
    /// The stations; set once before the hub runs them.
    var runners: [StationRunner] = []

    init(identities: [String], connectors: Int, inbox: EventInbox) {
        rows = FleetRows(identities: identities, connectors: connectors)
        statistics = FleetStatistics(stations: identities.count, since: .monotonicNow())
        self.inbox = inbox
    }

    /// Station number `index`'s events, as it publishes them (the hub's thread).
    func publish(_ events: [StationEvent], station index: Int) {
        lock.withLock {
            rows.record(events, station: index, at: .monotonicNow())
            statistics.record(events, station: index)
            if viewed == index {
                inbox.add(events)
            } else {
                let identity = rows.rows[index].identity
                for event in events {
                    if let text = event.errorText {
                        keep(.error("\(identity): \(text)"))
                    } else if let text = event.noticeText {
                        keep(.notice("\(identity): \(text)"))
                    }
                }
            }
            markChanged()
        }
    }

    /// The fleet's own notices and errors (a station that stopped).
    func publish(_ events: [StationEvent]) {
        lock.withLock {
            for event in events { keep(event) }
            markChanged()
        }
    }

    private func keep(_ event: StationEvent) {
        feedback.append(event)
        if feedback.count > Self.feedbackCapacity { feedback.removeFirst() }
    }

    /// Wakes the screen for the first change since it last looked.
    private func markChanged() {
        if !changed {
            changed = true
            CursesWake.wake()
        }
    }

    /// Before the stations start: the sessions they resume from their stores.
    func resumeSessions() {
        let snapshots = runners.map(\.lastSnapshot)
        lock.withLock {
            for (index, snapshot) in snapshots.enumerated() {
                rows.resume(snapshot, station: index, at: .monotonicNow())
            }
        }
    }

    /// The first window of the rates begins as the stations start.
    func beginWindow() {
        lock.withLock { statistics.restartWindow(at: .monotonicNow()) }
    }

    /// Every second on the hub's thread: the queues from the runners, and every
    /// `FleetStream.summaryPeriod` a new window of the rates.
    func refresh() {
        ticks += 1
        let queued = runners.map(\.queuedTransactionMessages)
        lock.withLock {
            for (index, count) in queued.enumerated() { rows.setQueued(count, station: index) }
            if Int64(ticks) * 1000 % FleetStream.summaryPeriod == 0 {
                rates = statistics.summary(at: .monotonicNow(), queuedMessages: 0)
            }
            markChanged()
        }
    }

    /// Shows station number `index`'s events in the inbox from now on (nil: none): its
    /// recent frames first, handed over on the hub's thread in order with its events.
    func view(_ index: Int?) {
        let current = lock.withLock {
            viewed = nil
            generation += 1
            return generation
        }
        guard let index else { return }
        runners[index].recentFrames { [self] frames in
            lock.withLock {
                guard generation == current else { return }
                inbox.add(frames.map { .frame($0) })
                viewed = index
            }
        }
    }

    /// Whether anything changed since the last call, and the fleet's feedback since then.
    func take() -> (changed: Bool, feedback: [StationEvent]) {
        lock.withLock {
            defer {
                changed = false
                feedback.removeAll()
            }
            return (changed, Array(feedback))
        }
    }

    /// Runs `body` with the lines and the summary, the hub's thread held off meanwhile
    /// (so draw only the lines in view).
    func read<T>(_ body: (FleetRows, FleetCounts) -> T) -> T {
        lock.withLock {
            var counts = rows.counts
            if let rates {
                counts.callsPerSecond = rates.callsPerSecond
                (counts.latencyP50, counts.latencyP99) = (rates.latencyP50, rates.latencyP99)
            }
            return body(rows, counts)
        }
    }
}
