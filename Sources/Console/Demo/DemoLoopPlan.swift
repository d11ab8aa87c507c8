import ChargePoint

/// The unattended trade-show loop of `--demo-loop` (issue 4): on each connector in turn
/// an EV plugs in, the central system starts a session remotely, the car charges for a
/// minute, the central system stops it remotely, the EV leaves; then the next connector.
///
/// One round in three shows more of OCPP (issue 14 §3): the central system reserves the
/// connector for a demo card (ReserveNow, §5.13), the EV plugs in and that card is
/// swiped (the reservation honoured), a third into the charge a station limit cuts the
/// power (ChargePointMaxProfile, §3.13.2), halfway a TriggerMessage asks for MeterValues
/// (§5.17); the central system stops the session and clears its own limit (by the
/// profile id it gave, §5.5: limits the operator set stay).
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
        /// The central system reserves the connector for the demo card the loop swipes.
        case reserve(connector: Int)
        /// That card is swiped at the connector.
        case swipe(connector: Int)
        /// A ChargePointMaxProfile the chart and the connector row visibly obey.
        case stationLimit
        /// A TriggerMessage for the connector's MeterValues.
        case trigger(connector: Int)
        /// The central system takes the station limit back.
        case clearLimits
    }

    struct Timing {
        var idleSeconds: Int64 = 8
        var plugToStartSeconds: Int64 = 3
        var chargeSeconds: Int64 = 60
        var stopToUnplugSeconds: Int64 = 4
        /// How long a start or stop may take before the loop gives up on it.
        var patienceSeconds: Int64 = 30
        /// A showcase round: from the reservation to the EV.
        var reservedToPlugSeconds: Int64 = 5
        /// Every how many rounds one is a showcase.
        var showcaseEvery = 3
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
        case reserving(at: Timestamp)
        case plugged(at: Timestamp)
        case starting(at: Timestamp)
        case charging(since: Timestamp)
        case stopping(at: Timestamp)
    }

    let timing: Timing
    private var connectorIndex = 0
    private var phase: Phase
    /// Rounds begun so far; the round under way is a showcase when `showcase` is set.
    private var rounds = 0
    private var showcase = false
    /// In a showcase's charge: whether the limit and the trigger went out yet.
    private var limited = false
    private var triggered = false

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
            rounds += 1
            showcase = timing.showcaseEvery > 0 && rounds % timing.showcaseEvery == 0
            (limited, triggered) = (false, false)
            if showcase {
                phase = .reserving(at: now)
                return .reserve(connector: id)
            }
            phase = .plugged(at: now)
            return .plug(connector: id)
        case .reserving(let at):
            guard elapsed(at) >= timing.reservedToPlugSeconds else { return nil }
            if connector.status != .reserved {
                // The reservation was refused, or the connector taken: an ordinary round.
                showcase = false
                guard connector.status == .available, !connector.evConnected else { return leave(connector, at: now) }
            }
            phase = .plugged(at: now)
            return .plug(connector: id)
        case .plugged(let at):
            guard elapsed(at) >= timing.plugToStartSeconds else { return nil }
            phase = .starting(at: now)
            return showcase ? .swipe(connector: id) : .remoteStart(connector: id)
        case .starting(let at):
            if connector.inSession {
                phase = .charging(since: now)
            } else if elapsed(at) >= timing.patienceSeconds || !connector.evConnected {
                return leave(connector, at: now)
            }
            return nil
        case .charging(let since):
            if !connector.inSession { return leave(connector, at: now) }
            if showcase, !limited, elapsed(since) * 3 >= timing.chargeSeconds {
                limited = true
                return .stationLimit
            }
            if showcase, !triggered, elapsed(since) * 2 >= timing.chargeSeconds {
                triggered = true
                return .trigger(connector: id)
            }
            guard elapsed(since) >= timing.chargeSeconds else { return nil }
            phase = .stopping(at: now)
            return .remoteStop(connector: id)
        case .stopping(let at):
            if limited {
                limited = false
                return .clearLimits
            }
            let stopped = !connector.inSession && elapsed(at) >= timing.stopToUnplugSeconds
            guard stopped || elapsed(at) >= timing.patienceSeconds else { return nil }
            return leave(connector, at: now)
        }
    }

    private mutating func leave(_ connector: Station.Connector, at now: Timestamp) -> Action? {
        if limited {
            // The session ended another way: the limit goes first, the EV next time.
            limited = false
            return .clearLimits
        }
        moveOn(at: now)
        return connector.evConnected ? .unplug(connector: connector.id) : nil
    }

    private mutating func moveOn(at now: Timestamp) {
        connectorIndex += 1
        phase = .idle(since: now)
    }
}
