/// Why a link could not be made, where that is a security event (security whitepaper §8):
/// the driver's transport knows it from the handshake; the core raises the event.
public enum LinkFailure: Sendable, Equatable {
    /// The central system refused the credentials (HTTP 401 or 403).
    case credentialsRefused
    /// The central system's certificate could not be verified (TLS).
    case serverCertificateRejected
}
