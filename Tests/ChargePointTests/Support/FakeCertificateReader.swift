import ChargePoint

/// The harness's `CertificateReader`: a "certificate" is a line of words,
/// `CERT <subject> issuer=<name> ca=<yes|no> until=<RFC 3339>`, and its hash data are made
/// from those words; `BROKEN` is unreadable. The real reader (StationSecurity) is tested
/// against real certificates in StationSecurityTests and the conformance suite.
struct FakeCertificateReader: CertificateReader {
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
                use: use, pem: pem, subject: subject, issuer: issuer, notAfter: until, fingerprint: "fp-\(subject)",
                hashData: hash))
    }

    func isSigned(_ pem: String, by rootPEM: String, at time: Timestamp) -> Bool {
        let root = rootPEM.split(separator: " ").dropFirst().first.map(String.init) ?? ""
        return pem.contains("issuer=\(root) ")
    }
}
