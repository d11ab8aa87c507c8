/// Reset (OCPP 1.6 §5.14, errata 3.36, 3.82): always Accepted. Every running transaction
/// is stopped first, with reason SoftReset or HardReset, its StopTransaction queued
/// durably; the station then waits until those are delivered (when online) and
/// reboots: a soft reset waits up to `softResetWaitSeconds`, a hard reset, which need
/// not be graceful, only `hardResetWaitSeconds`. Whatever is undelivered by then goes
/// out after the next accepted boot. A reboot sends a new BootNotification.
/// `reset soft|hard` from the operator does the same. The reset pending and the reboot
/// under way are `resets`' (`Station/Reset/ResetMachine.swift`).
extension StationCore {
    mutating func reset(_ request: ResetRequest) -> ResetResponse {
        resetRequested(request.type)
        return ResetResponse(status: .accepted)
    }

    mutating func resetRequested(_ type: ResetType) {
        guard let deadline = resets.requested(type) else {
            notice("a reset is already under way")
            return
        }
        notice("\(type.rawValue.lowercased()) reset: stopping transactions, then rebooting")
        for transaction in transactions.running {
            stopTransaction(
                connector: transaction.connector, reason: type == .hard ? .hardReset : .softReset, idTag: nil)
        }
        apply(deadline)
        completeResetIfDelivered()
    }

    /// The reset proceeds once nothing is left to deliver (or nothing can be).
    mutating func completeResetIfDelivered() {
        guard resets.isPending, outbox.transactionMessages.isEmpty || !isOnline else { return }
        completeReset()
    }

    mutating func completeReset() {
        guard let (type, action) = resets.carryOut() else { return }
        apply(action)
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
        stopTransfersForReboot()
        securityEvent(.resetOrReboot, reason)
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
        apply(resets.rebootBegan(at: now, seconds: seconds))
        apply(link.close(reason: reason))
    }

    /// The reboot is over: the station comes back as after a power-on, without the
    /// power-loss recovery (nothing was interrupted).
    mutating func rebootCompleted() {
        resets.rebootEnded()
        notice("the station is back from its reboot")
        resumeTimers()
        refreshAllStatuses()
        requestConnection()
    }

    /// Local commands a dark station cannot carry out (cables and EVs can still be
    /// handled: the station finds them at its boot).
    func refusedWhileRebooting(_ command: StationCommand) -> Bool {
        guard resets.isRebooting else { return false }
        switch command {
        case .swipe, .stop, .reset, .configSet, .dataTransfer, .clearSecurityLog: return true
        default: return false
        }
    }

    /// Carries out what a reset or a reboot requires.
    mutating func apply(_ action: ResetMachine.Action) {
        switch action {
        case .armDeadline(let seconds): schedule(.resetDeadline, afterSeconds: seconds)
        case .cancelDeadline: cancel(.resetDeadline)
        case .armRebootEnd(let time): schedule(.rebootComplete, at: time)
        }
    }
}
