import ChargePoint
import Testing

@testable import ChargePoint

/// Raising SecurityProfile (security whitepaper A05) and the fallback root of M05.FR.11
/// at the connections that follow (M05.FR.12–13), with the harness's link refusing
/// connections as a central system would.
@Suite("Security profile upgrade (whitepaper A05, M05.FR.12–13)")
struct SecurityProfileUpgradeTests {
    typealias Fake = FakeCertificateToolkit
    static let key = "0123456789abcdef0123456789abcdef"

    /// A booted station in profile 1 (an AuthorizationKey on ws://).
    static func profileOne(_ configuration: [String: String] = [:]) throws -> StationHarness {
        var station = try StationHarness.booted(
            profile: TestProfiles.everything,
            configuration: ["AdditionalRootCertificateCheck": "false"].merging(configuration) { $1 })
        #expect(change(&station, "AuthorizationKey", key) == .accepted)
        #expect(profile(station) == "0", "A05: a key alone raises no profile")
        #expect(change(&station, "SecurityProfile", "1") == .accepted)
        #expect(profile(station) == "1")
        return station
    }

    static func change(_ station: inout StationHarness, _ key: String, _ value: String) -> ConfigurationStatus? {
        station.csmsRequest(ChangeConfigurationRequest(key: CiString50(key)!, value: CiString500(value)!))?.status
    }

    static func profile(_ station: StationHarness) -> String? {
        station.core.configurationEntries.first { $0.key == "SecurityProfile" }?.value
    }

    static func install(_ station: inout StationHarness, _ pem: String) -> CertificateStatus? {
        station.csmsRequest(
            InstallCertificateRequest(
                certificateType: .centralSystemRootCertificate, certificate: BoundedString(truncating: pem)))?.status
    }

    @Test("A05.FR.02: profile 1 or 2 without an AuthorizationKey is Rejected")
    func withoutKey_isRejected() throws {
        var station = try StationHarness.booted(profile: TestProfiles.everything)
        #expect(Self.change(&station, "SecurityProfile", "1") == .rejected)
        #expect(Self.change(&station, "SecurityProfile", "2") == .rejected)
        #expect(Self.profile(station) == "0")
    }

    @Test("A05.FR.03: profile 2 without a valid CentralSystemRootCertificate is Rejected (an expired one is none)")
    func withoutRoot_isRejected() throws {
        var station = try Self.profileOne()
        #expect(Self.change(&station, "SecurityProfile", "2") == .rejected)
        #expect(Self.install(&station, Fake.pem("Old-Root", until: "2026-11-26T00:00:00Z")) == .accepted)
        station.advance(seconds: 3 * 86_400)  // the harness starts 2026-11-24
        #expect(Self.change(&station, "SecurityProfile", "2") == .rejected)
        #expect(Self.profile(station) == "1")
    }

    @Test("A05.FR.04: profile 3 without a charge point certificate is Rejected")
    func withoutCertificate_isRejected() throws {
        var station = try Self.profileOne()
        #expect(Self.install(&station, Fake.pem("CSMS-Root")) == .accepted)
        #expect(Self.change(&station, "SecurityProfile", "3") == .rejected)
    }

    @Test("A05.FR.05–07: Accepted, then the station reconnects over wss:// with the installed root")
    func raised_reconnectsSecured() throws {
        var station = try Self.profileOne()
        #expect(Self.install(&station, Fake.pem("CSMS-Root")) == .accepted)
        let before = station.linkPlans.count
        #expect(Self.change(&station, "SecurityProfile", "2") == .accepted)
        let plan = try #require(station.linkPlans.dropFirst(before).last)
        #expect(plan.securityProfile == 2 && plan.secure)
        #expect(plan.password == BasicAuthPassword(authorizationKey: Self.key))
        #expect(plan.trustRoots == [Fake.pem("CSMS-Root")])
        #expect(station.snapshot.connection == .connected)
        #expect(Self.profile(station) == "2")
        #expect(station.store.securityLog.contains { $0.kind == .reconfigurationOfSecurityParameters })
        // A05.FR.01: back down is refused.
        #expect(Self.change(&station, "SecurityProfile", "1") == .rejected)
    }

    @Test(
        "A05.FR.05–07, A00.FR.401: raised to 3 with a signed certificate, the station presents it and sends no Basic auth password"
    )
    func raisedToThree_sendsNoPassword() throws {
        var station = try Self.profileOne(["CpoName": "Example CPO"])
        #expect(Self.install(&station, Fake.pem("CSMS-Root")) == .accepted)
        #expect(Self.change(&station, "SecurityProfile", "2") == .accepted)
        #expect(CertificateSigningTests.trigger(&station) == .accepted)
        let signed = station.csmsRequest(
            CertificateSignedRequest(certificateChain: BoundedString(truncating: Fake.chain())))
        #expect(signed?.status == .accepted)
        // A02: with a password the station stays in profile 2 until the central system raises it.
        #expect(Self.profile(station) == "2")
        let before = station.linkPlans.count
        #expect(Self.change(&station, "SecurityProfile", "3") == .accepted)
        let plan = try #require(station.linkPlans.dropFirst(before).last)
        #expect(plan.securityProfile == 3 && plan.secure)
        #expect(plan.signedCertificate != nil)
        #expect(plan.password == nil, "profile 3 authenticates with the certificate alone")
    }

    @Test("A05.FR.08: a raised profile that cannot connect falls back to the previous one")
    func raisedButRefused_fallsBack() throws {
        var station = try Self.profileOne()
        #expect(Self.install(&station, Fake.pem("CSMS-Root")) == .accepted)
        station.linkRefusal = { $0.secure ? .serverCertificateRejected : nil }
        #expect(Self.change(&station, "SecurityProfile", "2") == .accepted)
        station.advance(seconds: 120)
        #expect(Self.profile(station) == "1")
        #expect(station.snapshot.connection == .connected)
        #expect(station.linkPlans.last?.secure == false)
        #expect(station.errors.contains { $0.contains("SecurityProfile 2 could not connect") })
        let events = station.store.securityLog.map(\.kind)
        #expect(events.filter { $0 == .reconfigurationOfSecurityParameters }.count >= 3)  // key, raise, fallback
        #expect(events.contains(.invalidCentralSystemCertificate))
    }

    @Test("M05.FR.13, M05.FR.12: the new root fails, the fallback is tried; once the new one works, the fallback goes")
    func fallbackRoot() throws {
        var station = try Self.profileOne(["AdditionalRootCertificateCheck": "true"])
        #expect(Self.install(&station, Fake.pem("Root-1")) == .accepted)
        #expect(Self.install(&station, Fake.pem("Root-2", issuer: "Root-1")) == .accepted)
        // The central system still shows a certificate of Root-1.
        station.linkRefusal = { plan in
            plan.secure && !plan.trustRoots.contains(Fake.pem("Root-1")) ? .serverCertificateRejected : nil
        }
        #expect(Self.change(&station, "SecurityProfile", "2") == .accepted)
        station.advance(seconds: 30)
        #expect(station.snapshot.connection == .connected)
        #expect(Self.profile(station) == "2", "the fallback root, not the profile, saved the connection")
        #expect(station.linkPlans.last?.trustRoots.count == 2)
        #expect(station.store.installedCertificates.contains { $0.subject == "Root-1" && $0.fallback })
        // The central system moves to a certificate of Root-2: the next connection
        // works with the new root alone, and the fallback is removed.
        station.linkRefusal = { plan in
            plan.secure && !plan.trustRoots.contains(Fake.pem("Root-2", issuer: "Root-1"))
                ? .serverCertificateRejected : nil
        }
        station.dropLink()
        station.restoreNetwork()
        station.advance(seconds: 30)
        #expect(station.snapshot.connection == .connected)
        #expect(station.linkPlans.last?.trustRoots == [Fake.pem("Root-2", issuer: "Root-1")])
        #expect(!station.store.installedCertificates.contains { $0.subject == "Root-1" })
    }

    @Test("security whitepaper §8: TLS version and cipher suite refusals are security events")
    func tlsRefusals_areSecurityEvents() throws {
        var station = try Self.profileOne()
        station.dropLink(reason: "TLS version refused", failure: .tlsVersionRejected)
        station.dropLink(reason: "TLS cipher suite refused", failure: .tlsCipherSuiteRejected)
        let kinds = station.store.securityLog.map(\.kind)
        #expect(kinds.contains(.invalidTLSVersion))
        #expect(kinds.contains(.invalidTLSCipherSuite))
    }
}
