/// Every OCPP 1.6-J action: the 28 of OCPP 1.6 edition 2 and the 11 of the security
/// extension (OCPP 1.6 security whitepaper edition 3, chapter 5).
public enum Action: String, CaseIterable, Sendable, Hashable, Codable, CustomStringConvertible {
    // OCPP 1.6 chapter 4: initiated by the charge point.
    case authorize = "Authorize"
    case bootNotification = "BootNotification"
    case dataTransfer = "DataTransfer"
    case diagnosticsStatusNotification = "DiagnosticsStatusNotification"
    case firmwareStatusNotification = "FirmwareStatusNotification"
    case heartbeat = "Heartbeat"
    case meterValues = "MeterValues"
    case startTransaction = "StartTransaction"
    case statusNotification = "StatusNotification"
    case stopTransaction = "StopTransaction"
    // OCPP 1.6 chapter 5: initiated by the central system.
    case cancelReservation = "CancelReservation"
    case changeAvailability = "ChangeAvailability"
    case changeConfiguration = "ChangeConfiguration"
    case clearCache = "ClearCache"
    case clearChargingProfile = "ClearChargingProfile"
    case getCompositeSchedule = "GetCompositeSchedule"
    case getConfiguration = "GetConfiguration"
    case getDiagnostics = "GetDiagnostics"
    case getLocalListVersion = "GetLocalListVersion"
    case remoteStartTransaction = "RemoteStartTransaction"
    case remoteStopTransaction = "RemoteStopTransaction"
    case reserveNow = "ReserveNow"
    case reset = "Reset"
    case sendLocalList = "SendLocalList"
    case setChargingProfile = "SetChargingProfile"
    case triggerMessage = "TriggerMessage"
    case unlockConnector = "UnlockConnector"
    case updateFirmware = "UpdateFirmware"
    // Security extension.
    case certificateSigned = "CertificateSigned"
    case deleteCertificate = "DeleteCertificate"
    case extendedTriggerMessage = "ExtendedTriggerMessage"
    case getInstalledCertificateIds = "GetInstalledCertificateIds"
    case getLog = "GetLog"
    case installCertificate = "InstallCertificate"
    case logStatusNotification = "LogStatusNotification"
    case securityEventNotification = "SecurityEventNotification"
    case signCertificate = "SignCertificate"
    case signedFirmwareStatusNotification = "SignedFirmwareStatusNotification"
    case signedUpdateFirmware = "SignedUpdateFirmware"

    public var description: String { rawValue }

    /// Who sends the request. DataTransfer goes both ways.
    public enum Initiator: Sendable {
        case chargePoint, centralSystem, either
    }

    public var initiator: Initiator {
        switch self {
        case .dataTransfer: .either
        case .authorize, .bootNotification, .diagnosticsStatusNotification, .firmwareStatusNotification, .heartbeat,
            .meterValues, .startTransaction, .statusNotification, .stopTransaction, .logStatusNotification,
            .securityEventNotification, .signCertificate, .signedFirmwareStatusNotification:
            .chargePoint
        default: .centralSystem
        }
    }

    /// The feature profile the action belongs to (OCPP 1.6 §3.3); the security
    /// extension's actions form a profile of their own for this purpose.
    public var featureProfile: FeatureProfile {
        switch self {
        case .authorize, .bootNotification, .changeAvailability, .changeConfiguration, .clearCache, .dataTransfer,
            .getConfiguration, .heartbeat, .meterValues, .remoteStartTransaction, .remoteStopTransaction, .reset,
            .startTransaction, .statusNotification, .stopTransaction, .unlockConnector:
            .core
        case .getDiagnostics, .diagnosticsStatusNotification, .firmwareStatusNotification, .updateFirmware:
            .firmwareManagement
        case .getLocalListVersion, .sendLocalList: .localAuthListManagement
        case .cancelReservation, .reserveNow: .reservation
        case .clearChargingProfile, .getCompositeSchedule, .setChargingProfile: .smartCharging
        case .triggerMessage: .remoteTrigger
        case .certificateSigned, .deleteCertificate, .extendedTriggerMessage, .getInstalledCertificateIds, .getLog,
            .installCertificate, .logStatusNotification, .securityEventNotification, .signCertificate,
            .signedFirmwareStatusNotification, .signedUpdateFirmware:
            .security
        }
    }

    /// The request payload type, for decoding a CALL generically.
    public var requestType: any OCPPRequest.Type {
        switch self {
        case .authorize: AuthorizeRequest.self
        case .bootNotification: BootNotificationRequest.self
        case .dataTransfer: DataTransferRequest.self
        case .diagnosticsStatusNotification: DiagnosticsStatusNotificationRequest.self
        case .firmwareStatusNotification: FirmwareStatusNotificationRequest.self
        case .heartbeat: HeartbeatRequest.self
        case .meterValues: MeterValuesRequest.self
        case .startTransaction: StartTransactionRequest.self
        case .statusNotification: StatusNotificationRequest.self
        case .stopTransaction: StopTransactionRequest.self
        case .cancelReservation: CancelReservationRequest.self
        case .changeAvailability: ChangeAvailabilityRequest.self
        case .changeConfiguration: ChangeConfigurationRequest.self
        case .clearCache: ClearCacheRequest.self
        case .clearChargingProfile: ClearChargingProfileRequest.self
        case .getCompositeSchedule: GetCompositeScheduleRequest.self
        case .getConfiguration: GetConfigurationRequest.self
        case .getDiagnostics: GetDiagnosticsRequest.self
        case .getLocalListVersion: GetLocalListVersionRequest.self
        case .remoteStartTransaction: RemoteStartTransactionRequest.self
        case .remoteStopTransaction: RemoteStopTransactionRequest.self
        case .reserveNow: ReserveNowRequest.self
        case .reset: ResetRequest.self
        case .sendLocalList: SendLocalListRequest.self
        case .setChargingProfile: SetChargingProfileRequest.self
        case .triggerMessage: TriggerMessageRequest.self
        case .unlockConnector: UnlockConnectorRequest.self
        case .updateFirmware: UpdateFirmwareRequest.self
        case .certificateSigned: CertificateSignedRequest.self
        case .deleteCertificate: DeleteCertificateRequest.self
        case .extendedTriggerMessage: ExtendedTriggerMessageRequest.self
        case .getInstalledCertificateIds: GetInstalledCertificateIdsRequest.self
        case .getLog: GetLogRequest.self
        case .installCertificate: InstallCertificateRequest.self
        case .logStatusNotification: LogStatusNotificationRequest.self
        case .securityEventNotification: SecurityEventNotificationRequest.self
        case .signCertificate: SignCertificateRequest.self
        case .signedFirmwareStatusNotification: SignedFirmwareStatusNotificationRequest.self
        case .signedUpdateFirmware: SignedUpdateFirmwareRequest.self
        }
    }

    /// The response payload type, for decoding a CALLRESULT generically.
    public var responseType: any OCPPResponse.Type {
        func response<R: OCPPRequest>(of type: R.Type) -> any OCPPResponse.Type { R.Response.self }
        return response(of: requestType)
    }
}

/// The feature profiles of OCPP 1.6 §3.3, plus the security extension.
public enum FeatureProfile: String, CaseIterable, Sendable, Hashable, Codable {
    case core = "Core"
    case firmwareManagement = "FirmwareManagement"
    case localAuthListManagement = "LocalAuthListManagement"
    case reservation = "Reservation"
    case smartCharging = "SmartCharging"
    case remoteTrigger = "RemoteTrigger"
    /// Not a 1.6 feature profile: the security whitepaper's messages, which a station
    /// supports or not as a whole. Never listed in SupportedFeatureProfiles.
    case security = "Security"
}
