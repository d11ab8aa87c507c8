/// The one table of every OCPP 1.6-J action (MicroOcpp's `registerOperation`): its
/// request type, who sends it, its feature profile (OCPP 1.6 §3.3; the security
/// extension counts as a profile of its own) and, for what the central system sends,
/// the operation that answers it. `Action.requestType`, `.initiator`,
/// `.featureProfile` and the dispatch of incoming CALLs all read it, so they cannot
/// disagree.
struct OperationEntry: Sendable {
    /// Carries out a decoded CALL of the central system and answers it.
    typealias Handler = @Sendable (inout StationCore, Frame.Call, any OCPPRequest) -> Void

    let requestType: any OCPPRequest.Type
    let initiator: Action.Initiator
    let featureProfile: FeatureProfile
    /// nil: the station does not implement receiving it (NotImplemented).
    let handler: Handler?

    /// A request the charge point sends.
    static func sent<R: OCPPRequest>(_ type: R.Type, _ profile: FeatureProfile) -> OperationEntry {
        OperationEntry(requestType: type, initiator: .chargePoint, featureProfile: profile, handler: nil)
    }

    /// A request the central system sends, answered by `operation`.
    static func received<R: OCPPRequest>(
        _ type: R.Type, _ profile: FeatureProfile, initiator: Action.Initiator = .centralSystem,
        _ operation: (@Sendable (inout StationCore, R) -> R.Response)? = nil
    ) -> OperationEntry {
        guard let operation else {
            return OperationEntry(requestType: type, initiator: initiator, featureProfile: profile, handler: nil)
        }
        let handler: Handler = { (core: inout StationCore, call: Frame.Call, request: any OCPPRequest) in
            guard let request = request as? R else { return }
            let response = operation(&core, request)
            core.respond(call, response)
        }
        return OperationEntry(requestType: type, initiator: initiator, featureProfile: profile, handler: handler)
    }
}

enum OperationRegistry {
    static let entries: [Action: OperationEntry] = [
        // OCPP 1.6 chapter 4: initiated by the charge point.
        .authorize: .sent(AuthorizeRequest.self, .core),
        .bootNotification: .sent(BootNotificationRequest.self, .core),
        .dataTransfer: .received(DataTransferRequest.self, .core, initiator: .either) { $0.dataTransfer($1) },
        .diagnosticsStatusNotification: .sent(DiagnosticsStatusNotificationRequest.self, .firmwareManagement),
        .firmwareStatusNotification: .sent(FirmwareStatusNotificationRequest.self, .firmwareManagement),
        .heartbeat: .sent(HeartbeatRequest.self, .core),
        .meterValues: .sent(MeterValuesRequest.self, .core),
        .startTransaction: .sent(StartTransactionRequest.self, .core),
        .statusNotification: .sent(StatusNotificationRequest.self, .core),
        .stopTransaction: .sent(StopTransactionRequest.self, .core),
        // OCPP 1.6 chapter 5: initiated by the central system.
        .cancelReservation: .received(CancelReservationRequest.self, .reservation) { $0.cancelReservation($1) },
        .changeAvailability: .received(ChangeAvailabilityRequest.self, .core) { $0.changeAvailability($1) },
        .changeConfiguration: .received(ChangeConfigurationRequest.self, .core) { $0.changeConfiguration($1) },
        .clearCache: .received(ClearCacheRequest.self, .core) { $0.clearCache($1) },
        .clearChargingProfile: .received(ClearChargingProfileRequest.self, .smartCharging) {
            $0.clearChargingProfile($1)
        },
        .getCompositeSchedule: .received(GetCompositeScheduleRequest.self, .smartCharging) {
            $0.getCompositeSchedule($1)
        },
        .getConfiguration: .received(GetConfigurationRequest.self, .core) { $0.getConfiguration($1) },
        .getDiagnostics: .received(GetDiagnosticsRequest.self, .firmwareManagement) { $0.getDiagnostics($1) },
        .getLocalListVersion: .received(GetLocalListVersionRequest.self, .localAuthListManagement) {
            $0.getLocalListVersion($1)
        },
        .remoteStartTransaction: .received(RemoteStartTransactionRequest.self, .core) {
            $0.remoteStartTransaction($1)
        },
        .remoteStopTransaction: .received(RemoteStopTransactionRequest.self, .core) { $0.remoteStopTransaction($1) },
        .reserveNow: .received(ReserveNowRequest.self, .reservation) { $0.reserveNow($1) },
        .reset: .received(ResetRequest.self, .core) { $0.reset($1) },
        .sendLocalList: .received(SendLocalListRequest.self, .localAuthListManagement) { $0.sendLocalList($1) },
        .setChargingProfile: .received(SetChargingProfileRequest.self, .smartCharging) { $0.setChargingProfile($1) },
        .triggerMessage: .received(TriggerMessageRequest.self, .remoteTrigger) { $0.triggerMessage($1) },
        .unlockConnector: .received(UnlockConnectorRequest.self, .core) { $0.unlockConnector($1) },
        .updateFirmware: .received(UpdateFirmwareRequest.self, .firmwareManagement) { $0.updateFirmware($1) },
        // The security extension (whitepaper edition 3, chapter 5).
        .certificateSigned: .received(CertificateSignedRequest.self, .security) { $0.certificateSigned($1) },
        .deleteCertificate: .received(DeleteCertificateRequest.self, .security) { $0.deleteCertificate($1) },
        .extendedTriggerMessage: .received(ExtendedTriggerMessageRequest.self, .security) {
            $0.extendedTriggerMessage($1)
        },
        .getInstalledCertificateIds: .received(GetInstalledCertificateIdsRequest.self, .security) {
            $0.getInstalledCertificateIds($1)
        },
        .getLog: .received(GetLogRequest.self, .security) { $0.getLog($1) },
        .installCertificate: .received(InstallCertificateRequest.self, .security) { $0.installCertificate($1) },
        .logStatusNotification: .sent(LogStatusNotificationRequest.self, .security),
        .securityEventNotification: .sent(SecurityEventNotificationRequest.self, .security),
        .signCertificate: .sent(SignCertificateRequest.self, .security),
        .signedFirmwareStatusNotification: .sent(SignedFirmwareStatusNotificationRequest.self, .security),
        .signedUpdateFirmware: .received(SignedUpdateFirmwareRequest.self, .security) {
            $0.signedUpdateFirmware($1)
        },
    ]

    static func entry(_ action: Action) -> OperationEntry {
        guard let entry = entries[action] else { preconditionFailure("\(action) is missing from OperationRegistry") }
        return entry
    }
}
