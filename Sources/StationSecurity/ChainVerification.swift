import ChargePoint
import Foundation
@_spi(FixedExpiryValidationTime) import X509

extension X509Toolkit {
    /// Verifies that `leafPEM` chains, through `intermediatePEMs`, to one of `rootPEMs`
    /// (RFC 5280 §6 path validation: signatures, validity periods at `time`, CA flags, name
    /// constraints), and, given a `hostname`, that the leaf is for it (a DNS name, or an IP
    /// address matched against the iPAddress subjectAltNames; the CN when there are no
    /// subjectAltNames). nil when all is well.
    ///
    /// `leafPEM` may be a whole chain, leaf first (CertificateSigned.req's certificateChain):
    /// the certificates after the first count as intermediates. `time` is the station's
    /// clock, not the machine's.
    ///
    /// async because swift-certificates' `Verifier` is (its certificate stores and policies
    /// may look things up); `verifyBlocking` is the same check for a thread that cannot
    /// await.
    public static func verify(
        leafPEM: String, intermediatePEMs: [String], rootPEMs: [String], at time: Timestamp, hostname: String?
    ) async -> CertificateProblem? {
        let chain = PEMCertificate.all(in: leafPEM)
        let intermediates = certificates(in: intermediatePEMs)
        let roots = certificates(in: rootPEMs)
        switch (chain, intermediates, roots) {
        case (.failure(let problem), _, _), (_, .failure(let problem), _), (_, _, .failure(let problem)):
            return problem
        case (.success(let chain), .success(let intermediates), .success(let roots)):
            guard !roots.isEmpty else { return .untrusted("no root certificate to verify it against") }
            let validationTime = time.date
            var verifier = Verifier(rootCertificates: CertificateStore(roots)) {
                RFC5280Policy(fixedExpiryValidationTime: validationTime)
            }
            let store = CertificateStore(chain.dropFirst().map(\.certificate) + intermediates)
            switch await verifier.validate(leaf: chain[0].certificate, intermediates: store) {
            case .couldNotValidate(let failures):
                return problem(leaf: chain[0].certificate, failures: failures, at: validationTime)
            case .validCertificate:
                guard let hostname else { return nil }
                // A second pass with the identity policy, so that a name mismatch is told
                // apart from a chain that fails.
                let isIP = ServerNames.isIPAddress(hostname)
                var named = Verifier(rootCertificates: CertificateStore(roots)) {
                    RFC5280Policy(fixedExpiryValidationTime: validationTime)
                    ServerIdentityPolicy(serverHostname: isIP ? nil : hostname, serverIP: isIP ? hostname : nil)
                }
                guard case .couldNotValidate = await named.validate(leaf: chain[0].certificate, intermediates: store)
                else { return nil }
                let names = ServerNames.of(chain[0].certificate)
                return .nameMismatch(
                    "it is for \(names.isEmpty ? "no name" : names.joined(separator: ", ")), not \(hostname)")
            }
        }
    }

    private static func certificates(in texts: [String]) -> Result<[Certificate], CertificateProblem> {
        Result { () throws(CertificateProblem) in
            var certificates: [Certificate] = []
            for text in texts { certificates += try PEMCertificate.all(in: text).get().map(\.certificate) }
            return certificates
        }
    }

    /// The one problem an operator should hear about, out of the candidate chains the
    /// verifier tried: none at all means no issuer led to a root.
    private static func problem(
        leaf: Certificate, failures: [CertificateValidationResult.PolicyFailure], at time: Date
    ) -> CertificateProblem {
        guard let first = failures.first else {
            return .untrusted("no chain from its issuer \(leaf.issuer) to an installed root")
        }
        for failure in failures {
            for certificate in failure.chain {
                // RFC 5280 §4.1.2.5: valid from notBefore to notAfter, both included.
                if time > certificate.notValidAfter { return .expired(notAfter: Timestamp(certificate.notValidAfter)) }
                if time < certificate.notValidBefore {
                    return .notYetValid(notBefore: Timestamp(certificate.notValidBefore))
                }
            }
            for issuer in failure.chain.dropFirst() where (try? issuer.isCertificateAuthority) != true {
                return .notACertificateAuthority
            }
        }
        return .other("certificate chain refused: \(first.policyFailureReason)")
    }
}
