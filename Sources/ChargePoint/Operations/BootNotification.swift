/// BootNotification (OCPP 1.6 §4.2, errata 3.11, 3.22).
///
/// Sent on every (re)boot as soon as the link is up, and nothing else before it is
/// answered. Accepted: adopt the heartbeat interval, take the central system's time,
/// report every connector's status, then deliver what waited; look at the charge point
/// certificate's expiry (A03). Pending: answer the
/// central system's calls, send nothing unasked, boot again after `interval`. Rejected:
/// stay silent, answer nothing, boot again after `interval`. An interval of 0 lets the
/// station choose: `defaultBootRetrySeconds`.
extension StationCore {
    static let defaultBootRetrySeconds = 60

    /// The profile's identity, with the firmware version an update installed.
    var bootNotificationRequest: BootNotificationRequest {
        var request = profile.identity
        if let installed = firmwareVersion { request.firmwareVersion = CiString50(truncating: installed) }
        return request
    }

    mutating func sendBootNotification() {
        do {
            let payload = JSONSerializer.serialize(try PayloadEncoder.encode(bootNotificationRequest))
            registration.bootSent()
            send(Outbox.Call(action: .bootNotification, payload: payload, purpose: .boot))
        } catch {
            reportError("internal: cannot encode BootNotification: \(error)")
        }
    }

    mutating func bootNotificationAnswered(_ outcome: CallOutcome) {
        guard case .result(let payload) = outcome, let response = decodeResponse(BootNotificationResponse.self, payload)
        else {
            // No usable answer: try again later, as a Pending would.
            if case .linkLost = outcome {
                registration.bootLost()
            } else {
                retryBoot(after: Self.defaultBootRetrySeconds, as: .pending)
            }
            return
        }
        synchronizeClock(to: response.currentTime)
        emit(.registration(response.status, interval: response.interval))
        switch response.status {
        case .accepted:
            apply(registration.accepted())
            if response.interval > 0, config.supports(.heartbeatInterval) {
                setConfiguration(.heartbeatInterval, String(response.interval))
            }
            notice("the central system accepted the boot; heartbeat every \(config.int(.heartbeatInterval) ?? 0) s")
            reportAllStatuses()
            rescheduleHeartbeat()
            scheduleClockAlignedSample()
            checkCertificateRenewal()
        case .pending:
            notice("the central system answered Pending; next boot in \(retrySeconds(response.interval)) s")
            retryBoot(after: response.interval, as: .pending)
        case .rejected:
            notice("the central system rejected the boot; next boot in \(retrySeconds(response.interval)) s")
            retryBoot(after: response.interval, as: .rejected)
        }
    }

    private func retrySeconds(_ interval: Int) -> Int {
        interval > 0 ? interval : Self.defaultBootRetrySeconds
    }

    private mutating func retryBoot(after interval: Int, as status: RegistrationStatus) {
        let retryAt = now.adding(seconds: retrySeconds(interval))
        apply(registration.retry(as: status, at: retryAt))
    }

    /// Carries out what a change of registration requires.
    mutating func apply(_ action: RegistrationMachine.Action) {
        switch action {
        case .armRetry(let retryAt): schedule(.bootRetry, at: retryAt)
        case .cancelRetry: cancel(.bootRetry)
        }
    }
}
