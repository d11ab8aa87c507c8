/// The certificate a central system was verified by on a `wss://` link (security
/// whitepaper A00.FR.307–308): its subject and issuer as one-line RFC 2253 names, for
/// the operator (the screen's header, `status`).
public struct ServerCertificate: Sendable, Equatable {
    public var subject: String
    public var issuer: String

    public init(subject: String, issuer: String) {
        (self.subject, self.issuer) = (subject, issuer)
    }
}
