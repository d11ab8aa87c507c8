import ChargePoint

/// Every station's line of the fleet view, in the order the stations were started
/// (`record` takes a station's number), shown sorted by identity.
public struct FleetRows: Sendable {
    public private(set) var rows: [FleetRow]
    /// The station numbers in identity order.
    public let sorted: [Int]
    /// Counts the changes to what `/` looks at (a link, a boot, a status), so that the
    /// lines a filter keeps are sought again only when one changed.
    public private(set) var revision = 0

    /// `connectors`: how many each station's profile has.
    public init(identities: [String], connectors: Int) {
        rows = identities.map { FleetRow(identity: $0, connectors: connectors) }
        sorted = identities.indices.sorted { identities[$0] < identities[$1] }
    }

    public var count: Int { rows.count }

    /// Takes in the events station number `index` just published at `time` (monotonic).
    public mutating func record(_ events: [StationEvent], station index: Int, at time: Timestamp) {
        if rows[index].record(events, at: time) { revision += 1 }
    }

    /// Station number `index`'s sessions resumed at its start (`FleetRow.resume`).
    public mutating func resume(_ snapshot: StationSnapshot, station index: Int, at time: Timestamp) {
        rows[index].resume(snapshot, at: time)
    }

    /// Station number `index`'s queued messages not yet answered (`FleetRow.queued`).
    public mutating func setQueued(_ queued: Int, station index: Int) {
        rows[index].queued = queued
    }

    /// The station numbers whose lines `/`'s text names, in identity order; all of them
    /// for no text.
    public func matching(_ filter: String) -> [Int] {
        let text = filter.trimmingCharacters(in: .whitespaces).lowercased()
        guard !text.isEmpty else { return sorted }
        return sorted.filter { rows[$0].matches(text) }
    }

    /// The number of the station called `identity`, or of the only one whose identity
    /// ends with it (`0003` for `CP-0003`), for a jump by name.
    public func station(named identity: String) -> Int? {
        if let exact = rows.firstIndex(where: { $0.identity == identity }) { return exact }
        let lowercased = identity.lowercased()
        let ending = rows.indices.filter { rows[$0].identity.lowercased().hasSuffix(lowercased) }
        return ending.count == 1 ? ending[0] : nil
    }

    /// The counts of the summary line.
    public var counts: FleetCounts {
        var counts = FleetCounts(stations: rows.count)
        for row in rows {
            if row.link == .connected { counts.connected += 1 }
            if row.registration == .accepted { counts.booted += 1 }
            if row.isCharging { counts.charging += 1 }
            counts.queued += row.queued
        }
        return counts
    }
}

/// The fleet view's summary: how many stations, connected, booted (the boot accepted),
/// charging (a connector Charging), messages queued (`FleetRow.queued`); and, over the last
/// window of the `fleet` event, the CALLs a second and the reply time p50/p99 (ms).
public struct FleetCounts: Sendable, Equatable {
    public var stations: Int
    public var connected = 0, booted = 0, charging = 0, queued = 0
    public var callsPerSecond: Double?
    public var latencyP50: Int64?, latencyP99: Int64?

    public init(stations: Int) { self.stations = stations }
}
