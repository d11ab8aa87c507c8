import ChargePoint

/// What a station says first when a setting exposes it (README "Command line"): shown
/// on the screen's feedback line and as headless `error` events. Never the secret itself.
enum StartWarnings {
    /// `basicAuth`: the link opens with a password (`--password` and its kin, or an
    /// AuthorizationKey the central system set). `clientCertificate`: the certificate of
    /// `--client-cert`, warned about when it is not valid at `now` (the host's clock): the
    /// central system will refuse it (A00.FR.403, .407).
    static func lines(
        endpoint: Endpoint, insecure: Bool, basicAuth: Bool,
        clientCertificate: CertificateReport.OwnCertificate? = nil, now: Timestamp = .now()
    ) -> [String] {
        var lines: [String] = []
        if let certificate = clientCertificate {
            if certificate.notAfter < now {
                lines.append(
                    "--client-cert: \(certificate.subject) expired at \(certificate.notAfter.rfc3339); the central "
                        + "system will refuse it: renew it")
            } else if let notBefore = certificate.notBefore, now < notBefore {
                lines.append(
                    "--client-cert: \(certificate.subject) is not valid before \(notBefore.rfc3339); the central "
                        + "system will refuse it until then (check the host's clock)")
            }
        }
        if insecure {
            lines.append(
                endpoint.secure
                    ? "--insecure: the central system's certificate is not checked; anyone on the path can pose as it"
                    : "--insecure: the certificates of https:// file servers are not checked")
        }
        if basicAuth, !endpoint.secure {
            lines.append(
                "HTTP Basic auth over plain ws://: the password crosses the network readable by anyone on the path; "
                    + "use wss://")
        }
        return lines
    }
}
