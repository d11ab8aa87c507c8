import ChargePoint
import StationSecurity

/// The station's `CertificateReader` on StationSecurity (swift-certificates): a root the
/// station installs (security whitepaper M05) is one readable X.509 certificate, a CA,
/// self-signed, valid now; its hash data are SHA-256 (§6.1).
public struct X509CertificateReader: CertificateReader {
    public init() {}

    public func read(
        pem: String, use: CertificateUse, at time: Timestamp, issuers: [String]
    ) -> Result<InstalledCertificate, CertificateRefusal> {
        let summaries: [CertificateSummary]
        switch X509Toolkit.certificates(pem: pem) {
        case .success(let read): summaries = read
        case .failure(let problem): return .failure(CertificateRefusal(problem.description))
        }
        guard summaries.count == 1, let summary = summaries.first else {
            return .failure(CertificateRefusal("\(summaries.count) certificates where one root was expected"))
        }
        guard summary.isCertificateAuthority else {
            return .failure(CertificateRefusal("\(summary.subject) is not a certificate authority"))
        }
        if time < summary.notBefore {
            return .failure(
                CertificateRefusal(CertificateProblem.notYetValid(notBefore: summary.notBefore).description))
        }
        if summary.notAfter < time {
            return .failure(CertificateRefusal(CertificateProblem.expired(notAfter: summary.notAfter).description))
        }
        // Self-signed, or issued by an installed certificate (a root signed by the old one).
        let hashed = ([nil] + issuers.map(Optional.some)).lazy.compactMap { issuer in
            try? X509Toolkit.hashData(certificatePEM: summary.pem, issuerPEM: issuer, algorithm: .sha256).get()
        }.first
        switch hashed {
        case nil:
            return .failure(
                CertificateRefusal("\(summary.subject) is neither self-signed nor issued by an installed root"))
        case .some(let hashData):
            return .success(
                InstalledCertificate(
                    use: use, pem: summary.pem, subject: summary.subject, issuer: summary.issuer,
                    notAfter: summary.notAfter, fingerprint: summary.sha256Fingerprint, hashData: hashData))
        }
    }

    public func isSigned(_ pem: String, by rootPEM: String, at time: Timestamp) -> Bool {
        X509Toolkit.verifyBlocking(leafPEM: pem, intermediatePEMs: [], rootPEMs: [rootPEM], at: time, hostname: nil)
            == nil
    }
}
