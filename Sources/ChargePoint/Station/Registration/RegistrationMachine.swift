/// Where the station stands with the central system (OCPP 1.6 §4.2, errata 3.35), and
/// the one owner of it.
///
/// One input at a time: a (re)start, the BootNotification sent, its answer or its loss,
/// the retry due, a TriggerMessage for a BootNotification. Where a timer must be armed
/// or cancelled the input returns an `Action`, which `StationCore.apply(_:)` carries out.
struct RegistrationMachine: Sendable {
    /// The boot retry timer.
    enum Action: Sendable, Equatable {
        /// Boot again at this station time (Pending, Rejected, or no usable answer).
        case armRetry(at: Timestamp)
        case cancelRetry
    }

    private(set) var state: Registration = .unregistered
    /// Once Accepted, a TriggerMessage for BootNotification is rejected (errata 3.35).
    private(set) var acceptedSinceStart = false

    /// Online for OCPP purposes once the link is up too.
    var isAccepted: Bool { state == .accepted }

    /// Power-on or reboot: a BootNotification is due as soon as the link is up.
    mutating func restart() {
        state = .unregistered
        acceptedSinceStart = false
    }

    mutating func bootSent() {
        state = .booting
    }

    /// The link went down before the BootNotification was answered: boot again on the
    /// next connection.
    mutating func bootLost() {
        state = .unregistered
    }

    /// The link went down: a boot in progress starts again on the next connection; any
    /// other standing is kept (OCPP-J 1.6 §5.4).
    mutating func linkDown() {
        if state == .booting { state = .unregistered }
    }

    /// The central system accepted the BootNotification.
    mutating func accepted() -> Action {
        state = .accepted
        acceptedSinceStart = true
        return .cancelRetry
    }

    /// The central system answered Pending or Rejected (`status`), or gave no usable
    /// answer (taken as Pending): boot again at `retryAt`.
    mutating func retry(as status: RegistrationStatus, at retryAt: Timestamp) -> Action {
        state = status == .rejected ? .rejected(retryAt: retryAt) : .pending(retryAt: retryAt)
        return .armRetry(at: retryAt)
    }

    /// The retry interval is over: a Pending or Rejected station boots again.
    mutating func retryDue() {
        switch state {
        case .pending, .rejected:
            state = .unregistered  // pump() sends the BootNotification if the link is up
        default:
            break
        }
    }

    /// TriggerMessage(BootNotification): boot again at once, unless a boot was accepted
    /// since the start (nil: refused, errata 3.35).
    mutating func triggered() -> Action? {
        guard !acceptedSinceStart else { return nil }
        state = .unregistered
        return .cancelRetry
    }
}
