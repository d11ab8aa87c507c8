import ChargePoint

/// Why a certificate, a chain or a PEM text was refused: what the station reports to the
/// operator (and maps to an OCPP status: InstallCertificate Rejected, CertificateSigned
/// Rejected, SignedUpdateFirmware InvalidCertificate, an InvalidCentralSystemCertificate
/// security event…).
///
/// Each `description` is one line an operator can act on, without the library's wording.
public enum CertificateProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a PEM certificate (or not one swift-certificates can read), with why.
    case unreadable(String)
    /// A certificate of the chain expired (its notAfter) before the time of the check.
    case expired(notAfter: Timestamp)
    /// A certificate of the chain is not valid yet (its notBefore) at the time of the check.
    case notYetValid(notBefore: Timestamp)
    /// No chain from the certificate to one of the trusted roots, with what was missing.
    case untrusted(String)
    /// The certificate is not for the host the station connects to (A00.FR.308, A00.FR.412),
    /// with the names it is for.
    case nameMismatch(String)
    /// A certificate that must be a CA (a root to install, M05; an issuer in a chain) is not
    /// one: its basicConstraints say CA:FALSE or are missing.
    case notACertificateAuthority
    /// Signed with a hash the whitepaper does not allow (A00.FR.504, .506: SHA-256 or
    /// stronger): the algorithm, as `SHA-1 (sha1WithRSAEncryption)`.
    case weakSignature(String)
    /// Anything else, said plainly.
    case other(String)

    public var description: String {
        switch self {
        case .unreadable(let why): "not a readable PEM certificate: \(why)"
        case .expired(let notAfter): "certificate expired at \(notAfter)"
        case .notYetValid(let notBefore): "certificate not valid before \(notBefore)"
        case .untrusted(let why): "certificate not trusted (unknown CA): \(why)"
        case .nameMismatch(let why): "certificate name mismatch: \(why)"
        case .notACertificateAuthority: "certificate is not a certificate authority (basicConstraints CA:FALSE)"
        case .weakSignature(let algorithm):
            "certificate signed with \(algorithm), which the security whitepaper does not allow "
                + "(A00.FR.504, .506: SHA-256 or stronger)"
        case .other(let why): why
        }
    }
}
