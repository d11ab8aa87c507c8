import ChargePoint
import Testing

@testable import ChargePoint

/// The certificate store (security whitepaper M03–M05) with the harness's fake reader:
/// the rules, not the crypto (StationSecurityTests and the conformance suite do that).
@Suite("Certificate store (whitepaper M03–M05)")
struct CertificateStoreTests {
    typealias Fake = FakeCertificateToolkit

    static func station(_ configuration: [String: String] = [:]) throws -> StationHarness {
        try StationHarness.booted(
            profile: TestProfiles.everything,
            configuration: ["CertificateStoreMaxLength": "3", "AdditionalRootCertificateCheck": "false"]
                .merging(configuration) { $1 })
    }

    static func install(
        _ station: inout StationHarness, _ pem: String, _ use: CertificateUse = .centralSystemRootCertificate
    ) -> CertificateStatus? {
        station.csmsRequest(
            InstallCertificateRequest(certificateType: use, certificate: BoundedString(truncating: pem)))?
            .status
    }

    static func ids(_ station: inout StationHarness, _ use: CertificateUse) -> GetInstalledCertificateIdsResponse? {
        station.csmsRequest(GetInstalledCertificateIdsRequest(certificateType: use))
    }

    @Test("M05.FR.02, M03.FR.03–04: installed, then listed by type with its hash data")
    func install_thenList() throws {
        var station = try Self.station()
        #expect(Self.install(&station, Fake.pem("CSMS-Root")) == .accepted)
        #expect(Self.install(&station, Fake.pem("Maker-Root"), .manufacturerRootCertificate) == .accepted)
        let roots = Self.ids(&station, .centralSystemRootCertificate)
        #expect(roots?.status == .accepted)
        #expect(roots?.certificateHashData?.elements.map(\.serialNumber.value) == ["CSMS-Root"])
        #expect(station.store.installedCertificates.count == 2)
        #expect(station.store.securityLog.contains { $0.kind == .reconfigurationOfSecurityParameters })
    }

    @Test("M03.FR.02: none of the type is NotFound")
    func noneOfTheType_isNotFound() throws {
        var station = try Self.station()
        #expect(Self.ids(&station, .manufacturerRootCertificate)?.status == .notFound)
    }

    @Test(
        "M05.FR.06: unreadable, expired or not a CA is Rejected",
        arguments: [
            "BROKEN", Fake.pem("Old", until: "2020-01-01T00:00:00Z"), Fake.pem("Leaf", ca: false),
        ])
    func invalid_isRejected(_ pem: String) throws {
        var station = try Self.station()
        #expect(Self.install(&station, pem) == .rejected)
        #expect(station.store.installedCertificates.isEmpty)
    }

    @Test("M05.FR.03: a full store (CertificateStoreMaxLength) is Rejected")
    func fullStore_isRejected() throws {
        var station = try Self.station()
        for name in ["A", "B", "C"] { #expect(Self.install(&station, Fake.pem(name)) == .accepted) }
        #expect(Self.install(&station, Fake.pem("D")) == .rejected)
    }

    @Test(
        "M05.FR.09–11: with AdditionalRootCertificateCheck, a new root must be signed by the old one, which stays as fallback"
    )
    func additionalRootCheck() throws {
        var station = try Self.station(["AdditionalRootCertificateCheck": "true"])
        #expect(Self.install(&station, Fake.pem("Root-1")) == .accepted)
        #expect(Self.install(&station, Fake.pem("Rogue")) == .rejected)
        #expect(Self.install(&station, Fake.pem("Root-2", issuer: "Root-1")) == .accepted)
        let stored = station.store.installedCertificates
        #expect(stored.first { $0.subject == "Root-1" }?.fallback == true)
        #expect(stored.first { $0.subject == "Root-2" }?.fallback == false)
        #expect(Self.install(&station, Fake.pem("Root-3", issuer: "Root-2")) == .accepted)
        #expect(!station.store.installedCertificates.contains { $0.subject == "Root-1" }, "one fallback at a time")
        // Issue 11 review: signed by the fallback, not by the root in use — and said so.
        #expect(Self.install(&station, Fake.pem("Root-4", issuer: "Root-2")) == .rejected)
        #expect(
            station.notices.contains { $0.contains("not signed by the root in use, Root-3") }
                || station.errors.contains { $0.contains("not signed by the root in use, Root-3") },
            "\(station.notices) \(station.errors)")
    }

    @Test("M04.FR.02, .04: deleted by its hash data (any case); unknown is NotFound")
    func delete() throws {
        var station = try Self.station()
        _ = Self.install(&station, Fake.pem("Maker"), .manufacturerRootCertificate)
        var hash = try #require(Self.ids(&station, .manufacturerRootCertificate)?.certificateHashData?.elements.first)
        hash.serialNumber = BoundedString(truncating: "MAKER")
        #expect(station.csmsRequest(DeleteCertificateRequest(certificateHashData: hash))?.status == .accepted)
        #expect(station.store.installedCertificates.isEmpty)
        #expect(station.csmsRequest(DeleteCertificateRequest(certificateHashData: hash))?.status == .notFound)
    }

    @Test("M04.FR.06: the root that verifies the link (SecurityProfile 2) cannot be deleted")
    func rootInUse_isFailed() throws {
        var station = try Self.station(["SecurityProfile": "2"])
        _ = Self.install(&station, Fake.pem("Only-Root"))
        let hash = try #require(Self.ids(&station, .centralSystemRootCertificate)?.certificateHashData?.elements.first)
        #expect(station.csmsRequest(DeleteCertificateRequest(certificateHashData: hash))?.status == .failed)
        #expect(station.store.installedCertificates.count == 1)
    }

    @Test("the store survives a power cut")
    func survivesAPowerCut() throws {
        var station = try Self.station()
        _ = Self.install(&station, Fake.pem("Kept"))
        try station.powerCut()
        #expect(Self.ids(&station, .centralSystemRootCertificate)?.status == .accepted)
    }
}
