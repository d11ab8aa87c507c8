/// Where the station stands with the central system (OCPP 1.6 §4.2).
enum Registration: Sendable, Equatable {
    /// No BootNotification accepted or pending yet: one is sent as soon as the link is up.
    case unregistered
    /// BootNotification.req sent, no answer yet.
    case booting
    /// The central system answered Pending: only answer its calls (and send what a
    /// TriggerMessage asks for) until the next BootNotification at `retryAt`.
    case pending(retryAt: Timestamp)
    /// Answered Rejected: say nothing, answer nothing, until `retryAt`.
    case rejected(retryAt: Timestamp)
    case accepted

    var status: RegistrationStatus? {
        switch self {
        case .pending: .pending
        case .rejected: .rejected
        case .accepted: .accepted
        case .unregistered, .booting: nil
        }
    }

    /// When the next BootNotification is due, after a Pending or Rejected.
    var retryAt: Timestamp? {
        switch self {
        case .pending(let retryAt), .rejected(let retryAt): retryAt
        case .unregistered, .booting, .accepted: nil
        }
    }
}
