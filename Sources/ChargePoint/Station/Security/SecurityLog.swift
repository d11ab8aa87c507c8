/// The security log (security whitepaper A04.FR.04, N01.FR.03): every security event,
/// in order, the last `capacity` kept.
struct SecurityLog: Sendable {
    static let capacity = 1000

    private(set) var entries: [SecurityLogEntry]
    private var nextSequence: Int64

    init(_ stored: [SecurityLogEntry]) {
        entries = stored.sorted { $0.sequence < $1.sequence }
        nextSequence = (entries.last?.sequence ?? 0) + 1
    }

    /// Adds an entry; the store changes that keep the database in step (the entry, and
    /// the oldest ones dropped past `capacity`).
    mutating func record(
        _ kind: SecurityEventKind, info: String?, at time: Timestamp
    ) -> (SecurityLogEntry, [StoreChange]) {
        let entry = SecurityLogEntry(sequence: nextSequence, time: time, kind: kind, info: info)
        nextSequence += 1
        entries.append(entry)
        var changes: [StoreChange] = [.securityLogEntry(entry)]
        if entries.count > Self.capacity {
            let dropped = entries.count - Self.capacity
            entries.removeFirst(dropped)
            changes.append(.securityLogTrimmed(before: entries[0].sequence))
        }
        return (entry, changes)
    }

    /// Empties the log; the store change that does the same to the database. Sequence
    /// numbers go on from where they were.
    mutating func clear() -> StoreChange {
        entries.removeAll()
        return .securityLogTrimmed(before: nextSequence)
    }
}
