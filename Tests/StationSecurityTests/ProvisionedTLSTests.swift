import Foundation
import StationSecurity
import Testing
import X509

/// `--ca-file`, `--client-cert` and `--client-key` checked at start (security whitepaper
/// §2): what OpenSSL would refuse later, or prompt a passphrase for on the terminal, is a
/// one-line reason before the station runs.
@Suite("Provisioned TLS files")
struct ProvisionedTLSTests {
    static let pki = TestPKI.shared

    @Test func aCAFile_givesEachCertificate() throws {
        let text = "# a bundle\n" + Self.pki.root.pem + Self.pki.otherRoot.pem
        let roots = try ProvisionedTLS.roots(caFileText: text).get()
        #expect(roots.count == 2)
    }

    @Test func aCAFileWithoutCertificate_isRefused() {
        guard case .failure(let problem) = ProvisionedTLS.roots(caFileText: "not a PEM at all") else {
            Issue.record("accepted")
            return
        }
        #expect(problem.description.contains("no '-----BEGIN CERTIFICATE-----' block"))
    }

    @Test func aClientCertificateAndItsKey_giveTheLeaf() throws {
        let client = try Self.pki.intermediate.issue(TestCertificate.name("CP-0001"))
        let leaf = try ProvisionedTLS.clientCertificate(
            certificatePEM: client.pem, keyPEM: client.keyPEM
        ).get()
        #expect(leaf.subject == "CN=CP-0001,O=Test CPO")
    }

    @Test func anotherCertificatesKey_isRefused() throws {
        let client = try Self.pki.intermediate.issue(TestCertificate.name("CP-0001"))
        let result = ProvisionedTLS.clientCertificate(
            certificatePEM: client.pem, keyPEM: Self.pki.server.keyPEM)
        #expect(throws: CertificateProblem.self) { try result.get() }
        if case .failure(let problem) = result {
            #expect(problem.description.contains("is not the key of the certificate CN=CP-0001"))
        }
    }

    @Test func anEncryptedKey_isRefused_withWhatToDo() throws {
        let directory = try Directory()
        let plain = try directory.write(Self.pki.server.keyPEM, as: "plain.key")
        _ = try OpenSSL.run(
            ["pkey", "-in", plain, "-aes256", "-passout", "pass:secret", "-out", "encrypted.key"], in: directory.url)
        let result = ProvisionedTLS.clientCertificate(
            certificatePEM: Self.pki.server.pem, keyPEM: try directory.read("encrypted.key"))
        guard case .failure(let problem) = result else {
            Issue.record("an encrypted key was accepted")
            return
        }
        #expect(problem.description.contains("encrypted") && problem.description.contains("openssl pkey"))
    }
}
