/// The link as the core drives it: when to connect, what a lost connection means for
/// the call in flight and the registration, the reconnect back-off, `offline`/`online`.
///
/// Reconnection follows OCPP-J 1.6 §5.4: no new BootNotification after a reconnection
/// once accepted (the central system knows the station by its connection); the statuses
/// that changed meanwhile are reported and the queue is delivered.
extension StationCore {
    /// Reconnect back-off: 1 s doubling to at most 60 s, with up to 30 % jitter so that
    /// a fleet restarted together does not reconnect in step.
    static let reconnectBaseMilliseconds: Int64 = 1000
    static let reconnectCapMilliseconds: Int64 = 60_000

    mutating func powerOn() {
        registration = .unregistered
        bootAcceptedSinceStart = false
        if resumingAfterQuit {
            resumingAfterQuit = false
            persist(.cleanShutdown(false))
            let running = transactions.filter(\.isActive).count
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
    }

    mutating func requestConnection() {
        guard !link.heldOffline, link.state == .disconnected, rebootingUntil == nil else { return }
        cancel(.reconnect)
        link.state = .connecting
        effects.linkRequests.append(.connect)
        emit(.connection(.connecting, reason: nil))
    }

    mutating func linkUp() {
        link.state = .connected
        link.closing = false
        link.failures = 0
        cancel(.reconnect)
        emit(.connection(.connected, reason: nil))
        if registration == .accepted {
            reportChangedStatuses()
            rescheduleHeartbeat()
        }
    }

    mutating func linkDown(reason: String) {
        let wasConnected = link.state == .connected
        link.state = .disconnected
        link.closing = false
        emit(.connection(.disconnected, reason: reason))
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
            default:
                break
            }
        }
        if registration == .booting { registration = .unregistered }
        cancel(.heartbeat)
        if link.reconnectWhenDown {
            link.reconnectWhenDown = false
            requestConnection()
            return
        }
        guard !link.heldOffline, rebootingUntil == nil else { return }
        if !wasConnected { link.failures += 1 }
        let exponent = min(link.failures, 6)
        let base = min(Self.reconnectBaseMilliseconds << exponent, Self.reconnectCapMilliseconds)
        let jitter = Int64(random.next() % UInt64(base * 3 / 10 + 1))
        schedule(
            .reconnect, at: now.adding(milliseconds: wasConnected ? Self.reconnectBaseMilliseconds : base + jitter))
    }

    mutating func reconnectDue() {
        requestConnection()
    }

    /// The operator cut the link (`offline`) and it stays down until `online`.
    public var isHeldOffline: Bool { link.heldOffline }

    /// Carries `offline` over to a core rebuilt after a power cut (before `.powerOn`).
    public mutating func holdOffline(_ held: Bool) { link.heldOffline = held }

    /// `offline`: close the link at once and keep it closed.
    mutating func goOffline() {
        link.heldOffline = true
        cancel(.reconnect)
        if link.state != .disconnected {
            link.closing = true
            effects.linkRequests.append(.disconnect(reason: "operator: offline"))
        }
        notice("offline: the link stays down until 'online'")
    }

    /// `online`: reconnect at once.
    mutating func goOnline() {
        link.heldOffline = false
        link.failures = 0
        notice("online: connecting")
        requestConnection()
    }

    /// Close and reopen the link (new credentials, security profile, reboot).
    mutating func restartLink(reason: String) {
        if link.state == .disconnected {
            requestConnection()
        } else {
            link.reconnectWhenDown = true
            link.closing = true
            effects.linkRequests.append(.disconnect(reason: reason))
        }
    }
}

extension StationCore {
    /// WebSocketPingInterval, 0 when the station has no such key.
    public var webSocketPingInterval: Int { config.int(.webSocketPingInterval) ?? 0 }
}
