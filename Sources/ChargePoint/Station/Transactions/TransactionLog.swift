/// The transactions the station remembers (OCPP 1.6 §4.8, §4.10), and the one owner of
/// their records: running, and stopped until their StopTransaction is settled.
///
/// Each mutating method that changes a record returns the `StoreChange` that persists
/// it, which the caller persists at once; `begin` and `appendBoundaryValue` leave the
/// persisting to the end of the start (the record is only complete then).
struct TransactionLog: Sendable {
    /// Oldest first (by `number`).
    private(set) var all: [TransactionRecord]

    init(_ records: [TransactionRecord]) {
        all = records.sorted { $0.number < $1.number }
    }

    /// The running transaction on a connector, if any.
    func active(on connector: Int) -> TransactionRecord? {
        all.last { $0.connector == connector && $0.isActive }
    }

    var running: [TransactionRecord] { all.filter(\.isActive) }

    func record(number: Int64) -> TransactionRecord? {
        all.first { $0.number == number }
    }

    private func position(of number: Int64) -> Int? {
        all.firstIndex { $0.number == number }
    }

    /// A transaction starts (its record is persisted once complete, `persisting`).
    mutating func begin(_ record: TransactionRecord) {
        all.append(record)
    }

    /// What persists transaction `number` as it stands.
    func persisting(number: Int64) -> StoreChange? {
        record(number: number).map { .transaction($0) }
    }

    /// Errata 3.14: a first or last reading for the transactionData, kept whatever
    /// StopTransactionMaxMeterValues says.
    mutating func appendBoundaryValue(_ value: MeterValue, number: Int64) {
        guard let position = position(of: number) else { return }
        all[position].transactionData.append(value)
    }

    /// Adds a reading to the transactionData, dropping intermediate readings beyond
    /// `limit` (StopTransactionMaxMeterValues, errata 3.91).
    mutating func appendData(_ value: MeterValue, number: Int64, limit: Int) -> StoreChange? {
        guard let position = position(of: number) else { return nil }
        // Appended in place: the list grows all through a long session.
        all[position].transactionData.append(value)
        if all[position].transactionData.count > limit {
            Self.dropIntermediate(&all[position].transactionData, toAtMost: limit)
        }
        return .transaction(all[position])
    }

    /// The transaction stops (§4.10): its transactionData cut to `limit`, then `stop`.
    mutating func stop(number: Int64, limit: Int, _ stop: TransactionRecord.Stop) -> TransactionRecord? {
        guard let position = position(of: number) else { return nil }
        Self.dropIntermediate(&all[position].transactionData, toAtMost: limit)
        all[position].stop = stop
        return all[position]
    }

    /// StartTransaction.conf (§4.8): the central system's id, the group, and whether
    /// the idTag was refused (errata 3.17).
    mutating func answered(number: Int64, _ response: StartTransactionResponse) -> TransactionRecord? {
        guard let position = position(of: number) else { return nil }
        all[position].transactionId = response.transactionId
        if let parent = response.idTagInfo.parentIdTag { all[position].parentIdTag = parent }
        if response.idTagInfo.status != .accepted { all[position].deauthorized = true }
        return all[position]
    }

    /// The StartTransaction was never delivered: errata 3.18, later messages carry -1.
    mutating func startAbandoned(number: Int64) -> StoreChange? {
        guard let position = position(of: number) else { return nil }
        all[position].transactionId = -1
        return .transaction(all[position])
    }

    /// A finished transaction is forgotten once its StopTransaction is settled.
    mutating func forget(number: Int64) -> StoreChange? {
        guard let position = position(of: number) else { return nil }
        all.remove(at: position)
        return .transactionRemoved(number: number)
    }

    /// Drops every other intermediate reading, oldest first, keeping the first and the
    /// last (errata 3.91).
    static func dropIntermediate(_ data: inout [MeterValue], toAtMost limit: Int) {
        var drop = 1
        while data.count > limit {
            if drop >= data.count - 1 { drop = 1 }
            data.remove(at: drop)
            drop += 1
        }
    }
}
