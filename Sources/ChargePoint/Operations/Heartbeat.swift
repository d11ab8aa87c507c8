/// Heartbeat (OCPP 1.6 §4.6): after HeartbeatInterval seconds without any request sent,
/// so that the central system always hears from the station within the interval; the
/// answer's currentTime keeps the clock in step.
extension StationCore {
    /// Restarts the heartbeat countdown; called whenever a request goes out.
    mutating func rescheduleHeartbeat() {
        guard registration.isAccepted, let interval = config.int(.heartbeatInterval), interval > 0 else {
            cancel(.heartbeat)
            return
        }
        schedule(.heartbeat, afterSeconds: interval)
    }

    mutating func heartbeatDue() {
        guard isOnline, !outbox.isWaiting(.heartbeat) else {
            rescheduleHeartbeat()
            return
        }
        enqueueCall(HeartbeatRequest(), purpose: .heartbeat)
    }

    mutating func heartbeatAnswered(_ outcome: CallOutcome) {
        guard case .result(let payload) = outcome, let response = decodeResponse(HeartbeatResponse.self, payload)
        else { return }
        synchronizeClock(to: response.currentTime)
        lastHeartbeatResponse = wallClock
    }
}
