import ChargePoint
import ChargePointRuntime

/// A fleet's standard output (issue 15): every station's events with its `chargePointId`
/// member, the fleet's own events (the `result` of `on all`, a refused line) without
/// one, and the `fleet` summary every `summaryPeriod` ms — all on one `LineWriter`, so a
/// slow reader holds up no station (README "Headless events").
///
/// Its methods run on the hub's one thread, which owns the statistics.
final class FleetStream: @unchecked Sendable {
    /// How often the `fleet` summary is written (ms).
    static let summaryPeriod: Int64 = 5000

    private let output: LineWriter
    private let identities: [String]
    private var statistics: FleetStatistics
    /// The stations, for their queues; set once before the hub runs them.
    var runners: [StationRunner] = []

    init(output: LineWriter, identities: [String]) {
        self.output = output
        self.identities = identities
        statistics = FleetStatistics(stations: identities.count, since: .monotonicNow())
    }

    /// Station number `index`'s events, as it publishes them.
    func publish(_ events: [StationEvent], station index: Int) {
        statistics.record(events, station: index)
        let identity = identities[index]
        output.write(contentsOf: events.map { EventEncoder.line($0, station: identity) })
    }

    /// The fleet's own events.
    func publish(_ events: [StationEvent]) {
        output.write(contentsOf: events.map { EventEncoder.line($0) })
    }

    /// The first window begins as the stations start (not while their databases opened).
    func beginWindow() {
        statistics.restartWindow(at: .monotonicNow())
    }

    /// The `fleet` summary, and a new window.
    func summarize() {
        let queued = runners.reduce(0) { $0 + $1.queuedTransactionMessages }
        let summary = statistics.summary(at: .monotonicNow(), queuedMessages: queued)
        output.write(contentsOf: [EventEncoder.fleetLine(summary)])
    }
}
