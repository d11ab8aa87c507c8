extension StandardKey {
    /// The specification's definition of this key.
    public var definition: ConfigurationKeyDefinition {
        switch self {
        // MARK: Core, OCPP 1.6 §9.1
        case .allowOfflineTxForUnknownId:
            define(.core, .boolean, .readWrite, "false", "Start transactions for unknown idTags while offline (§3.5.4)")
        case .authorizationCacheEnabled:
            define(.core, .boolean, .readWrite, "true", "Keep an authorization cache of idTags (§3.5.1)")
        case .authorizeRemoteTxRequests:
            define(
                .core, .boolean, .readWrite, "false", "Authorize RemoteStartTransaction idTags like local ones (§5.11)",
                required: true, choice: true)
        case .blinkRepeat:
            define(.core, .integer(0...1000), .readWrite, "3", "Times to blink the station's lights when signalling")
        case .clockAlignedDataInterval:
            define(
                .core, .integer(0...86_400), .readWrite, "0",
                "Seconds between clock-aligned meter values, from midnight; 0 disables (§3.16.2)", required: true)
        case .connectionTimeOut:
            define(
                .core, .integer(0...86_400), .readWrite, "60",
                "Seconds from Preparing until an unused session is cancelled", required: true)
        case .connectorPhaseRotation:
            define(
                .core, .list(.phaseRotation, maxLengthKey: .connectorPhaseRotationMaxLength), .readWrite,
                "NotApplicable", "Phase rotation per connector, e.g. 1.RST, 2.RST (§9.1.7)", required: true)
        case .connectorPhaseRotationMaxLength:
            define(.core, .integer(1...100), .readOnly, "4", "Items allowed in ConnectorPhaseRotation")
        case .getConfigurationMaxKeys:
            define(
                .core, .integer(1...1000), .readOnly, "50", "Keys a GetConfiguration.req may ask for", required: true)
        case .heartbeatInterval:
            define(
                .core, .integer(0...86_400), .readWrite, "300",
                "Seconds of silence before a Heartbeat.req", required: true)
        case .lightIntensity:
            define(.core, .integer(0...100), .readWrite, "100", "Percentage of the lights' maximum intensity")
        case .localAuthorizeOffline:
            define(
                .core, .boolean, .readWrite, "true",
                "Offline, start transactions for locally authorized idTags", required: true)
        case .localPreAuthorize:
            define(
                .core, .boolean, .readWrite, "false",
                "Online, start for locally authorized idTags without asking the central system", required: true)
        case .maxEnergyOnInvalidId:
            define(
                .core, .integer(0...1_000_000), .readWrite, "0",
                "Wh still delivered after an idTag is invalidated during a transaction")
        case .messageTimeout:
            define(
                .core, .integer(1...3600), .readWrite, "30",
                "Seconds to wait for a response before a request times out (errata 3.83)")
        case .meterValuesAlignedData:
            define(
                .core, .list(.measurand, maxLengthKey: .meterValuesAlignedDataMaxLength), .readWrite,
                "Energy.Active.Import.Register", "Measurands of clock-aligned MeterValues", required: true)
        case .meterValuesAlignedDataMaxLength:
            define(.core, .integer(1...100), .readOnly, "8", "Items allowed in MeterValuesAlignedData")
        case .meterValuesSampledData:
            define(
                .core, .list(.measurand, maxLengthKey: .meterValuesSampledDataMaxLength), .readWrite,
                "Energy.Active.Import.Register", "Measurands of sampled MeterValues", required: true)
        case .meterValuesSampledDataMaxLength:
            define(.core, .integer(1...100), .readOnly, "8", "Items allowed in MeterValuesSampledData")
        case .meterValueSampleInterval:
            define(
                .core, .integer(0...86_400), .readWrite, "60",
                "Seconds between sampled meter values during a transaction; 0 disables", required: true)
        case .minimumStatusDuration:
            define(
                .core, .integer(0...3600), .readWrite, "0",
                "Seconds a status must last before it is reported")
        case .numberOfConnectors:
            define(.core, .integer(1...100), .readOnly, "1", "Physical charging connectors", required: true)
        case .resetRetries:
            define(.core, .integer(0...100), .readWrite, "0", "Times to retry an unsuccessful reset", required: true)
        case .stopTransactionOnEVSideDisconnect:
            define(
                .core, .boolean, .readWrite, "true",
                "Stop the transaction when the cable is unplugged at the EV (errata 3.80)", choice: true)
        case .stopTransactionOnInvalidId:
            define(
                .core, .boolean, .readWrite, "true",
                "Stop a transaction whose idTag the central system rejects", required: true)
        case .stopTransactionMaxMeterValues:
            define(
                .core, .integer(2...10_000), .readOnly, "100",
                "Meter values a StopTransaction.req carries at most (errata 3.91)")
        case .stopTxnAlignedData:
            define(
                .core, .list(.measurand, maxLengthKey: .stopTxnAlignedDataMaxLength), .readWrite, "",
                "Clock-aligned measurands in StopTransaction.req transactionData", required: true)
        case .stopTxnAlignedDataMaxLength:
            define(.core, .integer(1...100), .readOnly, "8", "Items allowed in StopTxnAlignedData")
        case .stopTxnSampledData:
            define(
                .core, .list(.measurand, maxLengthKey: .stopTxnSampledDataMaxLength), .readWrite, "",
                "Sampled measurands in StopTransaction.req transactionData", required: true)
        case .stopTxnSampledDataMaxLength:
            define(.core, .integer(1...100), .readOnly, "8", "Items allowed in StopTxnSampledData")
        case .supportedFeatureProfiles:
            define(
                .core, .list(.featureProfile, maxLengthKey: .supportedFeatureProfilesMaxLength), .readOnly, "Core",
                "Feature profiles this station supports", required: true)
        case .supportedFeatureProfilesMaxLength:
            define(.core, .integer(1...6), .readOnly, "6", "Items allowed in SupportedFeatureProfiles")
        case .transactionMessageAttempts:
            define(
                .core, .integer(1...100), .readWrite, "3",
                "Attempts to deliver a transaction message the central system fails to process (§3.7.1)",
                required: true)
        case .transactionMessageRetryInterval:
            define(
                .core, .integer(0...86_400), .readWrite, "60",
                "Seconds between those attempts, times the attempts so far", required: true)
        case .unlockConnectorOnEVSideDisconnect:
            define(
                .core, .boolean, .readWrite, "true",
                "Unlock the socket when the cable is unplugged at the EV (errata 3.84)", required: true,
                choice: true)
        case .webSocketPingInterval:
            define(.core, .integer(0...86_400), .readWrite, "60", "Seconds between WebSocket pings; 0 disables")
        // MARK: Local Auth List Management, §9.2
        case .localAuthListEnabled:
            define(
                .localAuthListManagement, .boolean, .readWrite, "true", "Use the local authorization list",
                required: true)
        case .localAuthListMaxLength:
            define(
                .localAuthListManagement, .integer(1...100_000), .readOnly, "1000",
                "Entries the local authorization list holds", required: true)
        case .sendLocalListMaxLength:
            define(
                .localAuthListManagement, .integer(1...100_000), .readOnly, "100",
                "Entries one SendLocalList.req may carry", required: true)
        // MARK: Reservation, §9.3
        case .reserveConnectorZeroSupported:
            define(.reservation, .boolean, .readOnly, "true", "Reservations of the whole station (connector 0)")
        // MARK: Smart Charging, §9.4
        case .chargeProfileMaxStackLevel:
            define(
                .smartCharging, .integer(0...100), .readOnly, "8", "Highest stack level of a charging profile",
                required: true)
        case .chargingScheduleAllowedChargingRateUnit:
            define(
                .smartCharging, .list(.chargingRateUnit, maxLengthKey: nil), .readOnly, "Current,Power",
                "Units a charging schedule may use (errata 3.88)", required: true)
        case .chargingScheduleMaxPeriods:
            define(
                .smartCharging, .integer(1...1000), .readOnly, "24", "Periods per charging schedule",
                required: true)
        case .connectorSwitch3to1PhaseSupported:
            define(.smartCharging, .boolean, .readOnly, "false", "Switching from 3 to 1 phase during a transaction")
        case .maxChargingProfilesInstalled:
            define(
                .smartCharging, .integer(1...1000), .readOnly, "16", "Charging profiles installed at a time",
                required: true)
        // MARK: Firmware Management, errata 3.90
        case .supportedFileTransferProtocols:
            define(
                .firmwareManagement, .list(.fileTransferProtocol, maxLengthKey: nil), .readOnly, "FTP,HTTP,HTTPS",
                "File transfer protocols for firmware and diagnostics")
        // MARK: Security extension, whitepaper §7
        case .additionalRootCertificateCheck:
            define(.security, .boolean, .readOnly, "false", "Only one central system root certificate at a time")
        case .authorizationKey:
            define(
                .security, .hexBinary(bytes: 16...20), .writeOnly, "",
                "HTTP Basic auth password (security profiles 1 and 2): 16 to 20 bytes in hex")
        case .certificateSignedMaxChainSize:
            define(.security, .integer(1...10_000), .readOnly, "10000", "Characters of a CertificateSigned chain")
        case .certificateStoreMaxLength:
            define(.security, .integer(1...100), .readOnly, "10", "Root certificates the station can hold")
        case .cpoName:
            define(
                .security, .string(minLength: 0, maxLength: 100), .readWrite, "",
                "CPO name used in the station's certificate signing request")
        case .securityProfile:
            define(
                .security, .integer(0...3), .readWrite, "0",
                "Security profile in use; can only be raised (whitepaper §7.6)")
        }
    }

    private func define(
        _ profile: FeatureProfile, _ type: ConfigurationKeyDefinition.ValueType,
        _ access: ConfigurationKeyDefinition.Access, _ defaultValue: String, _ summary: String,
        required: Bool = false, choice: Bool = false, reboot: Bool = false
    ) -> ConfigurationKeyDefinition {
        ConfigurationKeyDefinition(
            key: self, profile: profile, type: type, access: access, required: required,
            accessIsImplementationChoice: choice, rebootRequired: reboot, defaultValue: defaultValue,
            summary: summary)
    }
}
