import ChargePoint
import StationSecurity
import Testing
import X509

/// X509Toolkit.certificates(pem:): what the station shows and stores of a certificate
/// (GetInstalledCertificateIds, InstallCertificate, CertificateSigned).
@Suite("Reading certificates")
struct CertificateReadingTests {
    let pki = TestPKI.shared

    @Test func chain_isReadInOrder_withEachCertificatesSummary() throws {
        let chain = pki.server.pem + pki.intermediate.pem + pki.root.pem
        let summaries = try X509Toolkit.certificates(pem: chain).get()
        #expect(
            summaries.map(\.subject) == [
                "CN=localhost,O=Test CPO", "CN=Test CPO Sub-CA,O=Test CPO", "CN=Test CPO Root CA,O=Test CPO",
            ])
        #expect(
            summaries.map(\.issuer) == [
                "CN=Test CPO Sub-CA,O=Test CPO", "CN=Test CPO Root CA,O=Test CPO", "CN=Test CPO Root CA,O=Test CPO",
            ])
        #expect(summaries.map(\.isCertificateAuthority) == [false, true, true])
        #expect(summaries.allSatisfy { $0.notBefore == TestCertificate.validity.lowerBound })
        #expect(summaries.allSatisfy { $0.notAfter == TestCertificate.validity.upperBound })
    }

    /// What CertificateSigned holds against the request (A02.FR.06, A00.FR.509/.511).
    @Test func subjectsOAndCN_areReadAsTheirValues() throws {
        let subject = try DistinguishedName {
            OrganizationName("Example CPO")
            OrganizationalUnitName("Chargers")
            CommonName("SN-1")
        }
        let leaf = try pki.root.issue(subject)
        let summary = try X509Toolkit.certificates(pem: leaf.pem).get()[0]
        #expect(summary.organizationNames == ["Example CPO"])
        #expect(summary.commonNames == ["SN-1"])
        let noOrganization = try pki.root.issue(try DistinguishedName { CommonName("SN-1") })
        #expect(try X509Toolkit.certificates(pem: noOrganization.pem).get()[0].organizationNames == [])
    }

    @Test func fingerprint_isOpenSSLsSHA256Fingerprint() throws {
        let directory = try Directory()
        for issued in [pki.server, pki.intermediate, pki.root] {
            let summary = try #require(try X509Toolkit.certificates(pem: issued.pem).get().first)
            #expect(summary.sha256Fingerprint == (try OpenSSL.fingerprint(ofPEM: issued.pem, in: directory)))
        }
    }

    @Test func pem_isTheCertificateAlone_asOpenSSLWritesIt() throws {
        let directory = try Directory()
        let input = try directory.write(pki.server.pem + pki.root.pem, as: "chain.pem")
        let reWritten = try OpenSSL.run(["x509", "-in", input], in: directory.url)
        let summary = try X509Toolkit.certificates(pem: pki.server.pem + pki.root.pem).get()[0]
        #expect(summary.pem == reWritten)
    }

    @Test func serialNumber_isHexWithoutLeadingZeroes_asOpenSSLShowsIt() throws {
        // 0x00 0x8F…: a sign byte and then a leading zero nibble in the DER INTEGER.
        let serials: [Certificate.SerialNumber] = [
            Certificate.SerialNumber(4095), Certificate.SerialNumber(bytes: [0x00, 0x8f, 0x01, 0x02]),
            Certificate.SerialNumber(bytes: [0x01]), Certificate.SerialNumber(),
        ]
        let directory = try Directory()
        for serial in serials {
            let issued = try pki.root.issue(TestCertificate.name("CP-0001"), serialNumber: serial)
            let summary = try X509Toolkit.certificates(pem: issued.pem).get()[0]
            let shown = try OpenSSL.run(
                ["x509", "-in", directory.write(issued.pem, as: "c.pem"), "-noout", "-serial"], in: directory.url)
            let expected = String(shown.dropFirst("serial=".count).drop { $0 == "0" }).trimmingCharacters(
                in: .whitespacesAndNewlines
            ).lowercased()
            #expect(summary.serialNumberHex == expected)
        }
        let fff = try pki.root.issue(TestCertificate.name("CP-0001"), serialNumber: Certificate.SerialNumber(4095))
        #expect(try X509Toolkit.certificates(pem: fff.pem).get()[0].serialNumberHex == "fff")
    }

    @Test func pemWithOtherLineLengths_orCRLF_isRead() throws {
        let body = pki.server.pem.split(separator: "\n").dropFirst().dropLast().joined()
        let oneLine = "-----BEGIN CERTIFICATE-----" + body + "-----END CERTIFICATE-----"
        let crlf76 =
            "-----BEGIN CERTIFICATE-----\r\n"
            + stride(from: 0, to: body.count, by: 76).map { start in
                let from = body.index(body.startIndex, offsetBy: start)
                return String(body[from..<(body.index(from, offsetBy: 76, limitedBy: body.endIndex) ?? body.endIndex)])
            }.joined(separator: "\r\n") + "\r\n-----END CERTIFICATE-----\r\n"
        let expected = try X509Toolkit.certificates(pem: pki.server.pem).get()
        #expect(try X509Toolkit.certificates(pem: oneLine).get() == expected)
        #expect(try X509Toolkit.certificates(pem: crlf76).get() == expected)
    }

    @Test(arguments: [
        ("", "no '-----BEGIN CERTIFICATE-----' block"),
        ("hello", "no '-----BEGIN CERTIFICATE-----' block"),
        ("-----BEGIN CERTIFICATE-----\nAAAA", "no '-----END CERTIFICATE-----' line"),
        ("-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n", "the CERTIFICATE block is not base64"),
        (
            "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----\n",
            "the DER inside the PEM is not an X.509 certificate"
        ),
    ])
    func text_thatIsNoCertificate_isUnreadable(text: String, why: String) {
        #expect(X509Toolkit.certificates(pem: text) == .failure(.unreadable(why)))
    }

    @Test func privateKeyBlock_isRefused() {
        #expect(
            X509Toolkit.certificates(pem: pki.server.pem + pki.server.keyPEM)
                == .failure(.unreadable("a PRIVATE KEY block, not a CERTIFICATE")))
    }

    /// A limitation of swift-certificates 1.21: RSASSA-PSS signatures (A00.FR.505 recommends
    /// them to CAs) cannot be read; the operator is told so.
    @Test func rsaPSSSignedCertificate_isUnreadable_sayingWhy() throws {
        let directory = try Directory()
        try OpenSSL.run(
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "k.pem", "-out", "c.pem", "-subj",
                "/O=Test CPO/CN=PSS Root",
                "-days", "3", "-sha256", "-sigopt", "rsa_padding_mode:pss",
            ], in: directory.url)
        let problem = X509Toolkit.certificates(pem: try directory.read("c.pem"))
        #expect(problem == .failure(.unreadable("signed with RSASSA-PSS, which the station cannot check")))
    }

    /// A self-signed root made by the openssl command line with `options` (a digest, a key).
    static func openSSLRoot(_ name: String, key: [String], digest: String, in directory: Directory) throws -> String {
        try OpenSSL.run(
            ["req", "-x509"] + key + [
                "-nodes", "-keyout", "k.pem", "-out", "\(name).pem", "-subj", "/O=Test CPO/CN=\(name)", "-days", "3",
                digest,
            ], in: directory.url)
        return try directory.read("\(name).pem")
    }

    @Test("A00.FR.504, .506: a certificate signed with SHA-1 is read, and marked as weakly signed")
    func sha1SignedCertificate_isMarkedWeak() throws {
        let directory = try Directory()
        let pem = try Self.openSSLRoot("SHA1 Root", key: ["-newkey", "rsa:2048"], digest: "-sha1", in: directory)
        let summary = try X509Toolkit.certificates(pem: pem).get()[0]
        #expect(summary.weakSignature == "SHA-1 (sha1WithRSAEncryption)")
        #expect(try X509Toolkit.certificates(pem: pki.root.pem).get()[0].weakSignature == nil)
    }

    @Test(
        "A00.FR.504, .506: MD5 and ECDSA with SHA-1 signatures are refused as weak, saying which",
        arguments: [
            (["-newkey", "rsa:2048"], "-md5", "MD5 (md5WithRSAEncryption)"),
            (["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"], "-sha1", "SHA-1 (ecdsa-with-SHA1)"),
        ])
    func md5OrECDSASHA1SignedCertificate_isRefusedAsWeak(key: [String], digest: String, name: String) throws {
        let directory = try Directory()
        let pem = try Self.openSSLRoot("Weak Root", key: key, digest: digest, in: directory)
        #expect(X509Toolkit.certificates(pem: pem) == .failure(.weakSignature(name)))
        #expect(
            CertificateProblem.weakSignature(name).description
                == "certificate signed with \(name), which the security whitepaper does not allow (A00.FR.504, .506: SHA-256 or stronger)"
        )
    }

    @Test func problems_readAsOneLineAnOperatorCanActOn() {
        let expiry = Timestamp(rfc3339: "2026-01-01T00:00:00Z")!
        #expect(
            CertificateProblem.expired(notAfter: expiry).description
                == "certificate expired at 2026-01-01T00:00:00.000Z")
        #expect(
            CertificateProblem.notYetValid(notBefore: expiry).description
                == "certificate not valid before 2026-01-01T00:00:00.000Z")
        #expect(
            CertificateProblem.untrusted("no chain").description == "certificate not trusted (unknown CA): no chain")
        #expect(CertificateProblem.unreadable("x").description == "not a readable PEM certificate: x")
    }
}
