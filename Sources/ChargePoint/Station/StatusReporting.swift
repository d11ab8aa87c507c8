/// Keeping the central system told of every status (OCPP 1.6 §4.9, errata 3.19, 3.22):
/// the status is recomputed after every change (`refreshStatus`), shown to the operator
/// at once, and sent as a StatusNotification once it has lasted MinimumStatusDuration.
/// Offline changes are not queued: on reconnection the current status of every
/// connector that changed is sent (§4.9, "When a Charge Point connects …").
extension StationCore {
    /// The situation of connector `index` as the status machine needs it.
    func situation(of index: Int) -> ConnectorStatusMachine.Situation {
        let connector = connectors[index]
        let record = connector.record
        let transaction = transactions.active(on: connector.id)
        var situation = ConnectorStatusMachine.Situation()
        situation.fault = record.fault?.code
        situation.faulted = record.fault?.faulted ?? false
        situation.faultInfo = record.fault?.info
        situation.lockBroken = record.lockBroken
        situation.hasTransaction = transaction != nil
        situation.evseSuspended = transaction != nil && offeredPowerW(index) <= 0
        situation.evSideDisconnected = transaction != nil && !record.evConnected
        situation.evSuspended =
            !record.evConnected || (record.ev?.suspended ?? true) || (record.ev?.isFull ?? false)
            || record.fault?.code == .evCommunicationError
        situation.finishing = record.finishing
        situation.occupied = connector.isOccupied
        // A remote start still waiting for its idTag's decision on a reserved connector
        // leaves it Reserved: §4.9 has no way back from Preparing to Reserved should the
        // idTag be refused.
        let undecided = connector.preparing?.idTag == nil && !connector.isOccupied
        situation.preparing =
            connector.preparing != nil && !(undecided && reservations.isReserved(connector: connector.id))
        situation.operative =
            record.operative && station.record.operative && !(firmware?.holdsConnectors ?? false)
        situation.reserved = reservations.isReserved(connector: connector.id)
        return situation
    }

    func currentStatus(of id: Int) -> StatusReport {
        if id == 0 {
            return ConnectorStatusMachine.stationStatus(
                fault: station.record.fault, operative: station.record.operative)
        }
        guard let index = index(of: id) else { return StatusReport(status: .unavailable, errorCode: .noError) }
        return ConnectorStatusMachine.status(situation(of: index))
    }

    /// Recomputes the status of connector `id` (0: the station); on a change, tells the
    /// operator and arranges the StatusNotification.
    mutating func refreshStatus(_ id: Int) {
        let current = currentStatus(of: id)
        let previous = tracker(id).announced
        guard current != previous else { return }
        if let previous, previous.status == .preparing, current.status == .reserved {
            // A user left a reserved connector without charging (cable in and out, a card
            // or a remote start refused). §4.9 has no Preparing → Reserved: the connector
            // goes Available (B1), then Reserved again for its reservation.
            announce(StatusReport(status: .available, errorCode: current.errorCode, info: current.info), id: id)
        }
        announce(current, id: id)
    }

    private mutating func announce(_ current: StatusReport, id: Int) {
        if let previous = tracker(id).announced, previous.status != current.status {
            let legal =
                id == 0
                ? ConnectorStatusMachine.isStationTransitionLegal(to: current.status)
                : ConnectorStatusMachine.transitionCode(from: previous.status, to: current.status) != nil
            if !legal {
                let text =
                    "internal: connector \(id) went \(previous.status) → \(current.status), "
                    + "a transition OCPP 1.6 §4.9 does not list"
                // A bug, never an input the station may receive: stop debug builds (and so
                // every test) at it; a release build reports it and carries on.
                assertionFailure(text)
                reportError(text)
            }
        }
        let time = wallClock
        let offline = !isOnline
        updateTracker(id) { $0.announce(current, at: time, offline: offline) }
        emit(.connector(id: id, status: current.status, errorCode: current.errorCode, info: current.info))
        let delay = config.int(.minimumStatusDuration) ?? 0
        if delay > 0 {
            schedule(.statusReport(connector: id), afterSeconds: delay)
        } else {
            reportStatus(of: id)
        }
    }

    /// Queues a StatusNotification with the current status, if online and not already said.
    mutating func reportStatus(of id: Int, force: Bool = false) {
        guard isOnline, let (current, since) = updateTracker(id, { $0.takeReport(force: force) }) ?? nil else {
            return
        }
        let request = StatusNotificationRequest(
            connectorId: id, errorCode: current.errorCode, info: current.info.map(CiString50.init(truncating:)),
            status: current.status, timestamp: since)
        enqueueCall(request, purpose: .status(connector: id, report: current))
    }

    /// After BootNotification.conf Accepted: every connector, and the station (errata 3.22).
    mutating func reportAllStatuses() {
        refreshAllStatuses()
        for id in [0] + connectors.map(\.id) {
            updateTracker(id) { $0.catchUp() }
            cancel(.statusReport(connector: id))
            reportStatus(of: id, force: true)
        }
    }

    /// After a reconnection: the current status of what changed while offline, even if
    /// it changed back (§4.9 rules 1 and 3); not the history.
    mutating func reportChangedStatuses() {
        refreshAllStatuses()
        for id in [0] + connectors.map(\.id)
        where tracker(id).unheard {
            updateTracker(id) { $0.catchUp() }
            reportStatus(of: id, force: true)
        }
    }

    mutating func refreshAllStatuses() {
        refreshStatus(0)
        for connector in connectors { refreshStatus(connector.id) }
    }

    /// The StatusNotification was answered (or the link dropped before it was).
    mutating func statusReportDone(connector id: Int, report: StatusReport, acknowledged: Bool) {
        updateTracker(id) { $0.done(report, acknowledged: acknowledged) }
    }

    func tracker(_ id: Int) -> StatusTracker {
        if id == 0 { return station.status }
        return index(of: id).map { connectors[$0].status } ?? StatusTracker()
    }

    /// Hands connector `id`'s tracker (0: the station's) to `change`; nil when there is
    /// no such connector.
    @discardableResult
    mutating func updateTracker<T>(_ id: Int, _ change: (inout StatusTracker) -> T) -> T? {
        if id == 0 { return change(&station.status) }
        guard let index = index(of: id) else { return nil }
        return change(&connectors[index].status)
    }
}
