import ChargePoint
import Testing

/// Configuration key names are CiString50Type in GetConfiguration.req/.conf (OCPP 1.6
/// §6.23, §6.24), ChangeConfiguration.req (§6.9) and KeyValue (§7.29), and a CiString
/// "is case insensitive" (§7.17): every spelling of a key is that key. The answers use
/// the specification's spelling (§9), except unknownKey, which lists what was asked.
@Suite("CiString: configuration keys (OCPP 1.6 §7.17)")
struct ConfigurationKeyCaseTests {
    @Test("§5.8, §6.23, §7.17: GetConfiguration of a key in any case answers it in the canonical spelling")
    func getConfiguration_anyCase_isKnown_answeredCanonically() throws {
        var station = try StationHarness.booted()
        let reply = station.csmsRequest(
            GetConfigurationRequest(key: ["heartbeatinterval", "CONNECTIONTIMEOUT", "noSuchKey"]))
        let answer = try #require(reply)
        #expect(
            answer.configurationKey == [
                KeyValue(key: "HeartbeatInterval", readonly: false, value: "300"),
                KeyValue(key: "ConnectionTimeOut", readonly: false, value: "60"),
            ])
        #expect(answer.unknownKey == ["noSuchKey"])
    }

    @Test("§5.3, §6.9, §7.17: ChangeConfiguration of a key in any case changes that key")
    func changeConfiguration_anyCase_isAccepted_andTakesEffect() throws {
        var station = try StationHarness.booted()
        #expect(
            station.csmsRequest(ChangeConfigurationRequest(key: "heartbeatinterval", value: "123"))?.status
                == .accepted)
        let answer = station.csmsRequest(GetConfigurationRequest(key: ["HeartbeatInterval"]))
        #expect(answer?.configurationKey == [KeyValue(key: "HeartbeatInterval", readonly: false, value: "123")])
        #expect(station.store.configuration["HeartbeatInterval"] == "123")
        #expect(
            station.csmsRequest(ChangeConfigurationRequest(key: "numberofconnectors", value: "3"))?.status
                == .rejected)
        #expect(
            station.csmsRequest(ChangeConfigurationRequest(key: "nosuchkey", value: "1"))?.status == .notSupported)
    }

    @Test("§7.17: a key changed in another spelling is still there after a power cut")
    func changeConfiguration_anyCase_survivesPowerCut() throws {
        var station = try StationHarness.booted()
        _ = station.csmsRequest(ChangeConfigurationRequest(key: "CONNECTIONTIMEOUT", value: "42"))
        try station.powerCut()
        let answer = station.csmsRequest(GetConfigurationRequest(key: ["ConnectionTimeOut"]))
        #expect(answer?.configurationKey?.first?.value == "42")
    }

    @Test("§7.17, OCPP-J §6.2.2: the write-only AuthorizationKey stays masked in any spelling")
    func authorizationKey_anyCase_isAccepted_andMasked() throws {
        var station = try StationHarness.booted(profile: TestProfiles.everything)
        let secret = "0123456789abcdef0123456789abcdef"
        station.clearHistory()
        #expect(station.changeConfiguration("authorizationkey", to: CiString500(secret)!) == .accepted)
        #expect(station.core.authorizationKey == secret)
        let answer = station.csmsRequest(GetConfigurationRequest(key: ["AUTHORIZATIONKEY"]))
        #expect(answer?.configurationKey == [KeyValue(key: "AuthorizationKey", readonly: false, value: nil)])
        station.command(.configSet(key: "AuthorizationKEY", value: "fedcba9876543210fedcba9876543210"))
        let shown = station.events.map { "\($0)" }.joined()
        #expect(!shown.contains(secret))
        #expect(!shown.contains("fedcba9876543210fedcba9876543210"))
        #expect(station.core.authorizationKey == "fedcba9876543210fedcba9876543210")
        // A JSON escape spells the same key (RFC 8259 §7); the frame shown is masked too.
        station.receive(
            #"[2,"raw-1","ChangeConfiguration",{"key":"\u0061uthorizationkey","value":"aaaabbbbccccddddeeeeffff00001111"}]"#)
        #expect(station.core.authorizationKey == "aaaabbbbccccddddeeeeffff00001111")
        #expect(!station.events.map { "\($0)" }.joined().contains("aaaabbbbccccddddeeeeffff00001111"))
    }

    @Test("§7.17: the operator's config get and config set take any spelling and show the canonical one")
    func operatorConfig_anyCase() throws {
        var station = try StationHarness.booted()
        station.command(.configSet(key: "heartbeatinterval", value: "45"))
        #expect(station.errors.isEmpty)
        #expect(station.notices.last == "HeartbeatInterval = 45")
        station.command(.configGet(keys: ["HEARTBEATINTERVAL", "nosuchkey"]))
        guard case .configuration(let entries) = station.events.last else {
            Issue.record("no configuration event")
            return
        }
        #expect(entries.map(\.key) == ["HeartbeatInterval", "nosuchkey"])
        #expect(entries.map(\.value) == ["45", nil])
        #expect(entries.map(\.isKnown) == [true, false])
    }

    @Test("§7.17: a profile may spell a key in any case; two spellings of one key are refused")
    func profileKeys_anyCase() throws {
        var profile = TestProfiles.twoConnectors
        profile.configuration["ConnectionTimeOut"] = nil
        profile.configuration["connectionTIMEOUT"] = "77"
        profile.readOnlyKeys = ["authorizeREMOTEtxrequests"]
        var station = try StationHarness.booted(profile: profile)
        let answer = station.csmsRequest(
            GetConfigurationRequest(key: ["ConnectionTimeOut", "AuthorizeRemoteTxRequests"]))
        #expect(
            answer?.configurationKey == [
                KeyValue(key: "ConnectionTimeOut", readonly: false, value: "77"),
                KeyValue(key: "AuthorizeRemoteTxRequests", readonly: true, value: "false"),
            ])

        profile.configuration["ConnectionTimeOut"] = "78"
        #expect(throws: ProfileError.self) { try ConfigurationStore(profile: profile) }
    }
}
