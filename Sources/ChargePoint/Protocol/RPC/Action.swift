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

    public var initiator: Initiator { OperationRegistry.entry(self).initiator }

    /// The feature profile the action belongs to (OCPP 1.6 §3.3); the security
    /// extension's actions form a profile of their own for this purpose.
    public var featureProfile: FeatureProfile { OperationRegistry.entry(self).featureProfile }

    /// The request payload type, for decoding a CALL generically.
    public var requestType: any OCPPRequest.Type { OperationRegistry.entry(self).requestType }

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
