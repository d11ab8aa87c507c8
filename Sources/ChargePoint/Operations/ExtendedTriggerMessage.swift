/// ExtendedTriggerMessage.req (security whitepaper F06, §5): TriggerMessage's messages
/// and the extension's own. A FirmwareStatusNotification is sent as the extension's
/// SignedFirmwareStatusNotification; SignChargePointCertificate starts the signing of
/// the station's own certificate (`CertificateSigning`).
extension StationCore {
    mutating func extendedTriggerMessage(_ request: ExtendedTriggerMessageRequest) -> ExtendedTriggerMessageResponse {
        let core: MessageTrigger?
        switch request.requestedMessage {
        case .bootNotification: core = .bootNotification
        case .heartbeat: core = .heartbeat
        case .meterValues: core = .meterValues
        case .statusNotification: core = .statusNotification
        case .firmwareStatusNotification:
            if let connector = request.connectorId, connector != 0 {
                return ExtendedTriggerMessageResponse(status: .rejected)
            }
            // L01: the last status a signed update reported (with its requestId), else
            // the state as FirmwareStatusNotification would say it.
            let request =
                transfers.lastSignedStatus
                ?? SignedFirmwareStatusNotificationRequest(
                    status: SignedFirmwareStatus(rawValue: firmwareStatus.rawValue) ?? .idle)
            enqueueCall(request, purpose: .notification, allowedWhilePending: true)
            return ExtendedTriggerMessageResponse(status: .accepted)
        case .logStatusNotification:
            enqueueCall(logStatusNotification, purpose: .notification, allowedWhilePending: true)
            return ExtendedTriggerMessageResponse(status: .accepted)
        case .signChargePointCertificate:
            return ExtendedTriggerMessageResponse(status: requestCertificateSigning())
        }
        let answer = triggerMessage(TriggerMessageRequest(requestedMessage: core!, connectorId: request.connectorId))
        return ExtendedTriggerMessageResponse(status: answer.status)
    }
}
