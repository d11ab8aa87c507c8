import ChargePoint

/// The libwebsockets client as `StationDriver`'s link: the endpoint, identity and trust
/// are fixed for the station's life; the password and ping interval come with each
/// connection.
struct WebSocketLink: LinkTransport {
    let client: WebSocketClient
    let endpoint: Endpoint
    let stationId: String
    let caFile: String?
    let insecure: Bool

    func send(_ frame: String) { client.send(frame) }

    func connect(password: String?, pingInterval: Int) {
        client.connect(
            LinkSettings(
                endpoint: endpoint, stationId: stationId, password: password, caFile: caFile, insecure: insecure,
                pingInterval: pingInterval))
    }

    func disconnect(reason: String) { client.close(reason: reason) }

    func abort() -> Bool {
        guard client.isConnected else { return false }
        client.abort()
        return true
    }
}

extension SQLiteStore: StationStore {}
