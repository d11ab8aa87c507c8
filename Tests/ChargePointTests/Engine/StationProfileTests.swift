import ChargePoint
import ChargePointRuntime
import Foundation
import Testing

/// Station profiles (DESIGN.md "Station profiles"): the shipped ones load and say what
/// the design says; a bad one is refused with the file and the field.
@Suite("Station profiles")
struct StationProfileTests {
    static let assets = AssetLocator.locate()!

    @Test func defaultProfile_hasTwoConnectorsAndEveryFeatureProfile() throws {
        let profile = try StationProfileLoader.load("default", assets: Self.assets)
        #expect(profile.connectors.count == 2)
        #expect(
            profile.connectors[0].type == "Type2" && profile.connectors[0].cable == .socket
                && profile.connectors[0].hasLock)
        #expect(profile.connectors[0].maxPowerW == 22_000 && profile.connectors[0].phases == 3)
        #expect(profile.connectors[1].type == "CCS2" && profile.connectors[1].cable == .fixed)
        #expect(profile.connectors[1].currentType == .dc && profile.connectors[1].maxPowerW == 50_000)
        #expect(profile.featureProfiles == Set(FeatureProfile.allCases))
        let config = try ConfigurationStore(profile: profile)
        #expect(config.value(.chargingScheduleAllowedChargingRateUnit) == "Current,Power")
        #expect(config.supports(.securityProfile) && config.supports(.authorizationKey))
        #expect(
            config.value(.supportedFeatureProfiles)
                == "Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger")
    }

    @Test func jstProfile_reproducesTheCertifiedStation() throws {
        let profile = try StationProfileLoader.load("jst-con-03", assets: Self.assets)
        #expect(profile.identity.vendor == "JS Tech" && profile.identity.model == "JST-CON-03")
        #expect(profile.identity.firmwareVersion == "03.01.01")
        #expect(profile.connectors.count == 1 && profile.connectors[0].cable == .fixed)
        #expect(profile.featureProfiles == [.core])
        let config = try ConfigurationStore(profile: profile)
        let expected: [StandardKey: String] = [
            .supportedFeatureProfiles: "Core", .heartbeatInterval: "20", .meterValueSampleInterval: "10",
            .clockAlignedDataInterval: "10", .connectionTimeOut: "30", .getConfigurationMaxKeys: "1",
            .meterValuesSampledData: "Energy.Active.Export.Register",
            .meterValuesAlignedData: "Energy.Active.Export.Register",
            .stopTxnSampledData: "Energy.Active.Export.Register", .stopTxnAlignedData: "Energy.Active.Export.Register",
            .meterValuesSampledDataMaxLength: "4", .meterValuesAlignedDataMaxLength: "4",
            .stopTxnSampledDataMaxLength: "4", .stopTxnAlignedDataMaxLength: "4", .stopTransactionMaxMeterValues: "4",
            .transactionMessageAttempts: "10", .transactionMessageRetryInterval: "60",
            .stopTransactionOnEVSideDisconnect: "true", .stopTransactionOnInvalidId: "false",
            .unlockConnectorOnEVSideDisconnect: "false", .authorizeRemoteTxRequests: "false",
            .localPreAuthorize: "true", .localAuthorizeOffline: "false", .connectorPhaseRotation: "NotApplicable",
            .resetRetries: "0", .webSocketPingInterval: "5", .numberOfConnectors: "1",
        ]
        for (key, value) in expected { #expect(config.value(key) == value, "\(key.rawValue)") }
        #expect(!config.supports(.localAuthListEnabled))
        #expect(config.entries[.unlockConnectorOnEVSideDisconnect]?.access == .readOnly)
    }

    static let minimal = """
        [identity]
        vendor = "V"
        model = "M"
        [features]
        profiles = ["Core"]
        [[connectors]]
        cable = "socket"
        """

    @Test func minimalProfile_getsTheRequiredKeysWithDefaults() throws {
        let profile = try StationProfileLoader.parse(toml: Self.minimal, name: "minimal")
        let config = try ConfigurationStore(profile: profile)
        #expect(config.value(.heartbeatInterval) == "300")
        #expect(!config.supports(.minimumStatusDuration))
        #expect(profile.queueCapacity == StationProfile.defaultQueueCapacity)
        let small = try StationProfileLoader.parse(toml: Self.minimal + "\n[behaviour]\nqueue-capacity = 20", name: "q")
        #expect(small.queueCapacity == 20)
    }

    @Test(arguments: [
        ("\n[identity]\nvendr = \"x\"", "identity.vendr", "unknown field"),
        ("\n[configuration]\nHeartbeatInterval = -1", "configuration.HeartbeatInterval", "must be from 0"),
        (
            "\n[configuration]\nHeartbeatIntervals = 10", "configuration.HeartbeatIntervals",
            "not a standard configuration key"
        ),
        ("\n[configuration]\nLocalAuthListEnabled = true", "configuration.LocalAuthListEnabled", "does not support"),
        (
            "\n[configuration]\nMeterValuesSampledData = \"RPM\"", "configuration.MeterValuesSampledData",
            "cannot measure RPM"
        ),
        ("\n[[connectors]]\ncable = \"fixed\"\nlock = true", "connectors[2].lock", "no lock"),
        ("\n[[connectors]]\ncurrent = \"AC\"\nphases = 2", "connectors[2].phases", "1 or 3"),
        ("\n[meter]\nmeasurands = [\"Heat\"]", "meter.measurands", "not a measurand"),
        ("\n[behaviour]\npower-loss = \"panic\"", "behaviour.power-loss", "must be one of stop, resume"),
        ("\n[behaviour]\nqueue-capacity = 5", "behaviour.queue-capacity", "must be from 10"),
        ("\nsurprise = 1", "connectors[1].surprise", "unknown field"),
        ("\n[[connectors]]\nmax-current = nan", "connectors[2].max-current", "must be from 1.0 to 1000.0"),
        ("\n[configuration]\nHeartbeatInterval = inf", "configuration.HeartbeatInterval", "a whole number"),
    ])
    func badProfiles_nameTheField(_ addition: String, _ field: String, _ reason: String) {
        var text = Self.minimal + addition
        if addition.contains("[identity]") {
            text = text.replacingOccurrences(of: "[identity]\nvendor = \"V\"\nmodel = \"M\"\n", with: "")
        }
        do {
            _ = try StationProfileLoader.parse(toml: text, name: "bad", file: "bad.toml")
            Issue.record("accepted: \(addition)")
        } catch {
            #expect(error.file == "bad.toml")
            #expect(error.field == field, "\(error)")
            #expect(error.reason.contains(reason), "\(error)")
        }
    }

    /// TOML's own dates and times are read as the text they were written as, so a
    /// date-time works where a string date-time does, and a local one (no offset) is
    /// refused like its string.
    @Test func cardExpiry_aTOMLDateTimeReadsAsItsText() throws {
        let card = try DemoCards.parse(toml: "[[card]]\nid-tag = \"A\"\nexpiry-date = 2026-01-01T00:00:00.5+01:00")
        #expect(card.first?.expiryDate?.rfc3339 == "2025-12-31T23:00:00.500Z")
        do {
            _ = try DemoCards.parse(toml: "[[card]]\nid-tag = \"A\"\nexpiry-date = 2026-01-01T00:00:00", file: "c.toml")
            Issue.record("accepted a date-time without an offset")
        } catch {
            #expect(error.description == "c.toml: card[1].expiry-date: '2026-01-01T00:00:00' is not an RFC 3339 date-time")
        }
    }

    @Test func vendorLongerThanOCPPAllows_isRefused() {
        let text = Self.minimal.replacingOccurrences(
            of: "vendor = \"V\"", with: "vendor = \"A vendor name that is far too long\"")
        #expect(throws: ProfileError.self) { try StationProfileLoader.parse(toml: text, name: "x") }
    }

    @Test func brokenTOML_saysWhichLine() {
        do {
            _ = try StationProfileLoader.parse(toml: "[identity\nvendor = 1", name: "x", file: "broken.toml")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("broken.toml: line 1"), "\(error)")
        }
    }

    @Test func missingProfile_listsTheKnownOnes() {
        do {
            _ = try StationProfileLoader.load("nonexistent", assets: Self.assets)
            Issue.record("accepted")
        } catch {
            #expect(error.reason.contains("default"))
            #expect(error.reason.contains("jst-con-03"))
        }
    }

    @Test func demoCards_coverValidBlockedExpiredAndAFamily() throws {
        let cards = try DemoCards.load(Self.assets.cardsFile)
        #expect(cards.contains { $0.status == .accepted && $0.parentIdTag == nil })
        #expect(cards.contains { $0.status == .blocked })
        #expect(cards.contains { $0.status == .expired })
        let families = Dictionary(grouping: cards.compactMap(\.parentIdTag), by: { $0 })
        #expect(families.values.contains { $0.count >= 2 })
    }
}
