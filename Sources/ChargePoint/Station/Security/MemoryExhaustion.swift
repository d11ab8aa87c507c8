/// Security whitepaper §8 MemoryExhaustion, "the Flash or RAM memory of the Charge Point
/// is getting full" (critical), in the one sense this station has.
///
/// What the station keeps is bounded by design — the security log and the
/// Authorization Cache roll over, the local list, the certificate store and the charging
/// profiles have their configured maxima — except the durable queue of transaction
/// messages (OCPP 1.6 §3.7), which grows for as long as the central system cannot take
/// them. The station profile says how many of those its storage is built to hold
/// (`StationProfile.queueCapacity`, `[behaviour] queue-capacity`). The queue is never cut
/// there: a message the central system has not acknowledged is not dropped, the host has
/// room to spare, and the capacity is the budget an embedded station would have.
/// MemoryExhaustion is raised when the queue reaches `raisePercent` of it, once per
/// crossing: again only after it drained below `rearmPercent`. A queue that is above the
/// mark at the start crossed it before (its event is queued or delivered already).
struct QueueHighWaterMark: Sendable {
    static let raisePercent = 90
    static let rearmPercent = 75

    /// Raised and not yet re-armed.
    private(set) var raised: Bool

    /// The mark for a queue that holds `count` of `capacity` at the start.
    init(count: Int, capacity: Int) {
        raised = count * 100 >= capacity * Self.raisePercent
    }

    /// The queue holds `count` of `capacity`: true when this crosses the mark upwards.
    mutating func update(count: Int, capacity: Int) -> Bool {
        if raised {
            if count * 100 < capacity * Self.rearmPercent { raised = false }
            return false
        }
        guard count * 100 >= capacity * Self.raisePercent else { return false }
        raised = true
        return true
    }
}

extension StationCore {
    /// The transaction queue grew or shrank.
    mutating func transactionQueueChanged() {
        let count = outbox.transactionMessages.count
        let capacity = profile.queueCapacity
        guard queueHighWaterMark.update(count: count, capacity: capacity) else { return }
        securityEvent(
            .memoryExhaustion,
            "\(count) transaction messages wait for the central system: \(QueueHighWaterMark.raisePercent) % of the \(capacity) the station's storage is built for"
        )
    }
}
