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
        let chain = "CERT SN-1 issuer=CSMS-Root ca=no until=2030-01-01T00:00:00Z KEY-1"
        return station.csmsRequest(CertificateSignedRequest(certificateChain: BoundedString(truncating: chain)))?
            .status
    }

    @Test("A02.FR.05–06: a certificate for the key, chained to the installed root, is Accepted and kept")
    func signed_isAccepted() throws {
        var station = try CertificateStoreTests.station(["CpoName": "Example CPO"])
        #expect(Self.signed(&station) == .accepted)
        #expect(station.store.chargePointCertificate?.subject == "SN-1")
        #expect(station.store.pendingChargePointKey == nil)
    }

    @Test(
        "A02.FR.07: a certificate for another key, from another CA, or with no request out is Rejected with InvalidChargePointCertificate",
        arguments: [
            "CERT SN-1 issuer=CSMS-Root ca=no until=2030-01-01T00:00:00Z KEY-9",
            "CERT SN-1 issuer=Rogue ca=no until=2030-01-01T00:00:00Z KEY-1",
            "CERT SN-1 issuer=CSMS-Root ca=no until=2020-01-01T00:00:00Z KEY-1",
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
            let chain = "CERT SN-1 issuer=\(issuer) ca=no until=2030-01-01T00:00:00Z KEY-1"
            let answer = station.csmsRequest(
                CertificateSignedRequest(certificateChain: BoundedString(truncating: chain)))
            #expect(answer?.status == expected, "\(issuer)")
        }
    }

    @Test("no request out: Rejected")
    func noRequest_isRejected() throws {
        var station = try CertificateStoreTests.station()
        let chain = "CERT SN-1 issuer=CSMS-Root ca=no until=2030-01-01T00:00:00Z KEY-1"
        #expect(
            station.csmsRequest(CertificateSignedRequest(certificateChain: BoundedString(truncating: chain)))?.status
                == .rejected)
    }
}
