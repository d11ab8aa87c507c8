import ChargePoint
import Testing

@testable import ChargePoint

/// The charge point's own certificate (security whitepaper A02/A03) with the harness's
/// fake toolkit.
@Suite("Charge point certificate (whitepaper A02/A03)")
struct CertificateSigningTests {
    typealias Fake = FakeCertificateToolkit

    static func trigger(_ station: inout StationHarness) -> TriggerMessageStatus? {
        station.csmsRequest(ExtendedTriggerMessageRequest(requestedMessage: .signChargePointCertificate))?.status
    }

    @Test("A02.FR.02–03: the trigger makes a key and sends its CSR, O = CpoName, CN = the serial number")
    func trigger_sendsTheCSR() throws {
        var station = try CertificateStoreTests.station(["CpoName": "Example CPO"])
        #expect(Self.trigger(&station) == .accepted)
        let csr = try #require(station.sentRequests(SignCertificateRequest.self).first)
        #expect(csr.csr.value == "CSR O=Example CPO CN=SN-1 KEY-1")
        #expect(station.store.pendingChargePointKey?.privateKeyPEM == "KEY-1")
        #expect(!station.events.map { "\($0)" }.joined().contains("KEY-1\""), "the key is never shown")
    }

    @Test("A02 prerequisite: without CpoName the trigger is Rejected")
    func withoutCpoName_isRejected() throws {
        var station = try CertificateStoreTests.station(["CpoName": ""])
        #expect(Self.trigger(&station) == .rejected)
        #expect(station.sentRequests(SignCertificateRequest.self).isEmpty)
    }

    /// A station with the root CSMS-Root that signed its certificate SN-1 (A02.FR.06);
    /// the CertificateSigned answer.
    static func signed(_ station: inout StationHarness) -> CertificateSignedStatus? {
        _ = CertificateStoreTests.install(&station, Fake.pem("CSMS-Root"))
        _ = trigger(&station)
        return station.csmsRequest(CertificateSignedRequest(certificateChain: BoundedString(truncating: Fake.chain())))?
            .status
    }

    @Test("A02.FR.05–06: a certificate for the key, chained to the installed root, is Accepted and kept")
    func signed_isAccepted() throws {
        var station = try CertificateStoreTests.station(["CpoName": "Example CPO"])
        #expect(Self.signed(&station) == .accepted)
        #expect(station.store.chargePointCertificate?.subject == "CN=SN-1,O=Example CPO")
        #expect(station.store.pendingChargePointKey == nil)
    }

    @Test(
        "A02.FR.07: a certificate for another key, from another CA, or with no request out is Rejected with InvalidChargePointCertificate",
        arguments: [
            Fake.chain(key: "KEY-9"), Fake.chain(issuer: "Rogue"), Fake.chain(until: "2020-01-01T00:00:00Z"),
        ])
    func invalid_isRejected(_ chain: String) throws {
        var station = try CertificateStoreTests.station(["CpoName": "Example CPO"])
        _ = CertificateStoreTests.install(&station, Fake.pem("CSMS-Root"))
        _ = Self.trigger(&station)
        let answer = station.csmsRequest(CertificateSignedRequest(certificateChain: BoundedString(truncating: chain)))
        #expect(answer?.status == .rejected)
        #expect(station.store.chargePointCertificate == nil)
        #expect(station.store.securityLog.contains { $0.kind == .invalidChargePointCertificate })
    }

    @Test("A02.FR.06: with no root installed, the roots of --ca-file are the CSMS's: another CA's is Rejected")
    func caFileRoots_areTheChainsRoots() throws {
        for (issuer, expected) in [("Rogue", CertificateSignedStatus.rejected), ("CSMS-Root", .accepted)] {
            var station = try StationHarness.booted(
                profile: TestProfiles.everything, configuration: ["CpoName": "Example CPO"],
                provisioned: ProvisionedCredentials(rootsPEM: [Fake.pem("CSMS-Root")]))
            _ = Self.trigger(&station)
            let answer = station.csmsRequest(
                CertificateSignedRequest(certificateChain: BoundedString(truncating: Fake.chain(issuer: issuer))))
            #expect(answer?.status == expected, "\(issuer)")
        }
    }

    @Test("no request out: Rejected")
    func noRequest_isRejected() throws {
        var station = try CertificateStoreTests.station()
        #expect(
            station.csmsRequest(CertificateSignedRequest(certificateChain: BoundedString(truncating: Fake.chain())))?
                .status == .rejected)
    }

    /// The answer to a CertificateSigned of `chain` after the station asked for a
    /// certificate (CpoName "Example CPO", serial number SN-1), with the root CSMS-Root
    /// installed; the reason on the error line, and whether the security event was raised.
    static func answer(
        _ chain: String, configuration: [String: String] = ["CpoName": "Example CPO"]
    ) throws -> (status: CertificateSignedStatus?, reason: String, event: Bool, kept: Bool) {
        var station = try CertificateStoreTests.station(configuration)
        _ = CertificateStoreTests.install(&station, Fake.pem("CSMS-Root"))
        _ = trigger(&station)
        let answer = station.csmsRequest(CertificateSignedRequest(certificateChain: BoundedString(truncating: chain)))
        let reason = station.errors.last { $0.hasPrefix("CertificateSigned rejected") } ?? ""
        let event = station.store.securityLog.contains { $0.kind == .invalidChargePointCertificate }
        return (answer?.status, reason, event, station.store.chargePointCertificate != nil)
    }

    @Test(
        "A02.FR.06–07, A00.FR.509/.511: a certificate whose subject is not the request's (O = CpoName, CN = the serial number) is Rejected with InvalidChargePointCertificate",
        arguments: [
            ("CN=EVIL;O=Other_CPO", "O=Other CPO, not the CpoName of the request, O=Example CPO"),
            ("CN=EVIL;O=Example_CPO", "CN=EVIL, not the serial number of the request, CN=SN-1"),
            ("CN=SN-1", "no O, not the CpoName"),
            ("O=Example_CPO", "no CN, not the serial number"),
            ("CN=SN-1;CN=EVIL;O=Example_CPO", "CN=SN-1+EVIL, not the serial number"),
        ])
    func otherSubject_isRejected(_ subject: String, why: String) throws {
        let answer = try Self.answer(Fake.chain(subject))
        #expect(answer.status == .rejected)
        #expect(answer.event && !answer.kept)
        #expect(answer.reason.contains(why), "\(answer.reason)")
    }

    @Test(
        "A02.FR.06–07, §2.6.2: a CA certificate is no charge point certificate: Rejected with InvalidChargePointCertificate"
    )
    func certificateAuthority_isRejected() throws {
        let answer = try Self.answer(Fake.chain(ca: true))
        #expect(answer.status == .rejected)
        #expect(answer.event && !answer.kept)
        #expect(answer.reason.contains("is a certificate authority (basicConstraints CA:TRUE)"), "\(answer.reason)")
    }

    @Test("A02.FR.13: the subject is held against the CpoName the request carried, not one set since")
    func cpoNameChangedSinceTheRequest_theRequestsNameCounts() throws {
        var station = try CertificateStoreTests.station(["CpoName": "Example CPO"])
        _ = CertificateStoreTests.install(&station, Fake.pem("CSMS-Root"))
        _ = Self.trigger(&station)
        #expect(station.csmsRequest(ChangeConfigurationRequest(key: "CpoName", value: "New CPO"))?.status == .accepted)
        let answer = station.csmsRequest(
            CertificateSignedRequest(certificateChain: BoundedString(truncating: Fake.chain())))
        #expect(answer?.status == .accepted)
    }
}
