import ChargePoint
import Testing

/// GetConfiguration and ChangeConfiguration (OCPP 1.6 §5.3, §5.8, §3.16.4;
/// OCTT TC_019, TC_021, TC_040).
@Suite("Configuration")
struct ConfigurationTests {
    @Test func getConfiguration_withoutKeys_listsEverySupportedKey() throws {
        var station = try StationHarness.booted(profile: TestProfiles.everything)
        let answerReply = station.csmsRequest(GetConfigurationRequest())
        let answer = try #require(answerReply)
        let keys = answer.configurationKey?.map(\.key.value) ?? []
        #expect(keys.contains("HeartbeatInterval"))
        #expect(keys.contains("SupportedFeatureProfiles"))
        #expect(!keys.contains("AuthorizationKey"))
        #expect(answer.unknownKey == nil)
        let profiles = answer.configurationKey?.first { $0.key == "SupportedFeatureProfiles" }
        #expect(profiles?.readonly == true)
        #expect(
            profiles?.value == "Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger"
        )
    }

    @Test func getConfiguration_reportsUnknownKeys() throws {
        var station = try StationHarness.booted()
        let answerReply = station.csmsRequest(GetConfigurationRequest(key: ["HeartbeatInterval", "NoSuchKey"]))
        let answer = try #require(answerReply)
        #expect(answer.configurationKey == [KeyValue(key: "HeartbeatInterval", readonly: false, value: "300")])
        #expect(answer.unknownKey == ["NoSuchKey"])
    }

    @Test func getConfiguration_answersAtMostGetConfigurationMaxKeys() throws {
        var station = try StationHarness.booted(configuration: ["GetConfigurationMaxKeys": "1"])
        let reply = station.csmsRequest(GetConfigurationRequest(key: ["HeartbeatInterval", "ConnectionTimeOut"]))
        let answer = try #require(reply)
        #expect(answer.configurationKey?.map(\.key.value) == ["HeartbeatInterval"])
    }

    @Test func changeConfiguration_accepted_takesEffectAtOnce() throws {
        var station = try StationHarness.booted()
        #expect(
            station.csmsRequest(ChangeConfigurationRequest(key: "HeartbeatInterval", value: "15"))?.status == .accepted)
        station.expectSent(.heartbeat, count: 1, afterAdvancing: 15)
        let answer = station.csmsRequest(GetConfigurationRequest(key: ["HeartbeatInterval"]))
        #expect(answer?.configurationKey?.first?.value == "15")
    }

    @Test(arguments: [
        ("HeartbeatInterval", "soon", ConfigurationStatus.rejected),
        ("HeartbeatInterval", "-5", .rejected),
        ("LocalPreAuthorize", "yes", .rejected),
        ("NumberOfConnectors", "4", .rejected),
        ("MeterValuesSampledData", "Energy.Active.Import.Register,RPM", .rejected),
        ("MeterValuesSampledData", "Not.A.Measurand", .rejected),
        ("ThisKeyDoesNotExist", "1", .notSupported),
        ("LocalAuthListEnabled", "true", .notSupported),
        ("MeterValuesSampledData", "Energy.Active.Import.Register,Voltage", .accepted),
        ("LocalPreAuthorize", "TRUE", .accepted),
    ])
    func changeConfiguration_rules(_ key: String, _ value: String, _ expected: ConfigurationStatus) throws {
        var station = try StationHarness.booted()
        let request = ChangeConfigurationRequest(key: CiString50(key)!, value: CiString500(value)!)
        #expect(station.csmsRequest(request)?.status == expected)
    }

    @Test func rejectedChange_changesNothing() throws {
        var station = try StationHarness.booted()
        _ = station.csmsRequest(ChangeConfigurationRequest(key: "MeterValuesSampledData", value: "RPM"))
        let answer = station.csmsRequest(GetConfigurationRequest(key: ["MeterValuesSampledData"]))
        #expect(answer?.configurationKey?.first?.value == "Energy.Active.Import.Register")
    }

    @Test func changes_arePersisted() throws {
        var station = try StationHarness.booted()
        _ = station.csmsRequest(ChangeConfigurationRequest(key: "ConnectionTimeOut", value: "42"))
        try station.powerCut()
        let answer = station.csmsRequest(GetConfigurationRequest(key: ["ConnectionTimeOut"]))
        #expect(answer?.configurationKey?.first?.value == "42")
    }

    @Test func authorizationKey_isWriteOnly_masked_andReconnects() throws {
        // Profile 1 (a ws:// link with a key the central system raised it with, A05).
        var station = try StationHarness.booted(
            profile: TestProfiles.everything,
            configuration: ["AuthorizationKey": "00112233445566778899aabbccddeeff", "SecurityProfile": "1"])
        let secret = "0123456789abcdef0123456789abcdef"
        station.clearHistory()
        #expect(station.changeConfiguration("AuthorizationKey", to: CiString500(secret)!) == .accepted)
        let answer = station.csmsRequest(GetConfigurationRequest(key: ["AuthorizationKey"]))
        #expect(answer?.configurationKey?.first?.value == nil)
        #expect(station.core.authorizationKey == secret)
        // The events (screen, log, headless) never carry it.
        let shown = station.events.map { "\($0)" }.joined()
        #expect(!shown.contains(secret))
        #expect(shown.contains("********"))
        // Whitepaper A01: the station reconnects with the new password.
        #expect(station.linkRequests.contains(.disconnect(reason: "new credentials")))
        // Whitepaper A00.FR.205: 16 to 20 bytes in hexadecimal digits.
        for value in [
            "short", "0123456789abcdef0123456789abcdeg", "0123456789abcdef0123456789abcde",
            String(repeating: "ab", count: 21),
        ] {
            #expect(
                station.csmsRequest(ChangeConfigurationRequest(key: "AuthorizationKey", value: CiString500(value)!))?
                    .status == .rejected, "\(value)")
        }
        #expect(
            station.csmsRequest(
                ChangeConfigurationRequest(
                    key: "AuthorizationKey", value: CiString500(String(repeating: "AB", count: 20))!)
            )?.status == .accepted)
    }

    @Test("A05: at profile 0 an AuthorizationKey is stored, with no reconnection and no Basic auth")
    func authorizationKey_atProfileZero_isOnlyStored() throws {
        var station = try StationHarness.booted(profile: TestProfiles.everything)
        let plans = station.linkPlans.count
        #expect(station.changeConfiguration("AuthorizationKey", to: "0123456789abcdef0123456789abcdef") == .accepted)
        #expect(station.core.authorizationKey == "0123456789abcdef0123456789abcdef")
        #expect(!station.linkRequests.contains(.disconnect(reason: "new credentials")))
        #expect(station.linkPlans.count == plans)
        #expect(station.core.securityProfile == 0)
        #expect(station.store.securityLog.contains { $0.kind == .reconfigurationOfSecurityParameters })
    }

    @Test func securityProfile_canOnlyBeRaised_withItsPrerequisites() throws {
        var station = try StationHarness.booted(profile: TestProfiles.everything)
        #expect(
            station.csmsRequest(ChangeConfigurationRequest(key: "SecurityProfile", value: "1"))?.status == .rejected)
        _ = station.csmsRequest(
            ChangeConfigurationRequest(key: "AuthorizationKey", value: "0123456789abcdef0123456789abcdef"))
        // A05: the key alone changes no profile, and makes the raise to 1 possible (A05.FR.02).
        let profile = station.csmsRequest(GetConfigurationRequest(key: ["SecurityProfile"]))
        #expect(profile?.configurationKey?.first?.value?.value == "0")
        #expect(
            station.csmsRequest(ChangeConfigurationRequest(key: "SecurityProfile", value: "1"))?.status == .accepted)
        #expect(
            station.csmsRequest(ChangeConfigurationRequest(key: "SecurityProfile", value: "0"))?.status == .rejected)
        // A05: the same profile again is no raise; an emptied key would drop below it.
        #expect(
            station.csmsRequest(ChangeConfigurationRequest(key: "SecurityProfile", value: "1"))?.status == .rejected)
        #expect(
            station.csmsRequest(ChangeConfigurationRequest(key: "AuthorizationKey", value: ""))?.status == .rejected)
    }

    @Test func operatorConfigSet_followsTheSameRules() throws {
        var station = try StationHarness.booted()
        station.command(.configSet(key: "NumberOfConnectors", value: "3"))
        #expect(station.errors.last?.contains("read-only") == true)
        station.command(.configSet(key: "HeartbeatInterval", value: "30"))
        station.command(.configGet(keys: ["HeartbeatInterval"]))
        guard case .configuration(let entries) = station.events.last else {
            Issue.record("no configuration event")
            return
        }
        #expect(entries.first?.value == "30")
    }
}
