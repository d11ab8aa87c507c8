/// What has been shown and told about a connector's status (OCPP 1.6 §4.9), and the
/// one owner of it: one mutating method per thing that happens to a status.
struct StatusTracker: Sendable {
    /// Last status shown to the operator (events), and since when.
    private(set) var announced: StatusReport?
    private(set) var announcedAt: Timestamp?
    /// Last status put on the wire (waiting, in flight or acknowledged).
    private(set) var queued: StatusReport?
    /// Last status the central system acknowledged.
    private(set) var acknowledged: StatusReport?
    /// The status changed while the central system could not be told.
    private(set) var changedWhileOffline = false

    /// The central system has not heard the current status: it changed while offline
    /// (even if it changed back, §4.9 rules 1 and 3) or was never acknowledged.
    var unheard: Bool { changedWhileOffline || announced != acknowledged }

    /// `report` was shown to the operator at `time`; `offline`: the central system could
    /// not be told then.
    mutating func announce(_ report: StatusReport, at time: Timestamp, offline: Bool) {
        announced = report
        announcedAt = time
        if offline { changedWhileOffline = true }
    }

    /// The announced status, to be put on the wire unless it already is (`force`: even
    /// then); nil when there is nothing to send.
    mutating func takeReport(force: Bool) -> (report: StatusReport, since: Timestamp?)? {
        guard let current = announced, force || current != queued else { return nil }
        queued = current
        return (current, announcedAt)
    }

    /// The central system is about to be told the current status (boot, reconnection).
    mutating func catchUp() {
        changedWhileOffline = false
    }

    /// The StatusNotification of `report` was answered (or the link dropped before it was).
    mutating func done(_ report: StatusReport, acknowledged: Bool) {
        if acknowledged { self.acknowledged = report } else { queued = self.acknowledged }
    }
}
