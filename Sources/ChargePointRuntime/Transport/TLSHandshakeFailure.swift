import ChargePoint

/// What a failed TLS handshake said, gathered while it ran (libwebsockets 4.1 reports
/// it as "connect SSL err 1: error:00000001:lib(0)::reason(1)" only), and what it means
/// for the operator and for the security log (whitepaper A00.FR.309, .315, .322).
struct TLSHandshakeFailure: Sendable {
    /// The server certificate check failed: OpenSSL's X509_V_ERR_* and the subject of
    /// the certificate it is about.
    var verifyError: (code: Int32, subject: String)?
    /// The first TLS alert (RFC 8446 §6 AlertDescription) and whether the station sent it.
    var alert: (description: Int32, sent: Bool)?
    /// The server's certificate arrived: the handshake got past the cipher choice.
    var sawServerCertificate = false
    /// The station presented a certificate of its own (security profile 3).
    var presentedCertificate = false
    /// The server asked for a client certificate (a TLS CertificateRequest) and the
    /// upgrade request got no answer.
    var certificateRequested = false

    /// One line saying what failed and what to do, and the security event it is;
    /// nil when nothing was learnt. `host`: the host the station connected to.
    func explained(host: String) -> (reason: String, failure: LinkFailure?)? {
        if let (code, subject) = verifyError {
            return (Self.certificateProblem(code, subject: subject, host: host), .serverCertificateRejected)
        }
        let requiresCertificate = (
            "TLS: the central system requires a client certificate (security profile 3: --client-cert and "
                + "--client-key)", LinkFailure.credentialsRefused
        )
        let notAccepted = (
            "TLS: the central system hung up after the handshake: it does not accept the station's certificate",
            LinkFailure.credentialsRefused
        )
        guard let (description, sent) = alert else {
            // No alert read: the server hung up before it arrived (TLS 1.3 sends it
            // after the client's Finished, racing the upgrade request).
            guard certificateRequested else { return nil }
            return presentedCertificate ? notAccepted : requiresCertificate
        }
        let refusedCertificate: Set<Int32> = [40, 42, 43, 44, 45, 46, 48, 116]
        if description == 70 {  // protocol_version
            return ("TLS version refused: the central system offers nothing from TLS 1.2 on", .tlsVersionRejected)
        }
        if description == 71 || (description == 40 && !sawServerCertificate && !sent) {
            // insufficient_security; handshake_failure before any certificate
            return (
                "TLS cipher suite refused: the central system offers none the whitepaper allows",
                .tlsCipherSuiteRejected
            )
        }
        if !sent, !presentedCertificate, description == 40 || description == 116 {
            return requiresCertificate
        }
        if !sent, refusedCertificate.contains(description) {
            return (
                "TLS: the central system refused the station's certificate (alert: \(Self.alertName(description)))",
                .credentialsRefused
            )
        }
        if description == 50, sent {
            // decode_error: what OpenSSL sends when the peer hung up or answered without
            // TLS. After the server's certificate, hanging up is how a server that wants
            // a client certificate, or refuses the one it got, ends it (profile 3).
            guard sawServerCertificate else {
                return (
                    "TLS: the central system hung up or did not answer in TLS (no TLS on this port, or no TLS "
                        + "version or cipher suite in common)", nil
                )
            }
            if presentedCertificate { return notAccepted }
            return certificateRequested
                ? requiresCertificate
                : ("TLS: the central system hung up after the handshake: it probably requires a client "
                    + "certificate (security profile 3: --client-cert and --client-key)", .credentialsRefused)
        }
        if description == 112 {
            return ("TLS: the central system does not serve \(host) (alert: unrecognized name)", nil)
        }
        let who = sent ? "the station ended" : "the central system ended"
        return ("TLS: \(who) the handshake (alert: \(Self.alertName(description)))", nil)
    }

    /// OpenSSL's verification errors (X509_V_ERR_*) an operator meets, in words, with
    /// what to do about them.
    static func certificateProblem(_ code: Int32, subject: String, host: String) -> String {
        let named = subject.isEmpty ? "" : " \(subject)"
        switch code {
        case 2, 20, 21:
            return "TLS: server certificate not trusted:\(named) has an unknown issuer — use --ca-file PEM or "
                + "InstallCertificate, or --insecure for a test"
        case 18, 19:
            return "TLS: server certificate not trusted: self-signed\(named) — use --ca-file PEM or "
                + "InstallCertificate, or --insecure for a test"
        case 10:
            return "TLS: server certificate expired:\(named)"
        case 9:
            return "TLS: server certificate not valid yet:\(named) (is the station's clock right?)"
        case 62, 64:
            return "TLS: name mismatch: the server certificate\(named) is not for \(host)"
        case 23:
            return "TLS: server certificate revoked:\(named)"
        case 7, 8:
            return "TLS: server certificate signature invalid:\(named)"
        case 24, 25, 26, 79:
            return "TLS: server certificate not fit for a TLS server:\(named)"
        default:
            return "TLS: server certificate rejected (X509 error \(code)):\(named)"
        }
    }

    /// RFC 8446 §6 AlertDescription names.
    static func alertName(_ description: Int32) -> String {
        switch description {
        case 0: "close notify"
        case 10: "unexpected message"
        case 20: "bad record MAC"
        case 40: "handshake failure"
        case 42: "bad certificate"
        case 43: "unsupported certificate"
        case 44: "certificate revoked"
        case 45: "certificate expired"
        case 46: "certificate unknown"
        case 47: "illegal parameter"
        case 48: "unknown CA"
        case 49: "access denied"
        case 50: "decode error"
        case 51: "decrypt error"
        case 70: "protocol version"
        case 71: "insufficient security"
        case 80: "internal error"
        case 112: "unrecognized name"
        case 116: "certificate required"
        default: "\(description)"
        }
    }
}
