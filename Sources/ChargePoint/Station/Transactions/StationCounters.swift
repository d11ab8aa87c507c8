/// The durable counters and the one owner of them: the station's own transaction
/// numbers (before the central system gives a transactionId) and the transaction
/// queue's sequence. Each number is handed out once, with the change that persists
/// the counters past it.
struct StationCounters: Sendable {
    private(set) var values: DurableCounters

    init(_ values: DurableCounters) {
        self.values = values
    }

    /// The next transaction number, and the counters to persist.
    mutating func takeTransactionNumber() -> (number: Int64, change: StoreChange) {
        let number = values.nextTransactionNumber
        values.nextTransactionNumber += 1
        return (number, .counters(values))
    }

    /// The next queue sequence, and the counters to persist.
    mutating func takeQueueSequence() -> (sequence: Int64, change: StoreChange) {
        let sequence = values.nextQueueSequence
        values.nextQueueSequence += 1
        return (sequence, .counters(values))
    }
}
