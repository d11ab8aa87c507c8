import ChargePoint
import Foundation
import StationSecurity
import Testing
import X509

/// X509Toolkit.verify: the central system's certificate against the installed roots
/// (A00.FR.307/.308/.412), the charge point's new certificate (A02.FR.06), a firmware
/// signing certificate against the manufacturer roots (L01.FR.12).
@Suite("Chain verification")
struct ChainVerificationTests {
    let pki = TestPKI.shared
    let now = TestCertificate.now

    func verify(
        _ leaf: TestCertificate, through intermediates: [TestCertificate]? = nil, roots: [TestCertificate]? = nil,
        at time: Timestamp? = nil, hostname: String? = nil
    ) async -> CertificateProblem? {
        await X509Toolkit.verify(
            leafPEM: leaf.pem, intermediatePEMs: (intermediates ?? [pki.intermediate]).map(\.pem),
            rootPEMs: (roots ?? [pki.root]).map(\.pem), at: time ?? now, hostname: hostname)
    }

    @Test func chainToAnInstalledRoot_isTrusted() async {
        #expect(await verify(pki.server) == nil)
        #expect(await verify(pki.server, roots: [pki.otherRoot, pki.root]) == nil)
        #expect(await verify(pki.intermediate, through: []) == nil)
        #expect(await verify(pki.root, through: []) == nil)
    }

    /// CertificateSigned.req carries the chain in one PEM text, leaf first.
    @Test func chainInTheLeafText_suppliesTheIntermediates() async {
        let problem = await X509Toolkit.verify(
            leafPEM: pki.server.pem + pki.intermediate.pem, intermediatePEMs: [], rootPEMs: [pki.root.pem], at: now,
            hostname: "localhost")
        #expect(problem == nil)
    }

    @Test func hostname_isMatchedAgainstDNSNames_andIPAddresses() async {
        #expect(await verify(pki.server, hostname: "localhost") == nil)
        #expect(await verify(pki.server, hostname: "LOCALHOST") == nil)
        #expect(await verify(pki.server, hostname: "127.0.0.1") == nil)
    }

    @Test func otherHostname_isANameMismatch() async {
        #expect(
            await verify(pki.server, hostname: "csms.example")
                == .nameMismatch("it is for localhost, 127.0.0.1, not csms.example"))
        #expect(
            await verify(pki.server, hostname: "10.0.0.1")
                == .nameMismatch("it is for localhost, 127.0.0.1, not 10.0.0.1"))
        #expect(await verify(pki.server, hostname: "::1") == .nameMismatch("it is for localhost, 127.0.0.1, not ::1"))
    }

    /// OCPP puts the central system's FQDN in the CN (A00.FR.510) and advises against
    /// subjectAltNames (A00.FR.511): without them the CN is the name.
    @Test func certificateWithoutSubjectAltNames_isMatchedOnItsCommonName() async throws {
        let server = try pki.intermediate.issue(TestCertificate.name("csms.example"))
        #expect(await verify(server, hostname: "csms.example") == nil)
        #expect(
            await verify(server, hostname: "other.example")
                == .nameMismatch("it is for CN=csms.example, not other.example"))
        // The CN is never an IP address's name (RFC 6125).
        let byIP = try pki.intermediate.issue(TestCertificate.name("127.0.0.1"))
        #expect(await verify(byIP, hostname: "127.0.0.1") == .nameMismatch("it is for CN=127.0.0.1, not 127.0.0.1"))
    }

    @Test func unknownCA_isUntrusted() async {
        #expect(
            await verify(pki.server, roots: [pki.otherRoot])
                == .untrusted("no chain from its issuer CN=Test CPO Sub-CA,O=Test CPO to an installed root"))
        #expect(
            await verify(pki.otherRoot, through: [])
                == .untrusted("no chain from its issuer CN=Other Root CA,O=Elsewhere to an installed root"))
    }

    @Test func missingIntermediate_isUntrusted() async {
        #expect(
            await verify(pki.server, through: [])
                == .untrusted("no chain from its issuer CN=Test CPO Sub-CA,O=Test CPO to an installed root"))
    }

    @Test func noRoots_isUntrusted() async {
        #expect(await verify(pki.server, roots: []) == .untrusted("no root certificate to verify it against"))
    }

    @Test func expiredLeaf_saysWhenItExpired() async throws {
        let validity = Timestamp(rfc3339: "2020-01-01T00:00:00Z")!...Timestamp(rfc3339: "2021-01-01T00:00:00Z")!
        let expired = try pki.intermediate.issue(
            TestCertificate.name("localhost"), names: [.localhost], validity: validity)
        #expect(await verify(expired, hostname: "localhost") == .expired(notAfter: validity.upperBound))
        // In 2020 the leaf was valid, but not the CAs above it yet.
        #expect(
            await verify(expired, at: Timestamp(rfc3339: "2020-06-01T00:00:00Z")!)
                == .notYetValid(notBefore: TestCertificate.validity.lowerBound))
    }

    @Test func leafNotYetValid_saysFromWhen() async throws {
        let validity = Timestamp(rfc3339: "2027-01-01T00:00:00Z")!...Timestamp(rfc3339: "2028-01-01T00:00:00Z")!
        let early = try pki.intermediate.issue(
            TestCertificate.name("localhost"), names: [.localhost], validity: validity)
        #expect(await verify(early) == .notYetValid(notBefore: validity.lowerBound))
    }

    @Test func validityBounds_areBothIncluded() async throws {
        let validity = Timestamp(rfc3339: "2026-01-01T00:00:00Z")!...Timestamp(rfc3339: "2026-12-31T00:00:00Z")!
        let leaf = try pki.intermediate.issue(TestCertificate.name("localhost"), validity: validity)
        #expect(await verify(leaf, at: validity.lowerBound) == nil)
        #expect(await verify(leaf, at: validity.upperBound) == nil)
        #expect(
            await verify(leaf, at: validity.upperBound.adding(seconds: 1)) == .expired(notAfter: validity.upperBound))
    }

    @Test func expiredIntermediate_isExpired() async throws {
        let validity = Timestamp(rfc3339: "2020-01-01T00:00:00Z")!...Timestamp(rfc3339: "2021-01-01T00:00:00Z")!
        let oldCA = try pki.root.issue(TestCertificate.name("Old Sub-CA"), isCA: true, validity: validity)
        let leaf = try oldCA.issue(TestCertificate.name("localhost"))
        #expect(await verify(leaf, through: [oldCA]) == .expired(notAfter: validity.upperBound))
    }

    @Test func issuerThatIsNoCA_isRefused() async throws {
        let notCA = try pki.root.issue(TestCertificate.name("Just a leaf"))
        let leaf = try notCA.issue(TestCertificate.name("localhost"))
        #expect(await verify(leaf, through: [notCA]) == .notACertificateAuthority)
    }

    @Test func unreadableInput_isUnreadable() async {
        let problem = await X509Toolkit.verify(
            leafPEM: "garbage", intermediatePEMs: [], rootPEMs: [pki.root.pem], at: now, hostname: nil)
        #expect(problem == .unreadable("no '-----BEGIN CERTIFICATE-----' block"))
        let badRoot = await X509Toolkit.verify(
            leafPEM: pki.server.pem, intermediatePEMs: [], rootPEMs: [pki.root.keyPEM], at: now, hostname: nil)
        #expect(badRoot == .unreadable("a PRIVATE KEY block, not a CERTIFICATE"))
    }

    /// From a thread that cannot await (not a task: it would hold one of the executor's
    /// threads while it waits): the same answers.
    @Test func blockingVariant_onAThread_givesTheSameAnswers() async {
        let (server, intermediate, root, otherRoot, now) = (
            pki.server.pem, pki.intermediate.pem, pki.root.pem, pki.otherRoot.pem, now
        )
        let answers = await withCheckedContinuation { continuation in
            Thread {
                continuation.resume(returning: [
                    X509Toolkit.verifyBlocking(
                        leafPEM: server, intermediatePEMs: [intermediate], rootPEMs: [root], at: now,
                        hostname: "127.0.0.1"),
                    X509Toolkit.verifyBlocking(
                        leafPEM: server, intermediatePEMs: [intermediate], rootPEMs: [otherRoot], at: now, hostname: nil
                    ),
                ])
            }.start()
        }
        #expect(
            answers == [nil, .untrusted("no chain from its issuer CN=Test CPO Sub-CA,O=Test CPO to an installed root")])
    }
}
