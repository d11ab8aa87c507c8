/// Why a link could not be made, where that is a security event (security whitepaper §8):
/// the driver's transport knows it from the handshake; the core raises the event.
public enum LinkFailure: Sendable, Equatable {
    /// The central system refused the credentials (HTTP 401 or 403).
    case credentialsRefused
    /// The central system's certificate could not be verified (TLS).
    case serverCertificateRejected
    /// The central system offers only TLS versions below 1.2 (A00.FR.315, A00.FR.419).
    case tlsVersionRejected
    /// The central system and the station share no allowed cipher suite (A00.FR.322,
    /// A00.FR.426).
    case tlsCipherSuiteRejected
}
