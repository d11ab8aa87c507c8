import ChargePoint
import Testing

@testable import ChargePoint

/// The station renews its own certificate before it expires (security whitepaper A03),
/// with the harness's fake toolkit: the certificate in use is made with key KEY-0, a new
/// request makes KEY-1. The harness starts on 2026-11-24T10:00Z.
@Suite("Charge point certificate renewal (whitepaper A03)")
struct CertificateRenewalTests {
    /// A booted station whose charge point certificate (key KEY-0) expires at `until`.
    static func station(
        certificateUntil until: String, configuration: [String: String] = ["CpoName": "Example CPO"]
    ) throws -> StationHarness {
        var durable = DurableState()
        durable.chargePointCertificate = ChargePointCertificate(
            chainPEM: "CERT SN-1 issuer=CSMS-Root ca=no until=\(until) KEY-0",
            key: ChargePointKey(privateKeyPEM: "KEY-0", csrPEM: "CSR O=Example CPO CN=SN-1 KEY-0"), subject: "SN-1",
            notAfter: try #require(Timestamp(rfc3339: until)))
        var station = try StationHarness(
            profile: TestProfiles.everything, configuration: configuration, durable: durable)
        station.powerOn()
        return station
    }

    static func requests(_ station: StationHarness) -> [String] {
        station.sentRequests(SignCertificateRequest.self).map(\.csr.value)
    }

    @Test("A03.FR.02–03, .13: a certificate that expires within a month: at registration a new key and its CSR go out")
    func expiringWithinAMonth_isRenewedAtRegistration() throws {
        let station = try Self.station(certificateUntil: "2026-12-20T00:00:00Z")
        #expect(Self.requests(station) == ["CSR O=Example CPO CN=SN-1 KEY-1"])
        #expect(station.store.pendingChargePointKey?.privateKeyPEM == "KEY-1")
        #expect(station.notices.contains { $0.contains("expires on 2026-12-20") }, "\(station.notices)")
        // A03.FR.08, .10: the old certificate stays in use until a new one is accepted.
        #expect(station.store.chargePointCertificate?.key.privateKeyPEM == "KEY-0")
        #expect(station.core.chargePointCertificate?.key.privateKeyPEM == "KEY-0")
    }

    @Test("A03.FR.02: more than a month left: nothing at registration; the daily look renews it when the month begins")
    func laterExpiry_isRenewedByTheDailyLook() throws {
        // The month before 2027-01-10T00:00Z begins 2026-12-11T00:00Z: the 17th daily look.
        var station = try Self.station(certificateUntil: "2027-01-10T00:00:00Z")
        #expect(Self.requests(station).isEmpty)
        station.advance(seconds: 16 * 86_400 + 3_600)
        #expect(Self.requests(station).isEmpty)
        station.advance(seconds: 86_400)
        #expect(Self.requests(station).count == 1)
    }

    @Test("A03: not asked again while a request is pending; asked again after a day without an answer")
    func pendingRequest_isRepeatedAfterADay() throws {
        var station = try Self.station(certificateUntil: "2026-12-20T00:00:00Z")
        station.advance(seconds: 23 * 3_600)
        #expect(Self.requests(station).count == 1)
        station.advance(seconds: 3_600)
        #expect(Self.requests(station).count == 2)
        station.advance(seconds: 12 * 3_600)
        #expect(Self.requests(station).count == 2)
    }

    @Test("A03: a request pending from before a restart is not repeated at the boot, but a day later")
    func pendingAcrossARestart_waitsADay() throws {
        var station = try Self.station(certificateUntil: "2026-12-20T00:00:00Z")
        try station.powerCut()
        #expect(station.core.isOnline)
        #expect(Self.requests(station).count == 1)
        station.advance(seconds: 86_400)
        #expect(Self.requests(station).count == 2)
    }

    @Test("A03.FR.08: the new certificate is used once accepted, and the renewal ends")
    func acceptedCertificate_endsTheRenewal() throws {
        var station = try Self.station(certificateUntil: "2026-12-20T00:00:00Z")
        let chain = FakeCertificateToolkit.chain(until: "2027-11-24T00:00:00Z")
        let answer = station.csmsRequest(CertificateSignedRequest(certificateChain: BoundedString(truncating: chain)))
        #expect(answer?.status == .accepted)
        #expect(station.store.chargePointCertificate?.key.privateKeyPEM == "KEY-1")
        station.advance(seconds: 3 * 86_400)
        #expect(Self.requests(station).count == 1)
    }

    @Test("A03 prerequisite: without CpoName no request goes out, and the operator is told why")
    func withoutCpoName_theOperatorIsTold() throws {
        let station = try Self.station(certificateUntil: "2026-12-20T00:00:00Z", configuration: ["CpoName": ""])
        #expect(Self.requests(station).isEmpty)
        #expect(station.errors.contains { $0.contains("CpoName") }, "\(station.errors)")
    }
}
