/// The station renews its own certificate (security whitepaper A03): when the charge
/// point certificate will expire within a month, it makes a new key pair and sends its
/// CSR (A03.FR.02–03), the same request ExtendedTriggerMessage SignChargePointCertificate
/// makes (`CertificateSigning.swift`). The certificate in use stays in use until
/// CertificateSigned brings one for the new key and it is accepted (A03.FR.08, .10).
///
/// When it looks: at every accepted BootNotification and once a day after, by a timer
/// (not at every input). A request goes out once: while one is pending (its key waits
/// for a certificate) the station does not ask again, unless a day has passed without
/// an answer. A03's error handling advises against retrying "within X minutes or hours"
/// (a CSR the CA refused will not be fixed by sending it again), and it leaves the
/// station no other way to learn of the refusal; a day is the compromise between that
/// advice and a certificate that would otherwise run out unrenewed.
struct CertificateRenewal: Sendable {
    /// A03 "will expire in one month": 30 days.
    static let windowSeconds = 30 * 86_400
    /// Between two looks, and how long a request may stay unanswered.
    static let intervalSeconds = 86_400

    /// When the station last sent a signing request (A02 or A03), station time; nil when
    /// none since the start.
    var requestedAt: Timestamp?
}

extension StationCore {
    /// Looks at the charge point certificate now, and again in a day.
    mutating func checkCertificateRenewal() {
        schedule(.certificateRenewal, afterSeconds: CertificateRenewal.intervalSeconds)
        guard profile.supports(.security), let certificate = chargePointCertificate,
            certificate.notAfter <= wallClock.adding(seconds: CertificateRenewal.windowSeconds)
        else { return }
        if pendingChargePointKey != nil {
            // A request made before this start is counted from now.
            guard let asked = certificateRenewal.requestedAt else {
                certificateRenewal.requestedAt = now
                return
            }
            guard now >= asked.adding(seconds: CertificateRenewal.intervalSeconds) else { return }
        }
        let expiry = "the charge point certificate \(certificate.subject) expires on \(certificate.notAfter.rfc3339)"
        if let refusal = sendCertificateSigningRequest() {
            reportError("\(expiry) and cannot be renewed (A03): \(refusal)")
        } else {
            notice("\(expiry): the station asks the central system for a new one (A03)")
        }
    }
}
