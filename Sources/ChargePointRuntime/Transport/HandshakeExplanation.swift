import ChargePoint

extension WebSocketClient {
    /// libwebsockets' handshake errors in words an operator can act on. `httpStatus` is
    /// the status of the server's answer to the upgrade request, 0 when there was none.
    /// The reason, and the security event it is when it is one (`LinkFailure`).
    static func explain(
        _ detail: String, httpStatus: Int = 0, _ settings: LinkSettings?
    ) -> (reason: String, failure: LinkFailure?) {
        let target = settings.map { " (\($0.endpoint))" } ?? ""
        let status = httpStatus != 0 ? httpStatus : detail.contains("401") ? 401 : detail.contains("404") ? 404 : 0
        switch status {
        case 401, 403:
            let sent = settings?.password == nil ? "no password was sent" : "check the password (--password, --password-file, OCPP_CONSOLE_PASSWORD) or AuthorizationKey"
            return (
                "the central system refused the credentials (HTTP \(status); \(sent))\(target)", .credentialsRefused
            )
        case 404:
            return ("the central system does not know this station id or path (HTTP 404)\(target)", nil)
        case 400:
            return (
                "the central system refused the WebSocket handshake (HTTP 400; does it offer ocpp1.6?)\(target)", nil
            )
        case 0, 101:
            break
        default:
            return ("the central system refused the WebSocket handshake (HTTP \(status))\(target)", nil)
        }
        let place = settings.map { "\($0.endpoint.host):\($0.endpoint.port)" } ?? "the central system's address"
        if detail.contains("Connection refused") {
            return ("cannot connect to \(place) (connection refused: nothing listens there)", nil)
        }
        if detail.contains("Unable to connect") || detail.contains("conn fail") || detail.contains("connect failed") {
            // libwebsockets keeps the socket's errno to itself (the socket is closed by
            // the time it reports): the two usual causes, said plainly.
            return ("cannot connect to \(place) (connection refused, or no route to it)", nil)
        }
        if detail.contains("read failed"), settings?.endpoint.secure == false {
            // A TLS server hangs up on the plain HTTP of a ws:// upgrade request.
            return (
                "\(place) closed the connection without answering the WebSocket handshake: if it speaks TLS, "
                    + "use wss://", nil
            )
        }
        if detail.lowercased().contains("tls") || detail.lowercased().contains("ssl")
            || detail.lowercased().contains("certificate")
        {
            let certificate = detail.lowercased().contains("certificate") || detail.lowercased().contains("verify")
            return ("TLS failed\(target): \(detail)", certificate ? .serverCertificateRejected : nil)
        }
        return ("\(detail)\(target)", nil)
    }
}
