import ChargePoint

/// What the link reports to its owner (on the link's own thread).
public enum LinkEvent: Sendable, Equatable {
    /// `server`: over TLS, the certificate the central system was verified by.
    case connected(server: ServerCertificate?)
    /// `failure`: what the handshake says of it, when that is a security event.
    case disconnected(reason: String, failure: LinkFailure? = nil)
    case received(String)
    /// The connection asked for waits for its turn to open (`LinkHub`'s pace); `reason`
    /// says at what pace. `opening` follows when its turn comes.
    case waiting(reason: String)
    case opening
}

/// How to connect: where, as whom, how to trust the server, how often to ping.
public struct LinkSettings: Sendable, Equatable {
    public var endpoint: Endpoint
    public var stationId: String
    /// HTTP Basic auth password (security profiles 1 and 2); never logged.
    public var password: BasicAuthPassword?
    /// What a `wss://` connection trusts and presents (one libwebsockets vhost each).
    public var tls: LinkTLS
    /// Accept any server certificate (testing only).
    public var insecure: Bool
    /// WebSocket ping every this many seconds, hang up after twice that without an
    /// answer; 0 disables (OCPP-J 1.6 §7 WebSocketPingInterval).
    public var pingInterval: Int

    public init(
        endpoint: Endpoint, stationId: String, password: BasicAuthPassword? = nil, tls: LinkTLS = LinkTLS(),
        insecure: Bool = false,
        pingInterval: Int = 0
    ) {
        self.endpoint = endpoint
        self.stationId = stationId
        self.password = password
        self.tls = tls
        self.insecure = insecure
        self.pingInterval = pingInterval
    }
}

/// The files of a `wss://` connection's TLS (security whitepaper §2): the roots the
/// server is verified with (nil: the system's store) and the client certificate (chain)
/// and key presented (profile 3). libwebsockets keeps these per vhost, and shares one
/// OpenSSL context between vhosts with the same paths: a changed file needs a new path.
public struct LinkTLS: Sendable, Hashable {
    public var caFile: String?
    public var certificateFile: String?
    public var keyFile: String?

    public init(caFile: String? = nil, certificateFile: String? = nil, keyFile: String? = nil) {
        self.caFile = caFile
        self.certificateFile = certificateFile
        self.keyFile = keyFile
    }
}

public struct LinkError: Error, Sendable, CustomStringConvertible {
    public let description: String
    package init(_ description: String) { self.description = description }
}
