/// Raising a security event (security whitepaper A04, §8): written to the security log
/// and shown to the operator always; sent to the central system as a
/// SecurityEventNotification when the station has the security extension, through the
/// durable queue of transaction messages, so that it is delivered even after a stretch
/// offline or a power cut. A04.FR.02 asks that for the critical ones; the others go the
/// same way, since the most telling of them (refused credentials, a new key that makes
/// the link restart) happen exactly when the link is down.
extension StationCore {
    mutating func securityEvent(_ kind: SecurityEventKind, _ info: String? = nil) {
        let (entry, changes) = securityLog.record(kind, info: info, at: wallClock)
        for change in changes { persist(change) }
        emit(.security(entry))
        guard profile.supports(.security) else { return }
        let request = SecurityEventNotificationRequest(
            type: CiString50(truncating: kind.rawValue), timestamp: entry.time,
            techInfo: info.map(CiString255.init(truncating:)))
        enqueueTransactionMessage(request, transaction: 0)
    }
}

extension StationCore {
    /// `securitylog clear`: a technician empties the security log at the station. The
    /// log's first line is then SecurityLogWasCleared (security whitepaper §8, critical),
    /// which goes to the central system like any other event, so that it learns the log
    /// it may fetch with GetLog (N01) no longer holds what came before.
    mutating func clearSecurityLog() {
        let cleared = securityLog.entries.count
        persist(securityLog.clear())
        let entries = cleared == 1 ? "1 entry" : "\(cleared) entries"
        securityEvent(.securityLogWasCleared, "the operator cleared \(entries) at the station")
    }
}
