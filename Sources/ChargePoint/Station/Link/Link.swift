/// The WebSocket as the core sees it, and the one owner of it: connecting, the
/// reconnect back-off, `offline`/`online`, closing to reconnect (OCPP-J 1.6 §5.4).
///
/// Each mutating method returns the `Action` that must follow, if any;
/// `StationCore.apply(_:)` turns it into a link request, a timer and an event.
struct Link: Sendable {
    /// What must happen after a change to the link.
    enum Action: Sendable, Equatable {
        /// Ask the driver to open the link.
        case connect
        /// Ask the driver to close the link.
        case disconnect(reason: String)
        /// Try to connect again after this long.
        case reconnect(afterMilliseconds: Int64)
    }

    /// Reconnect back-off: 1 s doubling to at most 60 s, with up to 30 % jitter so that
    /// a fleet restarted together does not reconnect in step; after a lost connection
    /// 1 s plus up to 1 s of jitter, so that a fleet whose central system restarts does
    /// not come back in one burst (issue 15). The jitter is seeded (`init(seed:)`).
    static let reconnectBaseMilliseconds: Int64 = 1000
    static let reconnectCapMilliseconds: Int64 = 60_000

    private(set) var state: ConnectionState = .disconnected
    /// The operator said `offline`: do not reconnect until `online`.
    private(set) var heldOffline = false
    /// Failed connection attempts since the last success, for the back-off.
    private var failures = 0
    /// A reconnection is wanted (after a reset or new credentials) once the link is down.
    private var reconnectWhenDown = false
    /// A close was requested: nothing more is sent on this connection.
    private(set) var closing = false
    /// The seeded jitter of the back-off, so that the core stays deterministic.
    private var random: SplitMix

    init(seed: UInt64) {
        random = SplitMix(seed: seed)
    }

    /// Frames may be sent: connected and not closing.
    var isOpen: Bool { state == .connected && !closing }

    /// Connect, unless held offline, already (being) connected, or the station is
    /// rebooting (dark).
    mutating func requestConnection(rebooting: Bool) -> Action? {
        guard !heldOffline, state == .disconnected, !rebooting else { return nil }
        state = .connecting
        return .connect
    }

    /// The certificate the central system was verified by, while connected over TLS.
    private(set) var server: ServerCertificate?

    /// The driver reports the link up (`server`: over TLS, who answered).
    mutating func up(server: ServerCertificate? = nil) {
        state = .connected
        self.server = server
        closing = false
        failures = 0
        lastSecurityFailure = nil
        invalidMessagesReported = false
    }

    /// Whether this connection's invalid frames have been logged
    /// (`StationCore.invalidMessageReceived`).
    var invalidMessagesReported = false

    /// A SecurityProfile raised, not yet proven by a connection (A05.FR.07–08).
    var profileUpgrade: ProfileUpgrade?

    /// The fallback root of M05.FR.11 is trusted too, since the new root failed
    /// (M05.FR.13); until the next connection is up.
    var trustingFallbackRoots = false

    /// The security event the last failed connections raised, until one succeeds
    /// (`StationCore.linkSecurityFailure`).
    var lastSecurityFailure: SecurityEventKind?

    /// The driver reports the link down; returns whether it had been connected.
    mutating func down() -> Bool {
        let wasConnected = state == .connected
        state = .disconnected
        server = nil
        closing = false
        return wasConnected
    }

    /// After `down`: reconnect at once when a restart asked for it, else after the
    /// back-off (at once-ish after a lost connection, growing while attempts fail);
    /// nothing while held offline or rebooting.
    mutating func nextAttempt(wasConnected: Bool, rebooting: Bool) -> Action? {
        if reconnectWhenDown {
            reconnectWhenDown = false
            return requestConnection(rebooting: rebooting)
        }
        guard !heldOffline, !rebooting else { return nil }
        if !wasConnected { failures += 1 }
        let exponent = min(failures, 6)
        let base = min(Self.reconnectBaseMilliseconds << exponent, Self.reconnectCapMilliseconds)
        if wasConnected {
            let base = Self.reconnectBaseMilliseconds
            return .reconnect(afterMilliseconds: base + Int64(random.next() % UInt64(base)))
        }
        let jitter = Int64(random.next() % UInt64(base * 3 / 10 + 1))
        return .reconnect(afterMilliseconds: base + jitter)
    }

    /// Carries `offline` over to a core rebuilt after a power cut.
    mutating func hold(offline held: Bool) {
        heldOffline = held
    }

    /// `offline`: close the link at once and keep it closed.
    mutating func goOffline() -> Action? {
        heldOffline = true
        return close(reason: "held offline (until 'online')")
    }

    /// `online`: the back-off starts afresh.
    mutating func goOnline() {
        heldOffline = false
        failures = 0
    }

    /// Close the link if it is (being) opened: nothing more is sent on it.
    mutating func close(reason: String) -> Action? {
        guard state != .disconnected else { return nil }
        closing = true
        return .disconnect(reason: reason)
    }

    /// Close and reopen the link (new credentials, security profile, reboot).
    mutating func restart(reason: String, rebooting: Bool) -> Action? {
        if state == .disconnected { return requestConnection(rebooting: rebooting) }
        reconnectWhenDown = true
        return close(reason: reason)
    }
}
