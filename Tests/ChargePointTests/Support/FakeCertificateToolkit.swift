import ChargePoint

/// The harness's `CertificateToolkit`: a "certificate" is a line of words,
/// `CERT <subject> issuer=<name> ca=<yes|no> until=<RFC 3339>`, and its hash data are made
/// from those words; `BROKEN` is unreadable; every one is valid from `validFrom`. The real
/// reader (StationSecurity) is tested against real certificates in StationSecurityTests
/// and the conformance suite.
struct FakeCertificateToolkit: CertificateToolkit {
    static let validFrom = Timestamp(rfc3339: "2025-01-01T00:00:00Z")!

    static func pem(_ subject: String, issuer: String? = nil, ca: Bool = true, until: String = "2030-01-01T00:00:00Z")
        -> String
    {
        "CERT \(subject) issuer=\(issuer ?? subject) ca=\(ca ? "yes" : "no") until=\(until)"
    }

    func read(
        pem: String, use: CertificateUse, at time: Timestamp, issuers: [String]
    ) -> Result<InstalledCertificate, CertificateRefusal> {
        let words = pem.split(separator: " ").map(String.init)
        guard words.count == 5, words[0] == "CERT" else { return .failure(CertificateRefusal("not a certificate")) }
        func value(_ index: Int) -> String { String(words[index].split(separator: "=", maxSplits: 1).last ?? "") }
        let subject = words[1]
        let issuer = value(2)
        guard value(3) == "yes" else {
            return .failure(CertificateRefusal("\(subject) is not a certificate authority"))
        }
        guard let until = Timestamp(rfc3339: value(4)), time < until else {
            return .failure(CertificateRefusal("\(subject) has expired"))
        }
        let hash = CertificateHashData(
            hashAlgorithm: .sha256, issuerNameHash: BoundedString(truncating: "name-\(issuer)"),
            issuerKeyHash: BoundedString(truncating: "key-\(issuer)"), serialNumber: BoundedString(truncating: subject))
        return .success(
            InstalledCertificate(
                use: use, pem: pem, subject: subject, issuer: issuer, notBefore: Self.validFrom, notAfter: until,
                fingerprint: "fp-\(subject)", hashData: hash))
    }

    func chainProblem(_ pem: String, roots: [String], at time: Timestamp) -> CertificateRefusal? {
        let names = roots.compactMap { $0.split(separator: " ").dropFirst().first.map(String.init) }
        guard names.contains(where: { pem.contains("issuer=\($0) ") }) else {
            return CertificateRefusal("certificate not trusted (unknown CA)")
        }
        if let until = pem.split(separator: " ").first(where: { $0.hasPrefix("until=") }),
            let end = Timestamp(rfc3339: String(until.dropFirst("until=".count))), end < time
        {
            return CertificateRefusal("expired")
        }
        return nil
    }

    /// The key is `KEY-<n>`, its request `CSR O=<organization> CN=<commonName> KEY-<n>`;
    /// a signed "chain" is `CERT <subject> issuer=<root> ca=<yes|no> until=… KEY-<n>`, its
    /// subject RDNs joined by `;`, `_` for a space: `CN=SN-1;O=Example_CPO` is read as
    /// the subject `CN=SN-1,O=Example CPO`.
    static func chain(
        _ subject: String = "CN=SN-1;O=Example_CPO", issuer: String = "CSMS-Root", ca: Bool = false,
        until: String = "2030-01-01T00:00:00Z", key: String = "KEY-1"
    ) -> String {
        "CERT \(subject) issuer=\(issuer) ca=\(ca ? "yes" : "no") until=\(until) \(key)"
    }

    func newKeyAndCSR(organization: String, commonName: String) -> Result<ChargePointKey, CertificateRefusal> {
        .success(ChargePointKey(privateKeyPEM: "KEY-1", csrPEM: "CSR O=\(organization) CN=\(commonName) KEY-1"))
    }

    func chargePointCertificate(
        chainPEM: String, key: ChargePointKey, roots: [String], at time: Timestamp
    ) -> Result<SignedChargePointCertificate, CertificateRefusal> {
        let words = chainPEM.split(separator: " ").map(String.init)
        guard words.count == 6, words[0] == "CERT" else { return .failure(CertificateRefusal("not a certificate")) }
        guard words[5] == key.privateKeyPEM else { return .failure(CertificateRefusal("not for the station's key")) }
        guard let until = Timestamp(rfc3339: String(words[4].dropFirst("until=".count))), time < until else {
            return .failure(CertificateRefusal("expired"))
        }
        let issuer = String(words[2].dropFirst("issuer=".count))
        let rootNames = roots.compactMap { $0.split(separator: " ").dropFirst().first.map(String.init) }
        guard roots.isEmpty || rootNames.contains(issuer) else {
            return .failure(CertificateRefusal("certificate not trusted (unknown CA)"))
        }
        let attributes = words[1].replacingOccurrences(of: "_", with: " ").split(separator: ";").map(String.init)
        func values(_ type: String) -> [String] {
            attributes.filter { $0.hasPrefix("\(type)=") }.map { String($0.dropFirst(type.count + 1)) }
        }
        return .success(
            SignedChargePointCertificate(
                certificate: ChargePointCertificate(
                    chainPEM: chainPEM, key: key, subject: attributes.joined(separator: ","),
                    notBefore: Self.validFrom, notAfter: until),
                organizationNames: values("O"), commonNames: values("CN"), isCertificateAuthority: words[3] == "ca=yes")
        )
    }
}
