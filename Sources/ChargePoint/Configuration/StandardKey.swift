/// Every standard configuration key of OCPP 1.6 (§9, with errata 3.83, 3.90, 3.91) and
/// of the security extension (whitepaper §7).
public enum StandardKey: String, CaseIterable, Sendable, Hashable {
    // Core (OCPP 1.6 §9.1)
    case allowOfflineTxForUnknownId = "AllowOfflineTxForUnknownId"
    case authorizationCacheEnabled = "AuthorizationCacheEnabled"
    case authorizeRemoteTxRequests = "AuthorizeRemoteTxRequests"
    case blinkRepeat = "BlinkRepeat"
    case clockAlignedDataInterval = "ClockAlignedDataInterval"
    case connectionTimeOut = "ConnectionTimeOut"
    case connectorPhaseRotation = "ConnectorPhaseRotation"
    case connectorPhaseRotationMaxLength = "ConnectorPhaseRotationMaxLength"
    case getConfigurationMaxKeys = "GetConfigurationMaxKeys"
    case heartbeatInterval = "HeartbeatInterval"
    case lightIntensity = "LightIntensity"
    case localAuthorizeOffline = "LocalAuthorizeOffline"
    case localPreAuthorize = "LocalPreAuthorize"
    case maxEnergyOnInvalidId = "MaxEnergyOnInvalidId"
    case messageTimeout = "MessageTimeout"
    case meterValuesAlignedData = "MeterValuesAlignedData"
    case meterValuesAlignedDataMaxLength = "MeterValuesAlignedDataMaxLength"
    case meterValuesSampledData = "MeterValuesSampledData"
    case meterValuesSampledDataMaxLength = "MeterValuesSampledDataMaxLength"
    case meterValueSampleInterval = "MeterValueSampleInterval"
    case minimumStatusDuration = "MinimumStatusDuration"
    case numberOfConnectors = "NumberOfConnectors"
    case resetRetries = "ResetRetries"
    case stopTransactionOnEVSideDisconnect = "StopTransactionOnEVSideDisconnect"
    case stopTransactionOnInvalidId = "StopTransactionOnInvalidId"
    case stopTransactionMaxMeterValues = "StopTransactionMaxMeterValues"
    case stopTxnAlignedData = "StopTxnAlignedData"
    case stopTxnAlignedDataMaxLength = "StopTxnAlignedDataMaxLength"
    case stopTxnSampledData = "StopTxnSampledData"
    case stopTxnSampledDataMaxLength = "StopTxnSampledDataMaxLength"
    case supportedFeatureProfiles = "SupportedFeatureProfiles"
    case supportedFeatureProfilesMaxLength = "SupportedFeatureProfilesMaxLength"
    case transactionMessageAttempts = "TransactionMessageAttempts"
    case transactionMessageRetryInterval = "TransactionMessageRetryInterval"
    case unlockConnectorOnEVSideDisconnect = "UnlockConnectorOnEVSideDisconnect"
    case webSocketPingInterval = "WebSocketPingInterval"
    // Local Auth List Management (§9.2)
    case localAuthListEnabled = "LocalAuthListEnabled"
    case localAuthListMaxLength = "LocalAuthListMaxLength"
    case sendLocalListMaxLength = "SendLocalListMaxLength"
    // Reservation (§9.3)
    case reserveConnectorZeroSupported = "ReserveConnectorZeroSupported"
    // Smart Charging (§9.4)
    case chargeProfileMaxStackLevel = "ChargeProfileMaxStackLevel"
    case chargingScheduleAllowedChargingRateUnit = "ChargingScheduleAllowedChargingRateUnit"
    case chargingScheduleMaxPeriods = "ChargingScheduleMaxPeriods"
    case connectorSwitch3to1PhaseSupported = "ConnectorSwitch3to1PhaseSupported"
    case maxChargingProfilesInstalled = "MaxChargingProfilesInstalled"
    // Firmware Management (errata 3.90)
    case supportedFileTransferProtocols = "SupportedFileTransferProtocols"
    // Security extension (whitepaper §7)
    case additionalRootCertificateCheck = "AdditionalRootCertificateCheck"
    case authorizationKey = "AuthorizationKey"
    case certificateSignedMaxChainSize = "CertificateSignedMaxChainSize"
    case certificateStoreMaxLength = "CertificateStoreMaxLength"
    case cpoName = "CpoName"
    case securityProfile = "SecurityProfile"

    /// The key a name denotes, in any spelling: key names are CiString50Type
    /// (GetConfiguration.req §6.23, ChangeConfiguration.req §6.9, KeyValue §7.29), and a
    /// CiString is case insensitive (OCPP 1.6 §7.17). `rawValue` is the canonical
    /// spelling (§9) that every answer uses.
    public init?(name: String) {
        guard let key = Self.byFoldedName[CaseInsensitive.fold(name)] else { return nil }
        self = key
    }

    private static let byFoldedName: [String: StandardKey] = Dictionary(
        uniqueKeysWithValues: allCases.map { (CaseInsensitive.fold($0.rawValue), $0) })
}
