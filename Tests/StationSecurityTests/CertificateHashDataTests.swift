import ChargePoint
import Foundation
import StationSecurity
import Testing
import X509

/// X509Toolkit.hashData against the CertID `openssl ocsp` puts in an OCSP request
/// (RFC 6960 §4.1.1), which is what the whitepaper's CertificateHashDataType (§6.1) refers to.
@Suite("Certificate hash data")
struct CertificateHashDataTests {
    let pki = TestPKI.shared

    /// The CertID of `certificate` issued by `issuer`, from `openssl ocsp -req_text`.
    static func openSSLCertID(
        of certificate: TestCertificate, issuer: TestCertificate, algorithm: HashAlgorithm
    ) throws -> CertificateHashData {
        let directory = try Directory()
        let text = try OpenSSL.run(
            [
                "ocsp", "-issuer", directory.write(issuer.pem, as: "issuer.pem"), "-\(algorithm.rawValue.lowercased())",
                "-cert", directory.write(certificate.pem, as: "cert.pem"), "-no_nonce", "-req_text",
            ], in: directory.url
        )
        .replacingOccurrences(of: "\\\n", with: "")
        func field(_ name: String) throws -> String {
            let line = try #require(text.split(separator: "\n").first { $0.contains(name + ":") })
            let value = line.split(separator: ":", maxSplits: 1)[1].filter { !$0.isWhitespace }.lowercased()
            return name == "Serial Number" ? String(value.drop { $0 == "0" }) : value
        }
        return CertificateHashData(
            hashAlgorithm: algorithm, issuerNameHash: try #require(BoundedString(field("Issuer Name Hash"))),
            issuerKeyHash: try #require(BoundedString(field("Issuer Key Hash"))),
            serialNumber: try #require(BoundedString(field("Serial Number"))))
    }

    @Test(arguments: HashAlgorithm.allCases)
    func leafAndIntermediate_matchOpenSSLsOCSPCertID(algorithm: HashAlgorithm) throws {
        for (certificate, issuer) in [(pki.server, pki.intermediate), (pki.intermediate, pki.root)] {
            let hashData = try X509Toolkit.hashData(
                certificatePEM: certificate.pem, issuerPEM: issuer.pem, algorithm: algorithm
            ).get()
            #expect(hashData == (try Self.openSSLCertID(of: certificate, issuer: issuer, algorithm: algorithm)))
        }
    }

    @Test(arguments: HashAlgorithm.allCases)
    func selfSignedRoot_isItsOwnIssuer(algorithm: HashAlgorithm) throws {
        let hashData = try X509Toolkit.hashData(certificatePEM: pki.root.pem, issuerPEM: nil, algorithm: algorithm)
            .get()
        #expect(hashData == (try Self.openSSLCertID(of: pki.root, issuer: pki.root, algorithm: algorithm)))
        #expect(hashData.hashAlgorithm == algorithm)
    }

    /// The issuerKeyHash of an RSA issuer is over its PKCS#1 RSAPublicKey (the BIT STRING's
    /// contents), not over the whole SubjectPublicKeyInfo.
    @Test func rsaRoot_keyHashIsOverTheBitStringContents() throws {
        let directory = try Directory()
        try OpenSSL.run(
            ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.pem"], in: directory.url)
        let key = try Certificate.PrivateKey(pemEncoded: try directory.read("rsa.pem"))
        let root = try TestCertificate.root(TestCertificate.name("RSA Root"), key: key)
        let leaf = try root.issue(
            TestCertificate.name("CP-0001"), serialNumber: Certificate.SerialNumber(bytes: [0x00, 0x80]))
        let hashData = try X509Toolkit.hashData(certificatePEM: leaf.pem, issuerPEM: root.pem, algorithm: .sha256).get()
        #expect(hashData == (try Self.openSSLCertID(of: leaf, issuer: root, algorithm: .sha256)))
        #expect(hashData.serialNumber == "80")
    }

    /// Security whitepaper §6.1: "the serial number with decimal value 4095 will be
    /// represented as FFF" (CiString: compared without case).
    @Test func serialNumber_4095_isFFF() throws {
        let leaf = try pki.root.issue(TestCertificate.name("CP-0001"), serialNumber: Certificate.SerialNumber(4095))
        let hashData = try X509Toolkit.hashData(certificatePEM: leaf.pem, issuerPEM: pki.root.pem, algorithm: .sha256)
            .get()
        #expect(hashData.serialNumber.equalsIgnoringCase("FFF"))
    }

    @Test func certificateNotSelfSigned_withoutItsIssuer_isRefused() {
        let result = X509Toolkit.hashData(certificatePEM: pki.server.pem, issuerPEM: nil, algorithm: .sha256)
        #expect(
            result
                == .failure(
                    .other("certificate CN=localhost,O=Test CPO is not self-signed: its issuer's certificate is needed")
                ))
    }

    @Test func issuerThatDidNotIssueIt_isRefused() {
        let result = X509Toolkit.hashData(
            certificatePEM: pki.server.pem, issuerPEM: pki.otherRoot.pem, algorithm: .sha256)
        #expect(
            result
                == .failure(
                    .other(
                        "certificate CN=localhost,O=Test CPO was issued by CN=Test CPO Sub-CA,O=Test CPO, not by CN=Other Root CA,O=Elsewhere"
                    )))
    }

    @Test func unreadableCertificate_isUnreadable() {
        #expect(
            X509Toolkit.hashData(certificatePEM: "nothing", issuerPEM: nil, algorithm: .sha256)
                == .failure(.unreadable("no '-----BEGIN CERTIFICATE-----' block")))
    }
}
