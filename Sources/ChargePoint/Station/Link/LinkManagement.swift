/// The link as the core drives it: power-on, what a lost connection means for the call
/// in flight and the registration, `offline`/`online`. When to connect and the
/// reconnect back-off are the `Link`'s.
///
/// Reconnection follows OCPP-J 1.6 §5.4: no new BootNotification after a reconnection
/// once accepted (the central system knows the station by its connection); the statuses
/// that changed meanwhile are reported and the queue is delivered.
extension StationCore {
    mutating func powerOn() {
        registration.restart()
        securityEvent(.startupOfTheDevice)
        if let change = recovery.takeResumeAfterQuit() {
            persist(change)
            let running = transactions.running.count
            if running > 0 { notice("\(running) transaction\(running == 1 ? "" : "s") resumed after quit") }
        }
        recoverFromPowerLoss()
        resumeTimers()
        refreshAllStatuses()
        requestConnection()
    }

    /// Timers that follow from durable state, after a start or reboot.
    mutating func resumeTimers() {
        for index in connectors.indices {
            updatePower(index)
            scheduleSampling(index)
        }
        scheduleReservationExpiries()
        scheduleMeterCheckpoint()
        applyChargingLimits()
        resumeFileTransfers()
    }

    /// Carries out what a change to the link requires.
    mutating func apply(_ action: Link.Action?) {
        switch action {
        case nil:
            break
        case .connect:
            cancel(.reconnect)
            effects.linkRequests.append(.connect)
            emit(.connection(.connecting, reason: nil))
        case .disconnect(let reason):
            effects.linkRequests.append(.disconnect(reason: reason))
        case .reconnect(let milliseconds):
            schedule(.reconnect, at: now.adding(milliseconds: milliseconds))
        }
    }

    mutating func requestConnection() {
        apply(link.requestConnection(rebooting: resets.isRebooting))
    }

    mutating func linkUp(server: ServerCertificate? = nil) {
        link.up(server: server)
        cancel(.reconnect)
        emit(.connection(.connected, reason: nil))
        securedLinkUp()
        if registration.isAccepted {
            reportChangedStatuses()
            rescheduleHeartbeat()
        }
    }

    mutating func linkDown(reason: String, failure: LinkFailure? = nil) {
        let wasConnected = link.down()
        emit(.connection(.disconnected, reason: reason))
        if let failure { linkSecurityFailure(failure, reason: reason) }
        if outbox.inFlight != nil { complete(messageId: nil, .linkLost) }
        // Not transaction-related requests are not queued offline (§3.7); statuses are
        // re-sent on reconnection as needed, heartbeats are pointless, authorizations
        // were answered by complete(.linkLost) above or fall back below.
        for call in outbox.dropWaiting() {
            switch call.purpose {
            case .status(let connector, let report):
                statusReportDone(connector: connector, report: report, acknowledged: false)
            case .authorize(let idTag, let intent):
                authorizeAnswered(idTag: idTag, intent: intent, .linkLost)
            case .operatorCall, .dataTransfer:
                operatorCallAnswered(call.action, .linkLost)
            default:
                break
            }
        }
        registration.linkDown()
        cancel(.heartbeat)
        apply(link.nextAttempt(wasConnected: wasConnected, rebooting: resets.isRebooting))
        securedLinkFailed(failure, reason: reason, wasConnected: wasConnected)
    }

    mutating func reconnectDue() {
        requestConnection()
    }

    /// The operator cut the link (`offline`) and it stays down until `online`.
    public var isHeldOffline: Bool { link.heldOffline }

    /// Carries `offline` over to a core rebuilt after a power cut (before `.powerOn`).
    public mutating func holdOffline(_ held: Bool) { link.hold(offline: held) }

    /// `offline`: close the link at once and keep it closed.
    mutating func goOffline() {
        cancel(.reconnect)
        apply(link.goOffline())
        notice("offline: the link stays down until 'online'")
    }

    /// `online`: reconnect at once (already up or on its way: says so).
    mutating func goOnline() {
        let held = link.heldOffline
        link.goOnline()
        switch (held, link.state) {
        case (false, .connected): notice("online: the link is up already")
        case (false, .connecting), (false, .waiting): notice("online: connecting already")
        default:
            notice("online: connecting")
            requestConnection()
        }
    }

    /// Close and reopen the link (new credentials, security profile, reboot).
    mutating func restartLink(reason: String) {
        apply(link.restart(reason: reason, rebooting: resets.isRebooting))
    }
}

extension StationCore {
    /// WebSocketPingInterval, 0 when the station has no such key.
    public var webSocketPingInterval: Int { config.int(.webSocketPingInterval) ?? 0 }
}
