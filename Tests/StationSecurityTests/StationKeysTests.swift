import Foundation
import StationSecurity
import Testing
import X509

/// StationKeys: the key pair and CSR of A02/A03, checked with openssl.
@Suite("Station keys and CSRs")
struct StationKeysTests {
    @Test func csr_isSignedWithTheNewKey_andNamesTheCPOAndSerialNumber() throws {
        let (keyPEM, csrPEM) = try StationKeys.newKeyAndCSR(organization: "ACME CPO", commonName: "CP-0001")
        let directory = try Directory()
        let csr = try directory.write(csrPEM, as: "csr.pem")
        let key = try directory.write(keyPEM, as: "key.pem")
        // openssl checks the CSR's self-signature (exit status 0) and reads its subject.
        let subject = try OpenSSL.run(
            ["req", "-in", csr, "-verify", "-noout", "-subject", "-nameopt", "RFC2253"], in: directory.url)
        #expect(subject.trimmingCharacters(in: .whitespacesAndNewlines) == "subject=CN=CP-0001,O=ACME CPO")
        // The CSR's public key is the key's.
        let csrKey = try OpenSSL.run(["req", "-in", csr, "-noout", "-pubkey"], in: directory.url)
        let keysKey = try OpenSSL.run(["pkey", "-in", key, "-pubout"], in: directory.url)
        #expect(csrKey == keysKey)
        // A P-256 key in PKCS#8.
        #expect(keyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        let keyText = try OpenSSL.run(["pkey", "-in", key, "-noout", "-text"], in: directory.url)
        #expect(keyText.contains("NIST CURVE: P-256"))
        #expect(csrPEM.hasPrefix("-----BEGIN CERTIFICATE REQUEST-----\n"))
    }

    @Test func everyCSR_hasAKeyOfItsOwn() throws {
        let first = try StationKeys.newKeyAndCSR(organization: "ACME CPO", commonName: "CP-0001")
        let second = try StationKeys.newKeyAndCSR(organization: "ACME CPO", commonName: "CP-0001")
        #expect(first.privateKeyPEM != second.privateKeyPEM)
    }

    @Test func csr_withoutCPOName_isRefused() {
        #expect(throws: CertificateProblem.self) {
            try StationKeys.newKeyAndCSR(organization: "", commonName: "CP-0001")
        }
    }

    /// CertificateSigned.req: the certificate the CA made from the CSR matches the pending
    /// key; one for another key does not.
    @Test func certificateSignedFromTheCSR_matchesTheKey() throws {
        let (keyPEM, csrPEM) = try StationKeys.newKeyAndCSR(organization: "ACME CPO", commonName: "CP-0001")
        let request = try CertificateSigningRequest(pemEncoded: csrPEM)
        let root = TestPKI.shared.root
        let signed = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: request.publicKey,
            notValidBefore: TestCertificate.date(TestCertificate.validity.lowerBound),
            notValidAfter: TestCertificate.date(TestCertificate.validity.upperBound), issuer: root.certificate.subject,
            subject: request.subject, signatureAlgorithm: .ecdsaWithSHA256, extensions: Certificate.Extensions(),
            issuerPrivateKey: root.key)
        let signedPEM = try signed.serializeAsPEM().pemString
        #expect(StationKeys.key(keyPEM, matches: signedPEM))
        #expect(StationKeys.key(keyPEM, matches: signedPEM + root.pem))
        #expect(!StationKeys.key(keyPEM, matches: TestPKI.shared.server.pem))
        #expect(StationKeys.key(TestPKI.shared.server.keyPEM, matches: TestPKI.shared.server.pem))
    }

    @Test func keysInOtherFormats_areRead_andGarbageMatchesNothing() throws {
        let directory = try Directory()
        try OpenSSL.run(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "sec1.pem"], in: directory.url)
        try OpenSSL.run(["genrsa", "-traditional", "-out", "rsa.pem", "2048"], in: directory.url)
        for name in ["sec1.pem", "rsa.pem"] {
            let keyPEM = try directory.read(name)
            let key = try Certificate.PrivateKey(pemEncoded: keyPEM)
            let leaf = try TestPKI.shared.root.issue(TestCertificate.name("CP-0001"), key: key)
            #expect(StationKeys.key(keyPEM, matches: leaf.pem), "\(keyPEM.prefix(35))")
        }
        #expect(!StationKeys.key("not a key", matches: TestPKI.shared.server.pem))
        #expect(!StationKeys.key(TestPKI.shared.server.keyPEM, matches: "not a certificate"))
    }
}
