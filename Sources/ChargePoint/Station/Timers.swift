/// Every timer the core can arm. Each is armed at most once; re-arming moves it.
enum TimerID: Hashable, Sendable {
    case bootRetry
    case heartbeat
    /// The response to the call in flight is overdue.
    case callTimeout
    case reconnect
    /// The head of the transaction queue may be sent again.
    case transactionRetry
    case sampledMeterValues(connector: Int)
    case clockAlignedMeterValues
    /// ConnectionTimeOut since Preparing began.
    case connectionTimeout(connector: Int)
    /// MinimumStatusDuration before a status is reported (0 is the station).
    case statusReport(connector: Int)
    /// The EV's battery is full, or an energy cap is reached: power changes.
    case energyMilestone(connector: Int)
    case reservationExpiry(id: Int)
    /// A charging profile starts, ends or enters its next period.
    case chargingLimitChange
    /// A soft reset waits this long at most for its StopTransactions to be delivered.
    case resetDeadline
    /// While energy flows, the meter register is saved regularly, so that a power cut
    /// loses at most this much of it.
    case meterCheckpoint
    /// The station is back from a reboot.
    case rebootComplete
    case firmwareTry
    case firmwareInstall
    /// The next try of an upload (diagnostics, log).
    case uploadTry(TransferPurpose)
    /// The daily look at the charge point certificate's expiry (A03).
    case certificateRenewal
}

extension StationCore {
    mutating func schedule(_ timer: TimerID, at time: Timestamp) {
        timers.arm(timer, at: time)
    }

    mutating func schedule(_ timer: TimerID, afterSeconds seconds: Int) {
        timers.arm(timer, at: now.adding(seconds: seconds))
    }

    mutating func cancel(_ timer: TimerID) {
        timers.cancel(timer)
    }

    /// Fires every due timer in deadline order; a timer armed by another for a time
    /// already past fires in the same pass.
    mutating func fireDueTimers() {
        while let timer = timers.takeDue(at: now) {
            fire(timer)
        }
    }

    private mutating func fire(_ timer: TimerID) {
        switch timer {
        case .bootRetry: registration.retryDue()
        case .heartbeat: heartbeatDue()
        case .callTimeout: callTimedOut()
        case .reconnect: reconnectDue()
        case .transactionRetry: break  // pump() will send the head now that it may
        case .sampledMeterValues(let connector): sampleDue(connector: connector)
        case .clockAlignedMeterValues: clockAlignedSampleDue()
        case .connectionTimeout(let connector): connectionTimedOut(connector: connector)
        case .statusReport(let connector): reportStatus(of: connector)
        case .energyMilestone(let connector): energyMilestoneReached(connector: connector)
        case .reservationExpiry(let id): apply(reservations.expire(id: id))
        case .chargingLimitChange: applyChargingLimits()
        case .resetDeadline: completeReset()
        case .meterCheckpoint: meterCheckpointDue()
        case .rebootComplete: rebootCompleted()
        case .firmwareTry: firmwareTryDue()
        case .firmwareInstall: firmwareInstallDue()
        case .uploadTry(let purpose): beginUploadTry(purpose)
        case .certificateRenewal: checkCertificateRenewal()
        }
    }
}
