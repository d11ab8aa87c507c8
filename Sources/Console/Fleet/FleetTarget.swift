import ChargePoint
import Foundation

/// `on all <command>` and the fleet's own commands (`wait online`, `quit --stop`):
/// every station of the process as one `CommandTarget` (issue 15).
///
/// A station command goes to each station in turn; each publishes its own events in
/// its own stream (`chargePointId` member), and once the last has carried it out the line's
/// one `result` goes to the fleet's stream — failed, with the first refusal named by
/// its station (`CP-0003: connector 3 does not exist`), when any station refused.
/// Everything happens on the hub's thread, in order with what came before.
struct FleetTarget: CommandTarget {
    /// The stations (their runners), by identity.
    let stations: [(identity: String, station: any CommandTarget)]
    /// Publishes fleet events (no `chargePointId` member); called on the hub's thread.
    let publish: @Sendable ([StationEvent]) -> Void
    /// Runs work on the hub's thread after everything handed over before it (`perform`).
    let inOrder: @Sendable (@escaping @Sendable () -> Void) -> Void

    /// What the stations said of one command so far (the hub's thread only).
    private final class Gathered: @unchecked Sendable {
        var errors: [StationEvent] = []
        var answer: StationEvent?
        var remaining: Int
        init(remaining: Int) { self.remaining = remaining }
    }

    func submit(_ command: StationCommand, acknowledge: @escaping @Sendable ([StationEvent]) -> [StationEvent]) {
        let gathered = Gathered(remaining: stations.count)
        let (publish, inOrder) = (publish, inOrder)
        for (identity, station) in stations {
            station.submit(command) { events in
                gathered.errors += events.compactMap(\.errorText).map { .error("\(identity): \($0)") }
                gathered.answer = gathered.answer ?? events.first { $0.answersACommand }
                gathered.remaining -= 1
                if gathered.remaining == 0 {
                    // The result alone: each refusal is in its station's stream already —
                    // the last station's too, once its events (these) are out: after them.
                    let acknowledged = acknowledge(gathered.errors + [gathered.answer].compactMap { $0 })
                    let result = acknowledged.filter { if case .result = $0 { true } else { false } }
                    inOrder { publish(result) }
                }
                return events
            }
        }
    }

    func report(_ event: StationEvent) {
        let publish = publish
        inOrder { publish([event]) }
    }

    func powerCut() {
        for (_, station) in stations { station.powerCut() }
    }

    /// Every station online within `milliseconds` (one deadline for all).
    func waitUntilOnline(milliseconds: Int64) -> Bool {
        waitForEach(milliseconds) { $0.waitUntilOnline(milliseconds: $1) }
    }

    func waitUntilDelivered(milliseconds: Int64) -> Bool {
        waitForEach(milliseconds) { $0.waitUntilDelivered(milliseconds: $1) }
    }

    /// The stations whose queues are not empty now, the first five by name.
    func undeliveredPlaces() -> String {
        Self.named(stations.filter { !$0.station.waitUntilDelivered(milliseconds: 0) }.map(\.identity), after: " at ")
    }

    /// The stations not online now, the first five by name.
    func offlinePlaces() -> String {
        Self.named(stations.filter { !$0.station.waitUntilOnline(milliseconds: 0) }.map(\.identity), after: ": ")
    }

    /// `lead` and "CP-0001, CP-0002 and 3 more"; "" for none.
    private static func named(_ names: [String], after lead: String) -> String {
        guard !names.isEmpty else { return "" }
        let more = names.count > 5 ? " and \(names.count - 5) more" : ""
        return lead + names.prefix(5).joined(separator: ", ") + more
    }

    private func waitForEach(_ milliseconds: Int64, _ wait: (any CommandTarget, Int64) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(Double(milliseconds) / 1000)
        var all = true
        for (_, station) in stations {
            let left = max(0, Int64(deadline.timeIntervalSinceNow * 1000))
            if !wait(station, left) { all = false }
        }
        return all
    }
}
