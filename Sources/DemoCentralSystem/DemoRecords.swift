import ChargePoint

/// What the demo central system remembers of its stations, in memory only (issue 14 §4:
/// it answers as a real CSMS would): their transactions with the meter values they
/// reported, the local authorization list each took, the reservations each accepted,
/// and the numbers it hands out — transaction, reservation and charging profile ids,
/// each increasing. idTags are CiString20 (OCPP 1.6 §7.18, §7.28): every record keyed
/// by one is keyed by its folded form (`CaseInsensitive`).
public struct DemoRecords: Sendable, Equatable {
    /// One transaction as the central system saw it (OCPP 1.6 §4.8, §4.10).
    public struct Transaction: Sendable, Equatable {
        public var station: String
        public var connector: Int
        /// nil for a transaction the demo learned from MeterValues (one it did not start,
        /// such as a session resumed after a console restart).
        public var idTag: String?
        /// Wh, as StartTransaction gave it; nil for a learned transaction.
        public var meterStart: Int?
        /// Wh; nil while it runs.
        public var meterStop: Int?
        /// StopTransaction's reason (Local when the station gave none, §7.35).
        public var reason: String?
        /// The MeterValues.req that named it (and StopTransaction's transactionData).
        public var meterValues: [MeterValue] = []

        public var isRunning: Bool { meterStop == nil }
    }

    /// By transactionId, as the central system numbered them.
    public internal(set) var transactions: [Int: Transaction] = [:]
    /// The last meter values each connector reported, per station (with or without a
    /// transaction).
    public internal(set) var lastMeterValues: [String: [Int: MeterValue]] = [:]
    /// The local authorization list each station accepted (§5.15): version and entries.
    public internal(set) var localLists: [String: LocalList] = [:]
    /// The reservations each station accepted (§5.13), by reservationId.
    public internal(set) var reservations: [String: [Int: Reservation]] = [:]
    /// The connectors each station reported (StatusNotification, StartTransaction,
    /// MeterValues; connector 0, the station itself, excluded): what `remote-stop <n>`
    /// reads as a connector rather than a transaction id.
    public internal(set) var connectors: [String: Set<Int>] = [:]
    /// The id of the station limit the trade-show loop set on each station, until it
    /// clears it (`DemoCentralSystem.clearShowcaseLimit`).
    public internal(set) var showcaseProfiles: [String: Int] = [:]

    public struct LocalList: Sendable, Equatable {
        public var version = 0
        /// By idTag, folded (`CaseInsensitive.fold`): `NEWTAG01` and `newtag01` are one entry.
        public var entries: [String: IdTagInfo] = [:]
    }

    public struct Reservation: Sendable, Equatable {
        public var connector: Int
        public var idTag: String
        public var expiry: Timestamp
    }

    var nextTransactionId: Int
    var nextReservationId = 1
    var nextProfileId = 1

    /// `firstTransactionId`: the id of the first transaction it numbers
    /// (`DemoCentralSystem.firstTransactionId(at:)`).
    init(firstTransactionId: Int = 1) {
        nextTransactionId = max(1, firstTransactionId)
    }

    /// `connector` of `station` exists (a connector id above 0).
    mutating func saw(connector: Int, of station: String) {
        if connector > 0 { connectors[station, default: []].insert(connector) }
    }

    /// The transaction running on `connector` of `station`, if any.
    public func running(on connector: Int, of station: String) -> Int? {
        transactions.filter { $0.value.station == station && $0.value.connector == connector && $0.value.isRunning }
            .keys.min()
    }

    mutating func started(_ request: StartTransactionRequest, station: String, accepted: Bool) -> Int {
        defer { nextTransactionId += 1 }
        saw(connector: request.connectorId, of: station)
        if accepted {
            transactions[nextTransactionId] = Transaction(
                station: station, connector: request.connectorId, idTag: request.idTag.value,
                meterStart: request.meterStart)
        }
        return nextTransactionId
    }

    mutating func stopped(_ request: StopTransactionRequest, station: String) {
        guard var transaction = transactions[request.transactionId], transaction.station == station else { return }
        transaction.meterStop = request.meterStop
        transaction.reason = (request.reason ?? .local).rawValue
        transaction.meterValues += request.transactionData ?? []
        transactions[request.transactionId] = transaction
    }

    mutating func metered(_ request: MeterValuesRequest, station: String) {
        if let last = request.meterValue.elements.last {
            lastMeterValues[station, default: [:]][request.connectorId] = last
        }
        saw(connector: request.connectorId, of: station)
        guard let id = request.transactionId else { return }
        if transactions[id] == nil, request.connectorId > 0 {
            // A transaction it did not start (one resumed after a restart): learned, so
            // that `remote-stop` and `limit` find it; StopTransaction ends it.
            transactions[id] = Transaction(
                station: station, connector: request.connectorId, idTag: nil, meterStart: nil)
            nextTransactionId = max(nextTransactionId, id + 1)
        }
        if transactions[id]?.station == station {
            transactions[id]?.meterValues += request.meterValue.elements
        }
    }

    /// A SendLocalList the station accepted (§5.15): a full one replaces the list, a
    /// differential one updates it (an entry without idTagInfo is removed).
    mutating func listAccepted(_ request: SendLocalListRequest, station: String) {
        var list = localLists[station] ?? LocalList()
        if request.updateType == .full { list.entries = [:] }
        for entry in request.localAuthorizationList ?? [] {
            list.entries[CaseInsensitive.fold(entry.idTag.value)] = entry.idTagInfo
        }
        list.version = request.listVersion
        localLists[station] = list
    }

    mutating func reservationAccepted(_ request: ReserveNowRequest, station: String) {
        reservations[station, default: [:]][request.reservationId] = Reservation(
            connector: request.connectorId, idTag: request.idTag.value, expiry: request.expiryDate)
    }

    mutating func reservationCancelled(_ id: Int, station: String) {
        reservations[station]?[id] = nil
    }
}
