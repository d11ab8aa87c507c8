/// How the next connection is to be made (security whitepaper §2, A05, M05): the
/// security profile it is in and what that profile needs. The core decides it for each
/// attempt, so that a profile raised by ChangeConfiguration, a root installed or a
/// certificate signed over OCPP take effect at the next connection, not the next start.
public struct LinkPlan: Sendable, Equatable {
    /// The security profile this attempt uses (0–3).
    public var securityProfile: Int
    /// `wss://`: the URL says so, or the profile is 2 or 3 (then a `ws://` URL is used
    /// with `wss://` on the same host, port and path).
    public var secure: Bool
    /// HTTP Basic auth password (profiles 1 and 2), nil for none. A secret.
    public var password: BasicAuthPassword?
    /// WebSocket pings every this many s, 0 none (OCPP-J §7 WebSocketPingInterval).
    public var pingInterval: Int
    /// The installed CentralSystemRootCertificates (PEM) the server is verified with on
    /// this attempt: the current roots, and the fallback root of M05.FR.11 only while
    /// the new one failed (M05.FR.13).
    public var trustRoots: [String]
    /// The charge point certificate the central system signed (A02/A03), presented over
    /// TLS when the operator gave no `--client-cert`; nil otherwise.
    public var signedCertificate: ChargePointCertificate?

    public init(
        securityProfile: Int = 0, secure: Bool = false, password: BasicAuthPassword? = nil, pingInterval: Int = 0,
        trustRoots: [String] = [], signedCertificate: ChargePointCertificate? = nil
    ) {
        self.securityProfile = securityProfile
        self.secure = secure
        self.password = password
        self.pingInterval = pingInterval
        self.trustRoots = trustRoots
        self.signedCertificate = signedCertificate
    }
}
