/// TriggerMessage (OCPP 1.6 §5.17, errata 3.35, 3.40, 3.46): the response first, then
/// the message. A connectorId the station does not have is Rejected; a message that
/// concerns connectors is sent for the one given, or for all (StatusNotification:
/// the station and every connector). After an accepted boot, a BootNotification is
/// Rejected (errata 3.35). Messages triggered while Pending may be sent (§4.2).
extension StationCore {
    mutating func triggerMessage(_ request: TriggerMessageRequest) -> TriggerMessageResponse {
        if let connector = request.connectorId, connector < 0 || connector > connectors.count {
            return TriggerMessageResponse(status: .rejected)
        }
        switch request.requestedMessage {
        case .bootNotification:
            guard let action = registration.triggered() else { return TriggerMessageResponse(status: .rejected) }
            apply(action)
        case .heartbeat:
            enqueueCall(HeartbeatRequest(), purpose: .heartbeat, allowedWhilePending: true)
        case .statusNotification:
            let ids = request.connectorId.map { [$0] } ?? [0] + connectors.map(\.id)
            for id in ids { triggerStatusNotification(id) }
        case .meterValues:
            sendTriggeredMeterValues(connector: request.connectorId == 0 ? nil : request.connectorId)
        case .diagnosticsStatusNotification:
            enqueueCall(
                DiagnosticsStatusNotificationRequest(status: diagnosticsStatus), purpose: .notification,
                allowedWhilePending: true)
        case .firmwareStatusNotification:
            enqueueCall(
                FirmwareStatusNotificationRequest(status: firmwareStatus), purpose: .notification,
                allowedWhilePending: true)
        }
        return TriggerMessageResponse(status: .accepted)
    }

    mutating func triggerStatusNotification(_ id: Int) {
        refreshStatus(id)
        // Sent even if already said, stamped now: the central system asked for it.
        guard let (current, _) = updateTracker(id, { $0.takeReport(force: true) }) ?? nil else { return }
        let request = StatusNotificationRequest(
            connectorId: id, errorCode: current.errorCode, info: current.info.map(CiString50.init(truncating:)),
            status: current.status, timestamp: wallClock)
        enqueueCall(request, purpose: .status(connector: id, report: current), allowedWhilePending: true)
    }

    /// What a triggered DiagnosticsStatusNotification says (§4.4): Idle unless an
    /// upload is under way.
    var diagnosticsStatus: DiagnosticsStatus { diagnostics == nil ? .idle : .uploading }

    /// What a triggered FirmwareStatusNotification says (§4.5): Idle unless a download
    /// or installation is under way.
    var firmwareStatus: FirmwareStatus { firmware?.status ?? .idle }
}
