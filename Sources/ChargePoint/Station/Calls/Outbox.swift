import DequeModule

/// The station's side of OCPP-J synchronicity (OCPP-J 1.6 §4.1.1): one CALL in flight
/// at a time, each answered or timed out before the next is sent. The one owner of
/// every call not yet settled.
///
/// Two lines feed it. Transaction-related messages (StartTransaction, StopTransaction,
/// their MeterValues) wait in the durable `transactionMessages`, strictly in order
/// (OCPP 1.6 §3.7); everything else waits in `waiting`. Online, the two lines merge in
/// the order the messages were made, so a central system sees StartTransaction before
/// the StatusNotification (Charging) it caused, as the OCTT sequences expect. A backlog
/// built up offline (or before a restart) is different: "new messages that are not
/// transaction-related MAY be delivered immediately without waiting for the queue to be
/// emptied", so a driver's card is never kept waiting behind hours of offline samples.
///
/// The outbox decides what goes next (`next`); `StationCore` frames and sends it.
struct Outbox: Sendable {
    struct Call: Sendable {
        var action: Action
        /// The payload as JSON text: encoded once, when the call is made.
        var payload: String
        var purpose: CallPurpose
        /// Sent even while the registration is Pending: only what a TriggerMessage
        /// asked for (OCPP 1.6 §4.2).
        var allowedWhilePending = false
        /// When it was made, in `Outbox.made` order.
        var order: Int64 = 0
    }

    struct InFlight: Sendable {
        var messageId: String
        var call: Call
        var sentAt: Timestamp
    }

    /// What to send now (`next`).
    enum Next: Sendable {
        /// Nothing may or need be sent.
        case nothing
        /// The BootNotification comes before anything else.
        case bootNotification
        /// A waiting call, already taken out of the line.
        case call(Call)
        /// The head of the transaction queue; it stays there until settled.
        case transactionMessage(QueuedMessage)
        /// The head of the transaction queue may be sent again at this time (§3.7.1).
        case retryTransactionMessage(at: Timestamp)
    }

    /// What became of a failed delivery of a transaction message (§3.7.1).
    enum FailedDelivery: Sendable {
        /// Attempts are used up: the caller drops it (`dequeue`).
        case exhausted(QueuedMessage)
        /// Stored with one more attempt, to be sent again after `waitSeconds`.
        case retry(QueuedMessage, waitSeconds: Int)
    }

    private(set) var inFlight: InFlight?
    private(set) var waiting: [Call] = []
    /// The durable transaction message queue, oldest first (`TransactionQueue.swift`).
    private(set) var transactionMessages: Deque<QueuedMessage>
    /// Messages made so far (waiting calls and queued transaction messages alike).
    private var made: Int64 = 0
    /// The `made` order of transaction messages queued while online, by queue sequence.
    /// Offline and restored backlog has none: waiting calls may overtake it.
    private var queuedOnline: [Int64: Int64] = [:]
    /// The message id a transaction message went with, by queue sequence, while no
    /// answer settled it: sent again after a lost link, it is the same message (OCPP 1.6
    /// §3.7 "try the same message again"), so a central system can tell a resend from a
    /// new transaction. OCPP-J §4.1.3 forbids an id twice on one connection only; a
    /// retry after a CALLERROR or a timeout, on the same connection, takes a new one.
    private(set) var resendIds: [Int64: String] = [:]

    /// An outbox with the transaction messages that were queued before.
    init(transactionMessages: [QueuedMessage]) {
        self.transactionMessages = Deque(transactionMessages.sorted { $0.sequence < $1.sequence })
    }

    /// After a reboot: nothing is in flight or waiting, and what the queue holds is
    /// backlog; only the durable queue stays.
    mutating func restart() {
        self = Outbox(transactionMessages: Array(transactionMessages))
    }

    /// The next message's place in the order of making.
    private mutating func nextOrder() -> Int64 {
        made += 1
        return made
    }

    func isWaiting(_ action: Action) -> Bool {
        waiting.contains { $0.action == action } || inFlight?.call.action == action
    }

    /// The action of the call in flight, if `messageId` is its id.
    func actionInFlight(messageId: String) -> Action? {
        inFlight.flatMap { $0.messageId == messageId ? $0.call.action : nil }
    }

    /// Puts a call (not transaction-related) in line.
    mutating func enqueue(_ call: Call) {
        var call = call
        call.order = nextOrder()
        waiting.append(call)
    }

    /// Takes every waiting call out of the line (the link went down: they are not
    /// queued offline, §3.7).
    mutating func dropWaiting() -> [Call] {
        defer { waiting.removeAll() }
        return waiting
    }

    /// What to send now, given the registration (§4.2): nothing while a call is in
    /// flight; the BootNotification first; while Pending only what a TriggerMessage
    /// asked for; once Accepted, both lines merged as the type's comment says.
    /// `holdsBack`: a waiting call that must wait for the transaction queue.
    mutating func next(registration: Registration, at now: Timestamp, holdsBack: (Call) -> Bool) -> Next {
        guard inFlight == nil else { return .nothing }
        switch registration {
        case .unregistered:
            return .bootNotification
        case .booting, .rejected:
            return .nothing
        case .pending:
            guard let index = waiting.firstIndex(where: \.allowedWhilePending) else { return .nothing }
            return .call(waiting.remove(at: index))
        case .accepted:
            let head = transactionMessages.first
            let headDue = head.map { $0.notBefore.map { $0 <= now } ?? true } ?? false
            let next = waiting.firstIndex { !holdsBack($0) }
            if let head, headDue, let order = queuedOnline[head.sequence],
                order < next.map({ waiting[$0].order }) ?? .max
            {
                return .transactionMessage(head)
            } else if let next {
                return .call(waiting.remove(at: next))
            } else if let head {
                if headDue { return .transactionMessage(head) }
                if let notBefore = head.notBefore { return .retryTransactionMessage(at: notBefore) }
            }
            return .nothing
        }
    }

    /// `call` left as `messageId` at `now`.
    mutating func sent(_ call: Call, messageId: String, at now: Timestamp) {
        inFlight = InFlight(messageId: messageId, call: call, sentAt: now)
        if case .transactionMessage(let sequence) = call.purpose { resendIds[sequence] = messageId }
    }

    /// The call in flight is settled (answered, timed out, link lost): nil when
    /// `messageId` (nil: whichever) is not the one in flight.
    mutating func settle(messageId: String?) -> InFlight? {
        guard let settled = inFlight, messageId == nil || settled.messageId == messageId else { return nil }
        inFlight = nil
        return settled
    }
}

/// The durable line (OCPP 1.6 §3.7).
extension Outbox {
    /// Queues a transaction message; `online`: the merge with waiting calls follows the
    /// order of making.
    mutating func enqueue(transactionMessage message: QueuedMessage, online: Bool) {
        let order = nextOrder()
        if online { queuedOnline[message.sequence] = order }
        transactionMessages.append(message)
    }

    func transactionMessage(sequence: Int64) -> QueuedMessage? {
        // Messages leave in order: the one answered is the head (O(1) on a long backlog).
        if let head = transactionMessages.first, head.sequence == sequence { return head }
        return transactionMessages.first { $0.sequence == sequence }
    }

    /// A delivery of message `sequence` failed (a CALLERROR, a timeout or an unusable
    /// answer): one more attempt, and a wait of TransactionMessageRetryInterval ×
    /// attempts so far, until TransactionMessageAttempts are used up (§3.7.1).
    mutating func failedDelivery(
        sequence: Int64, allowedAttempts: Int, retryIntervalSeconds: Int, at now: Timestamp
    ) -> FailedDelivery? {
        let head = transactionMessages.first?.sequence == sequence ? transactionMessages.startIndex : nil
        guard let position = head ?? transactionMessages.firstIndex(where: { $0.sequence == sequence }) else {
            return nil
        }
        var failed = transactionMessages[position]
        failed.attempts += 1
        resendIds[sequence] = nil
        if failed.attempts >= allowedAttempts { return .exhausted(failed) }
        let wait = retryIntervalSeconds * failed.attempts
        failed.notBefore = now.adding(seconds: wait)
        transactionMessages[position] = failed
        return .retry(failed, waitSeconds: wait)
    }

    /// Message `sequence` leaves the queue (settled or dropped).
    mutating func dequeue(_ sequence: Int64) {
        // Messages leave in order: the one settled is the head (O(1) on a long backlog).
        if transactionMessages.first?.sequence == sequence {
            transactionMessages.removeFirst()
        } else {
            transactionMessages.removeAll { $0.sequence == sequence }
        }
        queuedOnline[sequence] = nil
        resendIds[sequence] = nil
    }
}
