import DequeModule

/// The message ids of the central system's CALLs on the current connection, to tell a
/// replayed CALL from a new one (security whitepaper §8 AttemptedReplayAttacks).
///
/// OCPP-J 1.6 §4.1.4: "A message ID for a CALL message MUST be different from all message
/// IDs previously used by the same sender for CALL messages on the same WebSocket
/// connection." A CALL that repeats an id already answered on this connection is a copy
/// of an earlier request, not a new one. A resend after a reconnection is not a replay
/// (§8 leaves out "the Central System trying to resend a message because … there was …
/// a network problem"), so the memory starts empty with every connection. It keeps the
/// last `capacity` ids: a central system waits for each answer (§4.1.1), so these are
/// its last 256 requests, and a replay of anything older goes unnoticed.
struct ReceivedCallIds: Sendable {
    static let capacity = 256

    private var order = Deque<String>()
    private var known: Set<String> = []
    /// Whether this connection's replays have been logged (once per connection).
    var replayReported = false

    /// Remembers `id`; false when it is already remembered: a replay.
    mutating func remember(_ id: String) -> Bool {
        guard known.insert(id).inserted else { return false }
        order.append(id)
        if order.count > Self.capacity { known.remove(order.removeFirst()) }
        return true
    }
}

extension StationCore {
    /// A connection begins: its CALLs may use any id again.
    mutating func callIdsForNewConnection() {
        receivedCallIds = ReceivedCallIds()
    }

    /// Whether `call` is a replay; if so it has been answered with a CALLERROR and is not
    /// to be carried out. SecurityError: OCPP-J §4.2.3 counts "an existing call with the
    /// same unique identifier" among the reasons for a CALLERROR, and of its codes this
    /// is the one that says what happened ("a security issue occurred preventing receiver
    /// from completing the Action"). The security event is raised once per connection,
    /// like InvalidMessages, so that a peer that keeps replaying does not roll the
    /// security log over.
    mutating func refusedAsReplay(_ call: Frame.Call) -> Bool {
        guard !receivedCallIds.remember(call.messageId) else { return false }
        let what = "\(call.action) with message id \(call.messageId), already used on this connection"
        reportError("refused a replayed \(what)")
        refuse(
            call, .securityError,
            "message id \(call.messageId) was already used on this connection (OCPP-J 1.6 §4.1.4): a replayed CALL is not carried out again"
        )
        if !receivedCallIds.replayReported {
            receivedCallIds.replayReported = true
            securityEvent(.attemptedReplayAttacks, what)
        }
        return true
    }
}
