/// Reset (OCPP 1.6 §5.14, errata 3.36, 3.82): always Accepted. Every running transaction
/// is stopped first, with reason SoftReset or HardReset, its StopTransaction queued
/// durably; the station then waits until those are delivered (when online) and
/// reboots: a soft reset waits up to `softResetWaitSeconds`, a hard reset, which need
/// not be graceful, only `hardResetWaitSeconds`. Whatever is undelivered by then goes
/// out after the next accepted boot. A reboot sends a new BootNotification.
/// `reset soft|hard` from the operator does the same.
extension StationCore {
    static let softResetWaitSeconds = 30
    static let hardResetWaitSeconds = 5

    mutating func reset(_ request: ResetRequest) -> ResetResponse {
        resetRequested(request.type)
        return ResetResponse(status: .accepted)
    }

    mutating func resetRequested(_ type: ResetType) {
        guard pendingReset == nil else {
            notice("a reset is already under way")
            return
        }
        pendingReset = type
        notice("\(type.rawValue.lowercased()) reset: stopping transactions, then rebooting")
        for transaction in transactions.running {
            stopTransaction(
                connector: transaction.connector, reason: type == .hard ? .hardReset : .softReset, idTag: nil)
        }
        schedule(.resetDeadline, afterSeconds: type == .hard ? Self.hardResetWaitSeconds : Self.softResetWaitSeconds)
        completeResetIfDelivered()
    }

    /// The reset proceeds once nothing is left to deliver (or nothing can be).
    mutating func completeResetIfDelivered() {
        guard pendingReset != nil, outbox.transactionMessages.isEmpty || !isOnline else { return }
        completeReset()
    }

    mutating func completeReset() {
        guard let type = pendingReset else { return }
        pendingReset = nil
        cancel(.resetDeadline)
        reboot(reason: "\(type.rawValue.lowercased()) reset")
    }

    /// Restarts the application: what is durable stays, the rest starts afresh. The
    /// station closes the link and stays dark for the profile's `rebootSeconds` (a real
    /// station takes seconds to reboot; a CSMS that sees the new BootNotification within
    /// a millisecond of its Reset.conf may take the Reset as unanswered), then boots
    /// again on a new connection.
    mutating func reboot(reason: String) {
        let seconds = profile.rebootSeconds
        notice(seconds > 0 ? "rebooting (\(reason)): back in \(seconds) s" : "rebooting (\(reason))")
        registration.restart()
        outbox.restart()
        timers.cancelAll()
        for index in connectors.indices {
            connectors[index].endPreparing()
            connectors[index].status = StatusTracker()
        }
        station.status = StatusTracker()
        guard seconds > 0 else {
            resumeTimers()
            refreshAllStatuses()
            restartLink(reason: reason)
            return
        }
        rebootingUntil = now.adding(seconds: seconds)
        schedule(.rebootComplete, afterSeconds: seconds)
        apply(link.close(reason: reason))
    }

    /// The reboot is over: the station comes back as after a power-on, without the
    /// power-loss recovery (nothing was interrupted).
    mutating func rebootCompleted() {
        rebootingUntil = nil
        notice("the station is back from its reboot")
        resumeTimers()
        refreshAllStatuses()
        requestConnection()
    }

    /// Local commands a dark station cannot carry out (cables and EVs can still be
    /// handled: the station finds them at its boot).
    func refusedWhileRebooting(_ command: StationCommand) -> Bool {
        guard rebootingUntil != nil else { return false }
        switch command {
        case .swipe, .stop, .reset, .configSet, .dataTransfer: return true
        default: return false
        }
    }
}
