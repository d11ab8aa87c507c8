import ChargePoint

/// Station profiles for tests, built in code so that a test states what it relies on.
enum TestProfiles {
    static let coreConfiguration: [String: String] = [
        "AuthorizeRemoteTxRequests": "false", "ClockAlignedDataInterval": "0", "ConnectionTimeOut": "60",
        "ConnectorPhaseRotation": "NotApplicable", "GetConfigurationMaxKeys": "20", "HeartbeatInterval": "300",
        "LocalAuthorizeOffline": "true", "LocalPreAuthorize": "false",
        "MeterValuesAlignedData": "Energy.Active.Import.Register",
        "MeterValuesSampledData": "Energy.Active.Import.Register", "MeterValueSampleInterval": "0", "ResetRetries": "0",
        "StopTransactionOnEVSideDisconnect": "true", "StopTransactionOnInvalidId": "true", "StopTxnAlignedData": "",
        "StopTxnSampledData": "", "TransactionMessageAttempts": "3", "TransactionMessageRetryInterval": "60",
        "UnlockConnectorOnEVSideDisconnect": "true", "AuthorizationCacheEnabled": "true",
        "AllowOfflineTxForUnknownId": "false", "MinimumStatusDuration": "0", "MessageTimeout": "30",
        "StopTransactionMaxMeterValues": "10",
    ]

    static let socket = ConnectorHardware(
        id: 1, type: "Type2", cable: .socket, hasLock: true, currentType: .ac, phases: 3, voltage: 230, maxCurrent: 32,
        maxPowerW: 22_000)
    static let fixedDC = ConnectorHardware(
        id: 2, type: "CCS2", cable: .fixed, hasLock: false, currentType: .dc, phases: 1, voltage: 400, maxCurrent: 125,
        maxPowerW: 50_000)

    static let allMeasurands: [Measurand] = [
        .energyActiveImportRegister, .energyActiveImportInterval, .energyActiveExportRegister, .powerActiveImport,
        .powerOffered, .currentImport, .currentOffered, .voltage, .frequency, .temperature, .soc,
    ]

    /// Two connectors (Type 2 socket with lock, CCS fixed cable), Core only.
    static let twoConnectors = StationProfile(
        name: "test-two",
        identity: StationIdentity(
            vendor: "TestVendor", model: "TestModel", serialNumber: "SN-1",
            firmwareVersion: "1.0"),
        connectors: [socket, fixedDC], featureProfiles: [.core], configuration: coreConfiguration,
        measurands: allMeasurands)

    /// One Type 2 socket, Core only.
    static let oneSocket = StationProfile(
        name: "test-one", identity: StationIdentity(vendor: "TestVendor", model: "TestModel"), connectors: [socket],
        featureProfiles: [.core], configuration: coreConfiguration, measurands: allMeasurands)

    /// One fixed AC cable, Core only.
    static let oneFixedCable = StationProfile(
        name: "test-fixed", identity: StationIdentity(vendor: "TestVendor", model: "TestModel"),
        connectors: [
            ConnectorHardware(
                id: 1, type: "Type2", cable: .fixed, hasLock: false, currentType: .ac, phases: 1, voltage: 230,
                maxCurrent: 32, maxPowerW: 7400)
        ],
        featureProfiles: [.core], configuration: coreConfiguration, measurands: allMeasurands)

    /// Every feature profile.
    static var everything: StationProfile {
        var profile = twoConnectors
        profile.name = "test-all"
        profile.featureProfiles = Set(FeatureProfile.allCases)
        profile.configuration.merge([
            "LocalAuthListEnabled": "true", "LocalAuthListMaxLength": "10", "SendLocalListMaxLength": "5",
            "ReserveConnectorZeroSupported": "true", "ChargeProfileMaxStackLevel": "8",
            "ChargingScheduleAllowedChargingRateUnit": "Current,Power", "ChargingScheduleMaxPeriods": "10",
            "MaxChargingProfilesInstalled": "5", "AuthorizationKey": "", "SecurityProfile": "0",
        ]) { $1 }
        return profile
    }
}
