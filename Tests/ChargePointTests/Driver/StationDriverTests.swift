import ChargePoint
import Testing

/// The one driver loop (StationDriver): the order of effects, the credentials the link
/// opens with, power cuts with the link up or down, and a store that fails.
@Suite("Station driver")
struct StationDriverTests {
    /// A link that records what the driver asks of it.
    struct RecordingLink: LinkTransport {
        enum Call: Equatable {
            case send(String)
            case connect(password: BasicAuthPassword?)
            case disconnect
            case abort
        }
        var calls: [Call] = []
        var open = false

        mutating func send(_ frame: String) { calls.append(.send(frame)) }
        mutating func connect(_ plan: LinkPlan) { calls.append(.connect(password: plan.password)) }
        mutating func disconnect(reason: String) { calls.append(.disconnect) }
        mutating func abort() -> Bool {
            calls.append(.abort)
            return open
        }

        var sentFrames: [String] {
            calls.compactMap { call in
                guard case .send(let text) = call else { return nil }
                return text
            }
        }

        var sentActions: [String] {
            calls.compactMap { call in
                guard case .send(let text) = call, case .success(.call(let frame)) = Frame.parse(text) else {
                    return nil
                }
                return frame.action
            }
        }
    }

    /// A store in memory that can be made to fail.
    final class Store: StationStore, @unchecked Sendable {
        var state = DurableState()
        var failing = false
        var batches = 0

        func load() throws -> DurableState { state }
        func apply(_ changes: [StoreChange]) throws {
            struct DiskFull: Error, CustomStringConvertible { var description: String { "disk full" } }
            if failing { throw DiskFull() }
            batches += 1
            for change in changes { state.apply(change) }
        }
    }

    static let start = Timestamp(rfc3339: "2026-11-24T10:00:00.000Z")!

    static func driver(password: String? = nil, durable: DurableState = DurableState()) throws -> StationDriver {
        let core = try StationCore(
            profile: TestProfiles.twoConnectors, durable: durable, now: start, ids: .sequential(prefix: "d-"),
            seed: 1)
        return StationDriver(core: core, password: password)
    }

    /// Boots the station: power on, link up, BootNotification accepted.
    static func boot(_ driver: inout StationDriver, _ link: inout RecordingLink, _ store: Store) {
        _ = driver.handle(.powerOn, at: start, link: &link, store: store)
        link.open = true
        _ = driver.handle(.linkUp(), at: start, link: &link, store: store)
        let boot = #"[3,"d-1",{"status":"Accepted","currentTime":"2026-11-24T10:00:00.000Z","interval":300}]"#
        _ = driver.handle(.received(boot), at: start, link: &link, store: store)
    }

    /// Boots the station, then forgets the link calls of the boot: what the test records is its own.
    static func bootAndClearLinkCalls(_ driver: inout StationDriver, _ link: inout RecordingLink, _ store: Store) {
        boot(&driver, &link, store)
        link.calls.removeAll()
    }

    @Test func powerOn_persistsFirst_thenAsksForTheLink_andPublishesEvents() throws {
        var driver = try Self.driver()
        var link = RecordingLink()
        let store = Store()
        let events = driver.handle(.powerOn, at: Self.start, link: &link, store: store)
        #expect(link.calls == [.connect(password: nil)])
        #expect(store.batches == 1)
        #expect(events.contains { if case .connection(.connecting, _) = $0 { true } else { false } })
        #expect(driver.nextWakeUp == nil || driver.nextWakeUp! >= Self.start)
    }

    @Test func credentials_arePasswordUntilTheCentralSystemSetsAnAuthorizationKey_whitepaperA01() throws {
        var durable = DurableState()
        durable.configuration["AuthorizationKey"] = "00112233445566778899AABBCCDDEEFF"
        // A key stored before this start does not override --password.
        var withKey = try StationDriver(
            core: StationCore(profile: TestProfiles.everything, durable: durable, now: Self.start), password: "secret")
        #expect(withKey.password == BasicAuthPassword(typed: "secret"))
        // Without --password, the stored key is the password.
        let keyOnly = try StationDriver(
            core: StationCore(profile: TestProfiles.everything, durable: durable, now: Self.start), password: nil)
        #expect(keyOnly.password == BasicAuthPassword(authorizationKey: "00112233445566778899AABBCCDDEEFF"))
        // The central system sets a new key: it wins from the next connection on.
        var link = RecordingLink()
        let store = Store()
        Self.boot(&withKey, &link, store)
        let change =
            #"[2,"cs-1","ChangeConfiguration",{"key":"AuthorizationKey","value":"FFEEDDCCBBAA99887766554433221100"}]"#
        _ = withKey.handle(.received(change), at: Self.start, link: &link, store: store)
        let newKey = BasicAuthPassword(authorizationKey: "FFEEDDCCBBAA99887766554433221100")
        #expect(withKey.password == newKey)
        #expect(link.calls.contains(.disconnect))
        _ = withKey.handle(.linkDown(reason: "closed"), at: Self.start, link: &link, store: store)
        #expect(link.calls.last == .connect(password: newKey))
    }

    @Test(
        "A00.FR.205, OCTT TC_073/TC_085: an AuthorizationKey is sent as the bytes its hex digits stand for; --password as typed"
    )
    func authorizationKey_isSentAsItsDecodedBytes_aTypedPasswordAsTyped() throws {
        var durable = DurableState()
        durable.configuration["AuthorizationKey"] = "4F43415F4F4354545F61646D696E5F74657374"
        let keyOnly = try StationDriver(
            core: StationCore(profile: TestProfiles.everything, durable: durable, now: Self.start), password: nil)
        #expect(keyOnly.password?.bytes == Array("OCA_OCTT_admin_test".utf8))
        // Bytes that are no text at all, in either case of hex digits.
        #expect(
            BasicAuthPassword(authorizationKey: "00fF80c3a9000102030405060708090a")?.bytes
                == [0x00, 0xFF, 0x80, 0xC3, 0xA9, 0x00, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        let typed = try StationDriver(
            core: StationCore(profile: TestProfiles.everything, durable: DurableState(), now: Self.start),
            password: "4F43415F4F4354545F61646D696E5F74657374")
        #expect(typed.password?.bytes == Array("4F43415F4F4354545F61646D696E5F74657374".utf8))
        #expect("\(typed.password!)" == "********", "a password never describes itself")
    }

    @Test("security whitepaper §2.3: a Core-only station (no SecurityProfile key) sends --password")
    func coreOnlyStation_sendsThePassword() throws {
        var driver = try Self.driver(password: "secret")
        var link = RecordingLink()
        _ = driver.handle(.powerOn, at: Self.start, link: &link, store: Store())
        #expect(link.calls == [.connect(password: BasicAuthPassword(typed: "secret"))])
    }

    @Test func powerCut_withTheLinkUp_abortsIt_ignoresItsLastWords_andPowersOnWhenItIsDown() throws {
        var driver = try Self.driver()
        var link = RecordingLink()
        let store = Store()
        Self.bootAndClearLinkCalls(&driver, &link, store)
        let events = driver.powerCut(at: Self.start.adding(seconds: 5), link: &link, store: store)
        #expect(link.calls == [.abort])
        #expect(events.contains(.notice("power cut: the station goes dark and comes back")))
        // Whatever the dead connection still reports is not the new station's business.
        let late = #"[2,"cs-9","Reset",{"type":"Soft"}]"#
        #expect(driver.handle(.received(late), at: Self.start.adding(seconds: 5), link: &link, store: store).isEmpty)
        #expect(link.calls == [.abort])
        // Once it is down, the station powers on and connects again.
        link.open = false
        _ = driver.handle(.linkDown(reason: "aborted"), at: Self.start.adding(seconds: 5), link: &link, store: store)
        #expect(link.calls.last == .connect(password: nil))
    }

    /// Observers hear the old connection go before the new one starts (the link was up
    /// at the cut; aborted or already gone).
    @Test func powerCut_reportsTheOldLinkDisconnected_beforeConnectingAgain() throws {
        var driver = try Self.driver()
        var link = RecordingLink()
        let store = Store()
        Self.boot(&driver, &link, store)
        _ = driver.powerCut(at: Self.start.adding(seconds: 5), link: &link, store: store)
        link.open = false
        let events = driver.handle(
            .linkDown(reason: "aborted"), at: Self.start.adding(seconds: 5), link: &link, store: store)
        let states = events.compactMap { event -> ConnectionState? in
            if case .connection(let state, _) = event { state } else { nil }
        }
        #expect(states == [.disconnected, .connecting])
    }

    @Test func powerCut_withTheLinkDown_powersOnAtOnce() throws {
        var driver = try Self.driver()
        var link = RecordingLink()
        let store = Store()
        _ = driver.handle(.powerOn, at: Self.start, link: &link, store: store)
        _ = driver.handle(.linkDown(reason: "refused"), at: Self.start, link: &link, store: store)
        link.calls.removeAll()
        _ = driver.powerCut(at: Self.start.adding(seconds: 1), link: &link, store: store)
        #expect(link.calls == [.abort, .connect(password: nil)])
    }

    @Test func storeFailure_stopsTheStation_andNothingIsSentAfterIt() throws {
        var driver = try Self.driver()
        var link = RecordingLink()
        let store = Store()
        Self.bootAndClearLinkCalls(&driver, &link, store)
        store.failing = true
        let events = driver.handle(.command(.plug(connector: 1)), at: Self.start, link: &link, store: store)
        #expect(link.calls.isEmpty, "a frame left before its state was saved")
        #expect(driver.failure?.contains("disk full") == true)
        #expect(events.count == 1)
        store.failing = false
        #expect(driver.handle(.tick, at: Self.start.adding(seconds: 60), link: &link, store: store).isEmpty)
        #expect(link.calls.isEmpty)
    }

    @Test(
        "security whitepaper §2: SecurityProfile reports the profile the link is in",
        arguments: [(false, nil, "0"), (false, "a-password", "1"), (true, "a-password", "2"), (true, nil, "0")]
            as [(Bool, String?, String)])
    func securityProfile_isTheLinks(_ secure: Bool, _ password: String?, _ expected: String) throws {
        let core = try StationCore(
            profile: TestProfiles.everything, durable: DurableState(), now: StationHarness.start)
        let driver = StationDriver(core: core, password: password, secureLink: secure)
        let shown = driver.core.configurationEntries.first { $0.key == "SecurityProfile" }?.value
        #expect(shown == expected)
    }

    @Test(
        "A00.FR.401: --client-cert with --password on wss:// is profile 3: the certificate authenticates, no Authorization header"
    )
    func clientCertificate_withPassword_sendsNoPassword() throws {
        let core = try StationCore(
            profile: TestProfiles.everything, durable: DurableState(), now: StationHarness.start)
        let given = CertificateReport.OwnCertificate(
            subject: "CN=CP-1,O=Example CPO", notBefore: StationHarness.start, notAfter: StationHarness.start,
            provisioned: true)
        var driver = StationDriver(
            core: core, password: "a-password", secureLink: true,
            provisioned: ProvisionedCredentials(clientCertificate: given))
        #expect(driver.core.configurationEntries.first { $0.key == "SecurityProfile" }?.value == "3")
        var link = RecordingLink()
        _ = driver.handle(.powerOn, at: StationHarness.start, link: &link, store: Store())
        #expect(link.calls == [.connect(password: nil)])
    }

    @Test("A02, A05.FR.04: a signed certificate with a password on wss:// stays in profile 2, sending the password")
    func signedCertificate_withPassword_staysInProfileTwo() throws {
        var durable = DurableState()
        let key = ChargePointKey(privateKeyPEM: "KEY-1", csrPEM: "CSR")
        durable.chargePointCertificate = ChargePointCertificate(
            chainPEM: "CHAIN", key: key, subject: "CN=SN-1", notAfter: Timestamp(rfc3339: "2030-01-01T00:00:00Z")!)
        let core = try StationCore(profile: TestProfiles.everything, durable: durable, now: StationHarness.start)
        var driver = StationDriver(core: core, password: "a-password", secureLink: true)
        #expect(driver.core.configurationEntries.first { $0.key == "SecurityProfile" }?.value == "2")
        var link = RecordingLink()
        _ = driver.handle(.powerOn, at: StationHarness.start, link: &link, store: Store())
        #expect(link.calls == [.connect(password: BasicAuthPassword(typed: "a-password"))])
        let withoutPassword = StationDriver(
            core: try StationCore(profile: TestProfiles.everything, durable: durable, now: StationHarness.start),
            secureLink: true)
        #expect(withoutPassword.core.configurationEntries.first { $0.key == "SecurityProfile" }?.value == "3")
    }

    @Test(
        "A05.FR.02, .05–07: at profile 0 a key is only stored; SecurityProfile 1 then reconnects with Basic auth"
    )
    func keyOverOCPP_atProfileZero_isStored_untilSecurityProfileOne() throws {
        let core = try StationCore(profile: TestProfiles.everything, durable: DurableState(), now: StationHarness.start)
        var driver = StationDriver(core: core)
        var link = RecordingLink()
        let store = Store()
        Self.boot(&driver, &link, store)
        let change =
            #"[2,"cs-1","ChangeConfiguration",{"key":"AuthorizationKey","value":"00112233445566778899AABBCCDDEEFF"}]"#
        link.calls = []
        _ = driver.handle(.received(change), at: StationHarness.start, link: &link, store: store)
        #expect(driver.core.configurationEntries.first { $0.key == "SecurityProfile" }?.value == "0")
        #expect(!link.calls.contains(.disconnect), "no reconnection at profile 0")
        #expect(driver.linkPlan.password == nil, "profile 0 sends no password")
        // A05: the central system raises the profile, the key being set (A05.FR.02).
        let raise = #"[2,"cs-2","ChangeConfiguration",{"key":"SecurityProfile","value":"1"}]"#
        _ = driver.handle(.received(raise), at: StationHarness.start, link: &link, store: store)
        #expect(link.sentFrames.contains { $0.hasPrefix(#"[3,"cs-2""#) && $0.contains("Accepted") }, "\(link.calls)")
        #expect(driver.core.configurationEntries.first { $0.key == "SecurityProfile" }?.value == "1")
        #expect(link.calls.contains(.disconnect))
        _ = driver.handle(.linkDown(reason: "closed"), at: StationHarness.start, link: &link, store: store)
        #expect(
            link.calls.last
                == .connect(password: BasicAuthPassword(authorizationKey: "00112233445566778899AABBCCDDEEFF")))
    }
}
