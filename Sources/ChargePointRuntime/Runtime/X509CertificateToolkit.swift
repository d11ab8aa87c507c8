import ChargePoint
import StationSecurity

/// The station's `CertificateToolkit` on StationSecurity (swift-certificates): a root the
/// station installs (security whitepaper M05) is one readable X.509 certificate, a CA,
/// self-signed, valid now; its hash data are SHA-256 (§6.1).
public struct X509CertificateToolkit: CertificateToolkit {
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
        if let weak = summary.weakSignature {
            return .failure(CertificateRefusal("\(summary.subject): \(CertificateProblem.weakSignature(weak))"))
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
                    notBefore: summary.notBefore, notAfter: summary.notAfter, fingerprint: summary.sha256Fingerprint,
                    hashData: hashData))
        }
    }

    public func chainProblem(_ pem: String, roots: [String], at time: Timestamp) -> CertificateRefusal? {
        X509Toolkit.verifyBlocking(leafPEM: pem, intermediatePEMs: [], rootPEMs: roots, at: time, hostname: nil)
            .map { CertificateRefusal($0.description) }
    }

    public func newKeyAndCSR(organization: String, commonName: String) -> Result<ChargePointKey, CertificateRefusal> {
        do {
            let (key, csr) = try StationKeys.newKeyAndCSR(organization: organization, commonName: commonName)
            return .success(ChargePointKey(privateKeyPEM: key, csrPEM: csr))
        } catch {
            return .failure(CertificateRefusal("cannot make a key pair: \(error)"))
        }
    }

    public func chargePointCertificate(
        chainPEM: String, key: ChargePointKey, roots: [String], at time: Timestamp
    ) -> Result<SignedChargePointCertificate, CertificateRefusal> {
        let chain: [CertificateSummary]
        switch X509Toolkit.certificates(pem: chainPEM) {
        case .success(let read): chain = read
        case .failure(let problem): return .failure(CertificateRefusal(problem.description))
        }
        guard let leaf = chain.first else { return .failure(CertificateRefusal("the chain holds no certificate")) }
        // A00.FR.504, .506: every certificate of the chain.
        if let weak = chain.first(where: { $0.weakSignature != nil }) {
            return .failure(
                CertificateRefusal("\(weak.subject): \(CertificateProblem.weakSignature(weak.weakSignature ?? ""))"))
        }
        guard StationKeys.key(key.privateKeyPEM, matches: leaf.pem) else {
            return .failure(CertificateRefusal("\(leaf.subject) is not for the key of the station's request"))
        }
        if time < leaf.notBefore {
            return .failure(CertificateRefusal(CertificateProblem.notYetValid(notBefore: leaf.notBefore).description))
        }
        if leaf.notAfter < time {
            return .failure(CertificateRefusal(CertificateProblem.expired(notAfter: leaf.notAfter).description))
        }
        if !roots.isEmpty,
            let problem = X509Toolkit.verifyBlocking(
                leafPEM: chainPEM, intermediatePEMs: [], rootPEMs: roots, at: time, hostname: nil)
        {
            return .failure(CertificateRefusal(problem.description))
        }
        return .success(
            SignedChargePointCertificate(
                certificate: ChargePointCertificate(
                    chainPEM: chainPEM, key: key, subject: leaf.subject, notBefore: leaf.notBefore,
                    notAfter: leaf.notAfter),
                organizationNames: leaf.organizationNames, commonNames: leaf.commonNames,
                isCertificateAuthority: leaf.isCertificateAuthority))
    }
}
