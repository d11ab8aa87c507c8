import ChargePoint

/// One station's line in the fleet view (issue 15 §4): its link, its boot, each
/// connector's status, power and session energy, and the messages in its durable queue.
///
/// Kept up to date from the station's own events as it publishes them (`record`), a few
/// fields changed in place: no snapshot is made of a station that is not being viewed,
/// so that a fleet of thousands costs the screen a few hundred bytes a station.
public struct FleetRow: Sendable, Equatable {
    /// A connector as the line shows it.
    public struct Connector: Sendable, Equatable {
        public var id: Int
        /// nil until the station reports it.
        public var status: ChargePointStatus?
        public var errorCode: ChargePointErrorCode = .noError
        public var powerW: Double = 0
        /// The energy register (Wh) and when it read so (the station's monotonic clock),
        /// and its value when the running session started.
        public var meterWh: Double = 0
        public var meterAt: Timestamp?
        public var sessionStartWh: Double?

        public init(id: Int, status: ChargePointStatus? = nil) {
            self.id = id
            self.status = status
        }

        /// No power from `time` on: the register is taken as projected to then, so that
        /// the session's energy does not fall back to the last reading.
        mutating func stopDrawing(at time: Timestamp) {
            guard powerW != 0 else { return }
            meterWh = registerWh(at: time)
            meterAt = time
            powerW = 0
        }

        /// The register at `now` (Wh), projected from the last reading at its power.
        func registerWh(at now: Timestamp) -> Double {
            let hours = meterAt.map { Double(max(0, $0.milliseconds(until: now))) / 3_600_000 } ?? 0
            return meterWh + powerW * hours
        }

        /// The session's energy at `now` (Wh): the register projected at the power it
        /// last read, as the single view projects it between two readings; nil without a
        /// session.
        public func sessionWh(at now: Timestamp) -> Double? {
            guard let start = sessionStartWh else { return nil }
            return max(0, registerWh(at: now) - start)
        }
    }

    public let identity: String
    /// The identity in lower case, for `/` (made once, not at every frame).
    let searchKey: String
    public var link: ConnectionState = .connecting
    /// Why the link went down, as the station said it (nil while it is up).
    public var linkReason: String?
    public var registration: RegistrationStatus?
    /// The station's own status (connector 0), when it is not Available: a station-wide fault.
    public var station: Connector?
    public var connectors: [Connector]
    /// Messages in the durable queue not yet answered — transaction messages (§3.7) and
    /// SecurityEventNotifications — refreshed from the runner, not an event.
    public var queued = 0

    /// `connectors`: how many the station's profile has (ids 1…n).
    public init(identity: String, connectors: Int) {
        self.identity = identity
        searchKey = identity.lowercased()
        self.connectors = (0..<connectors).map { Connector(id: $0 + 1) }
    }

    /// Takes in the events the station just published at `time` (monotonic); whether
    /// what `/` looks at changed (the link, the boot, a status), not only the meters.
    @discardableResult
    public mutating func record(_ events: [StationEvent], at time: Timestamp) -> Bool {
        var searchable = false
        for event in events {
            switch event {
            case .connection, .registration, .connector: searchable = true
            default: break
            }
            switch event {
            case .connection(let state, let reason):
                link = state
                linkReason = state == .disconnected ? reason : nil
            case .registration(let status, _):
                registration = status
            case .connector(let id, let status, let errorCode, _):
                if id == 0 {
                    station = status == .available && errorCode == .noError ? nil : Connector(id: 0, status: status)
                    station?.errorCode = errorCode
                } else {
                    update(id) {
                        $0.status = status
                        $0.errorCode = errorCode
                        // Power flows only while Charging (§4.9): a reading of it stays
                        // no longer than the status it was read in.
                        if status != .charging { $0.stopDrawing(at: time) }
                    }
                }
            case .meter(let id, let energyWh, let powerW, _):
                update(id) {
                    $0.meterWh = energyWh
                    $0.meterAt = time
                    $0.powerW = powerW
                }
            case .transaction(let transaction):
                switch transaction.kind {
                // No power flows before a session: the last reading is where it starts.
                case .started: update(transaction.connector) { $0.sessionStartWh = $0.meterWh }
                case .stopped:
                    update(transaction.connector) {
                        $0.stopDrawing(at: time)
                        $0.sessionStartWh = nil
                    }
                case .updated: break
                }
            default:
                break
            }
        }
        return searchable
    }

    /// The sessions the station had running when it started (resumed from its store, no
    /// `started` event): their energy so far, so that the line shows it from the start.
    public mutating func resume(_ snapshot: StationSnapshot, at time: Timestamp) {
        for connector in snapshot.connectors where connector.id > 0 {
            guard let session = connector.session else { continue }
            update(connector.id) {
                $0.meterWh = connector.meterWh
                $0.meterAt = time
                $0.sessionStartWh = connector.meterWh - session.energyWh
            }
        }
    }

    private mutating func update(_ id: Int, _ change: (inout Connector) -> Void) {
        if let index = connectors.firstIndex(where: { $0.id == id }) {
            change(&connectors[index])
        } else if id > 0 {
            var connector = Connector(id: id)
            change(&connector)
            connectors.append(connector)
            connectors.sort { $0.id < $1.id }
        }
    }

    /// A connector Charging.
    public var isCharging: Bool { connectors.contains { $0.status == .charging } }
    /// The power drawn on every connector (W).
    public var powerW: Double { connectors.reduce(0) { $0 + $1.powerW } }
    /// The running sessions' energy at `now` (Wh); nil without a session.
    public func sessionWh(at now: Timestamp) -> Double? {
        let sessions = connectors.compactMap { $0.sessionWh(at: now) }
        return sessions.isEmpty ? nil : sessions.reduce(0, +)
    }

    /// The link in a word: connected, connecting, waiting (for its `--ramp` turn), down.
    public var linkWord: String {
        switch link {
        case .waiting: "waiting"
        case .connected: "connected"
        case .connecting: "connecting"
        case .disconnected: "down"
        }
    }

    /// Whether `/`'s text (lower case) names this line: its identity, its link, its boot
    /// or a connector's status or error code.
    func matches(_ lowercased: String) -> Bool {
        if searchKey.contains(lowercased) || linkWord.contains(lowercased) { return true }
        if let registration, registration.rawValue.lowercased().contains(lowercased) { return true }
        return ([station].compactMap { $0 } + connectors).contains {
            ($0.status?.rawValue.lowercased().contains(lowercased) ?? false)
                || ($0.errorCode != .noError && $0.errorCode.rawValue.lowercased().contains(lowercased))
        }
    }
}
