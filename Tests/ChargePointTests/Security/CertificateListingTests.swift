import ChargePoint
import Testing

@testable import ChargePoint

/// `certs` (issue 11): the operator's list of the certificate store (whitepaper M03,
/// M05) and of the charge point certificate in use (A02/A03), with the harness's fake
/// toolkit. What it shows, never how a screen or a JSON line spells it.
@Suite("The certs command")
struct CertificateListingTests {
    typealias Fake = FakeCertificateToolkit

    static func listed(_ station: inout StationHarness) throws -> CertificateReport {
        station.command(.certificates)
        guard case .certificates(let report) = station.events.last else {
            Issue.record("no certificates event: \(String(describing: station.events.last))")
            throw CancellationError()
        }
        return report
    }

    @Test("with nothing installed: an empty list, no error")
    func nothingInstalled_isAnEmptyList() throws {
        var station = try CertificateStoreTests.station()
        let report = try Self.listed(&station)
        #expect(report.isEmpty)
        #expect(report == CertificateReport(roots: [], ownCertificate: nil))
        #expect(station.errors.isEmpty)
    }

    @Test("every root: use, subject, issuer, validity, SHA-256 fingerprint; Central System roots first")
    func roots_areListed() throws {
        var station = try CertificateStoreTests.station()
        _ = CertificateStoreTests.install(&station, Fake.pem("Maker-Root"), .manufacturerRootCertificate)
        _ = CertificateStoreTests.install(&station, Fake.pem("CSMS-Root", until: "2031-06-01T00:00:00Z"))
        let report = try Self.listed(&station)
        #expect(
            report.roots == [
                CertificateReport.Root(
                    use: .centralSystemRootCertificate, subject: "CSMS-Root", issuer: "CSMS-Root",
                    notBefore: Fake.validFrom, notAfter: Timestamp(rfc3339: "2031-06-01T00:00:00Z")!,
                    fingerprint: "fp-CSMS-Root", fallback: false),
                CertificateReport.Root(
                    use: .manufacturerRootCertificate, subject: "Maker-Root", issuer: "Maker-Root",
                    notBefore: Fake.validFrom, notAfter: Timestamp(rfc3339: "2030-01-01T00:00:00Z")!,
                    fingerprint: "fp-Maker-Root", fallback: false),
            ])
        #expect(report.ownCertificate == nil && !report.isEmpty)
    }

    @Test("M05.FR.11: the root kept as fallback is marked so, after the one that replaced it")
    func fallbackRoot_isMarked() throws {
        var station = try CertificateStoreTests.station(["AdditionalRootCertificateCheck": "true"])
        _ = CertificateStoreTests.install(&station, Fake.pem("Root-1"))
        _ = CertificateStoreTests.install(&station, Fake.pem("Root-2", issuer: "Root-1"))
        let report = try Self.listed(&station)
        #expect(report.roots.map(\.subject) == ["Root-2", "Root-1"])
        #expect(report.roots.map(\.fallback) == [false, true])
        #expect(report.roots.first?.issuer == "Root-1")
    }

    @Test("A02: the charge point certificate in use, and never its private key or chain")
    func chargePointCertificate_isListed_withoutItsKey() throws {
        var station = try CertificateStoreTests.station(["CpoName": "Example CPO"])
        #expect(CertificateSigningTests.signed(&station) == .accepted)
        let report = try Self.listed(&station)
        #expect(
            report.ownCertificate
                == CertificateReport.OwnCertificate(
                    subject: "CN=SN-1,O=Example CPO", notBefore: Fake.validFrom,
                    notAfter: Timestamp(rfc3339: "2030-01-01T00:00:00Z")!))
        let shown = String(describing: station.events.last!)
        #expect(!shown.contains("KEY-1") && !shown.contains("ca=no"), "neither the key nor the chain: \(shown)")
    }

    @Test("the certificate of --client-cert is the one listed (and presented), marked as given")
    func provisionedCertificate_isListed() throws {
        let given = CertificateReport.OwnCertificate(
            subject: "CN=CP-1,O=Example CPO", notBefore: StationHarness.start, notAfter: StationHarness.start,
            provisioned: true)
        var station = try StationHarness.booted(
            profile: TestProfiles.everything, provisioned: ProvisionedCredentials(clientCertificate: given))
        #expect(try Self.listed(&station).ownCertificate == given)
    }

    @Test("listing changes nothing and works while the station reboots")
    func listing_changesNothing() throws {
        var station = try CertificateStoreTests.station()
        _ = CertificateStoreTests.install(&station, Fake.pem("CSMS-Root"))
        station.command(.reset(.hard))
        let stored = station.store
        let report = try Self.listed(&station)
        #expect(report.roots.map(\.subject) == ["CSMS-Root"])
        #expect(station.store == stored && station.errors.isEmpty)
    }
}
