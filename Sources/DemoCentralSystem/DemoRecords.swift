import ChargePoint

/// What the demo central system remembers of its stations, in memory only (issue 14 §4:
/// it answers as a real CSMS would): their transactions with the meter values they
/// reported, the local authorization list each took, the reservations each accepted,
/// and the numbers it hands out — transaction, reservation and charging profile ids,
/// each increasing.
public struct DemoRecords: Sendable, Equatable {
    /// One transaction as the central system saw it (OCPP 1.6 §4.8, §4.10).
    public struct Transaction: Sendable, Equatable {
        public var station: String
        public var connector: Int
        public var idTag: String
        /// Wh, as StartTransaction gave it.
        public var meterStart: Int
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

    public struct LocalList: Sendable, Equatable {
        public var version = 0
        /// By idTag as sent.
        public var entries: [String: IdTagInfo] = [:]
    }

    public struct Reservation: Sendable, Equatable {
        public var connector: Int
        public var idTag: String
        public var expiry: Timestamp
    }

    var nextTransactionId = 1
    var nextReservationId = 1
    var nextProfileId = 1

    /// The transaction running on `connector` of `station`, if any.
    public func running(on connector: Int, of station: String) -> Int? {
        transactions.filter { $0.value.station == station && $0.value.connector == connector && $0.value.isRunning }
            .keys.min()
    }

    mutating func started(_ request: StartTransactionRequest, station: String, accepted: Bool) -> Int {
        defer { nextTransactionId += 1 }
        if accepted {
            transactions[nextTransactionId] = Transaction(
                station: station, connector: request.connectorId, idTag: request.idTag.value,
                meterStart: request.meterStart)
        }
        return nextTransactionId
    }

    mutating func stopped(_ request: StopTransactionRequest) {
        guard var transaction = transactions[request.transactionId] else { return }
        transaction.meterStop = request.meterStop
        transaction.reason = (request.reason ?? .local).rawValue
        transaction.meterValues += request.transactionData ?? []
        transactions[request.transactionId] = transaction
    }

    mutating func metered(_ request: MeterValuesRequest, station: String) {
        if let last = request.meterValue.elements.last {
            lastMeterValues[station, default: [:]][request.connectorId] = last
        }
        if let id = request.transactionId, transactions[id]?.station == station {
            transactions[id]?.meterValues += request.meterValue.elements
        }
    }

    /// A SendLocalList the station accepted (§5.15): a full one replaces the list, a
    /// differential one updates it (an entry without idTagInfo is removed).
    mutating func listAccepted(_ request: SendLocalListRequest, station: String) {
        var list = localLists[station] ?? LocalList()
        if request.updateType == .full { list.entries = [:] }
        for entry in request.localAuthorizationList ?? [] { list.entries[entry.idTag.value] = entry.idTagInfo }
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
