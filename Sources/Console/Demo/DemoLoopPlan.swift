import ChargePoint

/// The unattended trade-show loop of `--demo-loop` (issue 4): on each connector in turn
/// an EV plugs in, the central system starts a session remotely, the car charges for a
/// minute, the central system stops it remotely, the EV leaves; then the next connector.
///
/// A pure state machine over the station's snapshot, so that it reacts to what really
/// happened (a refused start, an operator who stopped the session by hand, a faulted
/// connector) rather than assuming its own script went through.
struct DemoLoopPlan {
    enum Action: Equatable {
        case plug(connector: Int)
        case remoteStart(connector: Int)
        case remoteStop(connector: Int)
        case unplug(connector: Int)
    }

    struct Timing {
        var idleSeconds: Int64 = 8
        var plugToStartSeconds: Int64 = 3
        var chargeSeconds: Int64 = 60
        var stopToUnplugSeconds: Int64 = 4
        /// How long a start or stop may take before the loop gives up on it.
        var patienceSeconds: Int64 = 30
    }

    /// What the plan looks at: the link and, per connector, its status, the cable and
    /// whether a transaction runs.
    struct Station: Equatable {
        struct Connector: Equatable {
            var id: Int
            var status: ChargePointStatus
            var evConnected: Bool
            var inSession: Bool
        }

        var connected: Bool
        var connectors: [Connector]

        init(connected: Bool, connectors: [Connector]) {
            self.connected = connected
            self.connectors = connectors
        }

        init(_ snapshot: StationSnapshot) {
            connected = snapshot.connection == .connected
            connectors = snapshot.connectors.map {
                Connector(id: $0.id, status: $0.status, evConnected: $0.evConnected, inSession: $0.session != nil)
            }
        }
    }

    private enum Phase: Equatable {
        case idle(since: Timestamp)
        case plugged(at: Timestamp)
        case starting(at: Timestamp)
        case charging(since: Timestamp)
        case stopping(at: Timestamp)
    }

    let timing: Timing
    private var connectorIndex = 0
    private var phase: Phase

    init(startingAt now: Timestamp, timing: Timing = Timing()) {
        self.timing = timing
        phase = .idle(since: now)
    }

    /// What to do now, given the station as it is; at most one action per call.
    mutating func next(_ station: Station, at now: Timestamp) -> Action? {
        guard !station.connectors.isEmpty else { return nil }
        connectorIndex %= station.connectors.count
        let connector = station.connectors[connectorIndex]
        let id = connector.id
        func elapsed(_ since: Timestamp) -> Int64 { since.milliseconds(until: now) / 1000 }
        switch phase {
        case .idle(let since):
            guard elapsed(since) >= timing.idleSeconds else { return nil }
            guard station.connected, connector.status == .available, !connector.evConnected else {
                // Busy or out of order (or the operator is using it): try the next one.
                moveOn(at: now)
                return nil
            }
            phase = .plugged(at: now)
            return .plug(connector: id)
        case .plugged(let at):
            guard elapsed(at) >= timing.plugToStartSeconds else { return nil }
            phase = .starting(at: now)
            return .remoteStart(connector: id)
        case .starting(let at):
            if connector.inSession {
                phase = .charging(since: now)
            } else if elapsed(at) >= timing.patienceSeconds || !connector.evConnected {
                return leave(connector, at: now)
            }
            return nil
        case .charging(let since):
            if !connector.inSession { return leave(connector, at: now) }
            guard elapsed(since) >= timing.chargeSeconds else { return nil }
            phase = .stopping(at: now)
            return .remoteStop(connector: id)
        case .stopping(let at):
            let stopped = !connector.inSession && elapsed(at) >= timing.stopToUnplugSeconds
            guard stopped || elapsed(at) >= timing.patienceSeconds else { return nil }
            return leave(connector, at: now)
        }
    }

    private mutating func leave(_ connector: Station.Connector, at now: Timestamp) -> Action? {
        moveOn(at: now)
        return connector.evConnected ? .unplug(connector: connector.id) : nil
    }

    private mutating func moveOn(at now: Timestamp) {
        connectorIndex += 1
        phase = .idle(since: now)
    }
}
