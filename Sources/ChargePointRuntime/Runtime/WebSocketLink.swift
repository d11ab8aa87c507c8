import ChargePoint

/// The libwebsockets client as `StationDriver`'s link: the endpoint and identity are
/// fixed for the station's life; the security profile, password, TLS files and ping
/// interval come with each connection's plan (`LinkPlan`).
struct WebSocketLink: LinkTransport {
    let client: WebSocketClient
    /// The endpoint, identity and `--insecure`; the rest comes with each plan.
    let base: LinkSettings
    let credentials: LinkCredentials
    /// Where a file the link needs could not be written.
    let report: (String) -> Void

    func send(_ frame: String) { client.send(frame) }

    func connect(_ plan: LinkPlan) {
        let (tls, problems) = credentials.tls(for: plan)
        for problem in problems { report(problem) }
        var settings = base
        if plan.secure { settings.endpoint = base.endpoint.secured }
        (settings.password, settings.tls, settings.pingInterval) = (plan.password, tls, plan.pingInterval)
        client.connect(settings)
    }

    func disconnect(reason: String) { client.close(reason: reason) }

    func abort() -> Bool {
        guard client.isConnected else { return false }
        client.abort()
        return true
    }
}

extension SQLiteStore: StationStore {}
