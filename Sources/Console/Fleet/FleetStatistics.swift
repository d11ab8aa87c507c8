import ChargePoint

/// What the `fleet` summary event says every few seconds (issue 15): how many stations
/// are connected, booted (their boot accepted) and charging (a connector Charging), the
/// messages in the durable queues (transaction messages and SecurityEventNotifications),
/// and over the last window the CALLs the stations sent a
/// second and how long the central system took to answer them (ms, seen from the
/// station's side: its CALL on the wire to the CALLRESULT or CALLERROR back), nil
/// without an answer in the window.
struct FleetSummary: Sendable, Equatable {
    /// Stations in this process; of them connected, booted, charging.
    var stations, connected, booted, charging: Int
    var queuedMessages: Int
    var callsPerSecond: Double
    /// Reply latency percentiles (ms).
    var latencyP50, latencyP99: Int64?
}

/// The fleet's counts, fed with every station's events as they are published — on the
/// hub's one thread, so it needs no lock (its owner keeps it there).
struct FleetStatistics {
    private struct Station {
        var connected = false
        var booted = false
        var chargingConnectors = Set<Int>()
        /// The station's CALLs awaiting their answer: message id → when it left.
        var awaiting: [String: Timestamp] = [:]
    }

    private var stations: [Station]
    /// Counted over the current window.
    private var callsSent = 0
    private var latencies: [Int64] = []
    private var windowStart: Timestamp

    /// `start`: when the first window begins (monotonic).
    init(stations: Int, since start: Timestamp) {
        self.stations = Array(repeating: Station(), count: stations)
        windowStart = start
    }

    /// Takes in the events station number `station` (0-based) just published.
    mutating func record(_ events: [StationEvent], station index: Int) {
        var station = stations[index]
        for event in events {
            switch event {
            case .connection(let state, _):
                station.connected = state == .connected
                if state != .connected { station.awaiting.removeAll() }
            case .registration(let status, _):
                station.booted = status == .accepted
            case .connector(let id, let status, _, _):
                if status == .charging {
                    station.chargingConnectors.insert(id)
                } else {
                    station.chargingConnectors.remove(id)
                }
            case .frame(let frame):
                switch (frame.direction, frame.kind) {
                case (.outgoing, .call):
                    callsSent += 1
                    station.awaiting[frame.messageId] = frame.time
                case (.incoming, .result), (.incoming, .error):
                    if let sent = station.awaiting.removeValue(forKey: frame.messageId) {
                        latencies.append(sent.milliseconds(until: frame.time))
                    }
                default:
                    break
                }
            default:
                break
            }
        }
        stations[index] = station
    }

    /// A new window from `now` (monotonic), the counts of the last one dropped.
    mutating func restartWindow(at now: Timestamp) {
        callsSent = 0
        latencies.removeAll(keepingCapacity: true)
        windowStart = now
    }

    /// The summary at `now` (monotonic), and a new window from there.
    mutating func summary(at now: Timestamp, queuedMessages: Int) -> FleetSummary {
        let seconds = Double(windowStart.milliseconds(until: now)) / 1000
        let sorted = latencies.sorted()
        let summary = FleetSummary(
            stations: stations.count,
            connected: stations.count { $0.connected },
            booted: stations.count { $0.booted },
            charging: stations.count { !$0.chargingConnectors.isEmpty },
            queuedMessages: queuedMessages,
            callsPerSecond: seconds > 0 ? (Double(callsSent) / seconds * 10).rounded() / 10 : 0,
            latencyP50: Self.percentile(50, of: sorted),
            latencyP99: Self.percentile(99, of: sorted))
        restartWindow(at: now)
        return summary
    }

    /// The nearest-rank percentile of ascending `values`; nil for none.
    static func percentile(_ percent: Int, of values: [Int64]) -> Int64? {
        guard !values.isEmpty else { return nil }
        let rank = (values.count * percent + 99) / 100
        return values[max(0, rank - 1)]
    }
}
