/// Security events of the link (security whitepaper §8): credentials the central system
/// refused, a server certificate the station could not verify. Raised once per kind
/// until the link comes up again, not at every reconnection attempt, so that a long
/// outage does not roll the security log over.
extension StationCore {
    /// What the transport said of a failed link (`LinkFailure`), as a security event.
    mutating func linkSecurityFailure(_ failure: LinkFailure, reason: String) {
        let kind: SecurityEventKind =
            switch failure {
            case .credentialsRefused: .failedToAuthenticateAtCentralSystem
            case .serverCertificateRejected: .invalidCentralSystemCertificate
            case .tlsVersionRejected: .invalidTLSVersion
            case .tlsCipherSuiteRejected: .invalidTLSCipherSuite
            }
        guard link.lastSecurityFailure != kind else { return }
        link.lastSecurityFailure = kind
        securityEvent(kind, reason)
    }

    /// Security whitepaper §8 InvalidMessages: frames that are not valid OCPP, logged
    /// once per connection (the first one's reason), not once per frame, so that a
    /// central system sending garbage does not roll the security log over.
    mutating func invalidMessageReceived(_ reason: String) {
        guard !link.invalidMessagesReported else { return }
        link.invalidMessagesReported = true
        securityEvent(.invalidMessages, reason)
    }
}
