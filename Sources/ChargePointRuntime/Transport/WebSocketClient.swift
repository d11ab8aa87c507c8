internal import CLibwebsockets
import ChargePoint
import DequeModule
import Foundation

/// One station's WebSocket to the central system, on a `LinkHub` (libwebsockets,
/// PLATFORM-NOTES.md): the hub's one thread carries every lws call and callback of it.
///
/// Other threads hand it commands through the hub's queue; it writes one message per
/// WRITEABLE callback and asks again while more wait. Events go out through `onEvent`, on
/// the hub's thread, in order. The station that owns it runs on that thread too
/// (`perform`, `wake(at:)`), so that a frame received is handled and answered without
/// crossing threads (`make bench`, link benchmark).
public final class WebSocketClient: @unchecked Sendable {
    enum Command {
        case connect(LinkSettings)
        case send(String)
        case close(reason: String)
        case abort
    }

    public let hub: LinkHub
    /// Whether this connection made its hub and stops it with itself (one station).
    private let ownsHub: Bool
    private let onEvent: @Sendable (LinkEvent) -> Void

    // Service-thread state.
    private var wsi: OpaquePointer?
    private var settings: LinkSettings?
    /// Waiting in the hub's openings (`LinkHub.requestOpening`).
    private var awaitingOpening = false
    /// Told its owner that it waits for its turn (`LinkEvent.waiting`).
    private var saidWaiting = false
    /// Frames waiting for a WRITEABLE callback, oldest first.
    private var outgoing: Deque<[UInt8]> = []
    private var incoming: [UInt8] = []
    private var incomingIsBinary = false
    private var closeReason: String?
    private var failureReason: String?
    private var peerCloseReason: String?
    private var established = false
    /// What the TLS handshake of the connection being opened said, if it fails.
    private var handshake = TLSHandshakeFailure()
    private var closeStarted = false
    private var connectionStrings: [UnsafeMutablePointer<CChar>] = []
    private var retryPolicy = UnsafeMutablePointer<lws_retry_bo_t>.allocate(capacity: 1)
    private lazy var wakeTimer = HubTimer { [unowned self] in self.onWake?() }
    /// Called on the service thread when the time given to `wake(at:)` comes.
    public var onWake: (() -> Void)?

    /// A connection on `hub` (started or not); the TLS of each connection comes with it
    /// (`LinkSettings.tls`).
    public init(hub: LinkHub, onEvent: @escaping @Sendable (LinkEvent) -> Void) {
        self.hub = hub
        ownsHub = false
        self.onEvent = onEvent
        retryPolicy.initialize(to: lws_retry_bo_t())
        hub.attach(self)
    }

    /// A connection with a hub of its own, started by `start()` and stopped by `stop()`:
    /// one station, or `replay`.
    public init(onEvent: @escaping @Sendable (LinkEvent) -> Void) {
        hub = LinkHub()
        ownsHub = true
        self.onEvent = onEvent
        retryPolicy.initialize(to: lws_retry_bo_t())
        hub.attach(self)
    }

    deinit {
        retryPolicy.deallocate()
        for string in connectionStrings { free(string) }
    }

    /// Starts its own hub (a connection made with `init(onEvent:)`); nothing otherwise.
    public func start() throws(LinkError) {
        if ownsHub { try hub.start() }
    }

    /// Opens a connection; always by way of the queue, so that it never starts inside a
    /// callback of the connection that is ending.
    public func connect(_ settings: LinkSettings) { hub.enqueue(.connection(self, .connect(settings))) }
    public func send(_ text: String) { hub.run(.send(text), for: self) }
    /// A graceful close (close frame with a reason).
    public func close(reason: String) { hub.run(.close(reason: reason), for: self) }
    /// Drops the connection without a close frame, as a power cut would.
    public func abort() { hub.run(.abort, for: self) }

    /// Runs `work` on the service thread, after what was asked before it.
    public func perform(_ work: @escaping @Sendable () -> Void) { hub.perform(work) }

    /// On the service thread: calls `onWake` at `time` (replacing any earlier request),
    /// or never with nil.
    public func wake(at time: Timestamp?) {
        guard let context = hub.context else { return }
        guard let time else {
            wakeTimer.cancel()
            return
        }
        let delay = max(0, Timestamp.monotonicNow().milliseconds(until: time))
        wakeTimer.schedule(on: context, afterMicroseconds: delay * 1000)
    }

    /// Before the hub's context goes (service thread).
    func cancelTimers() { wakeTimer.cancel() }

    /// Whether the caller runs on the service thread.
    public var isServiceThread: Bool { hub.isServiceThread }

    /// Closes gracefully (waiting up to two seconds for the close handshake) and, when
    /// the hub is its own, stops it.
    public func stop() {
        beginClosing()
        _ = waitUntilClosed(before: Date().addingTimeInterval(2))
        if ownsHub { hub.stop() }
    }

    /// Asks for a graceful close (`stop()` in two halves, for a fleet that closes every
    /// connection at once).
    public func beginClosing() { hub.enqueue(.connection(self, .close(reason: "station shutting down"))) }

    /// Blocks until the connection is down or `deadline` passed; whether it is down.
    public func waitUntilClosed(before deadline: Date) -> Bool {
        connection.withLock {
            while connectedValue, connection.wait(until: deadline) {}
            return !connectedValue
        }
    }

    private let connection = NSCondition()
    private var connectedValue = false  // guarded by connection
    /// Whether a connection is established (any thread).
    public var isConnected: Bool { connection.withLock { connectedValue } }

    private func setConnected(_ value: Bool) {
        connection.withLock {
            connectedValue = value
            connection.broadcast()
        }
    }

    // MARK: Service thread

    func execute(_ command: Command) {
        switch command {
        case .connect(let settings):
            guard wsi == nil, !awaitingOpening else { return }
            self.settings = settings
            awaitingOpening = true
            hub.requestOpening(self)
        case .send(let text):
            outgoing.append(Array(text.utf8))
            hub.outgoingFrames += 1
            if let wsi, established { lws_callback_on_writable(wsi) }
        case .close(let reason):
            if awaitingOpening, hub.cancelOpening(self) {
                // Never opened: it ends here.
                (awaitingOpening, saidWaiting) = (false, false)
                onEvent(.disconnected(reason: reason))
            } else if let wsi {
                closeReason = reason
                lws_callback_on_writable(wsi)
            }
        case .abort:
            if awaitingOpening, hub.cancelOpening(self) {
                (awaitingOpening, saidWaiting) = (false, false)
                onEvent(.disconnected(reason: "power cut"))
            } else if let wsi {
                closeReason = "power cut"
                lws_set_timeout(wsi, PENDING_TIMEOUT_CLOSE_SEND, LWS_TO_KILL_ASYNC)
            }
        }
    }

    private func dropOutgoing() {
        hub.outgoingFrames -= outgoing.count
        outgoing.removeAll()
    }

    /// A C string that lives as long as the connection being opened: freed when the
    /// next one opens (the previous one is gone by then), so that reconnecting for days
    /// does not pile them up.
    private func cString(_ text: String) -> UnsafeMutablePointer<CChar> {
        let pointer = strdup(text)!
        connectionStrings.append(pointer)
        return pointer
    }

    /// Tells the owner, once per opening, that the hub's pace holds this connection back.
    func sayWaiting(_ reason: String) {
        guard !saidWaiting else { return }
        saidWaiting = true
        onEvent(.waiting(reason: reason))
    }

    /// Opens the connection `connect` asked for: called by the hub between `lws_service`
    /// rounds, when the pace allows.
    func open() {
        awaitingOpening = false
        if saidWaiting {
            saidWaiting = false
            onEvent(.opening)
        }
        guard wsi == nil, let settings, let context = hub.context else { return }
        let tls = settings.endpoint.secure ? settings.tls : LinkTLS()
        guard let vhost = hub.vhost(for: tls) else {
            onEvent(
                .disconnected(
                    reason: "cannot use the TLS files \([tls.caFile, tls.certificateFile].compactMap { $0 }.joined(separator: ", "))"))
            return
        }
        for string in connectionStrings { free(string) }
        connectionStrings.removeAll()
        dropOutgoing()
        incoming.removeAll()
        closeReason = nil
        closeStarted = false
        failureReason = nil
        peerCloseReason = nil
        established = false
        handshake = TLSHandshakeFailure(presentedCertificate: tls.certificateFile != nil)
        let ping = UInt16(clamping: settings.pingInterval)
        retryPolicy.pointee.secs_since_valid_ping = ping > 0 ? ping : UInt16.max
        retryPolicy.pointee.secs_since_valid_hangup =
            ping > 0 ? UInt16(clamping: settings.pingInterval * 2 + 1) : UInt16.max
        var info = lws_client_connect_info()
        info.context = context
        info.vhost = vhost
        info.opaque_user_data = Unmanaged.passUnretained(self).toOpaque()
        info.address = UnsafePointer(cString(settings.endpoint.host))
        info.port = Int32(settings.endpoint.port)
        info.path = UnsafePointer(cString(settings.endpoint.path))
        // RFC 7230 §5.4: the Host header names the port unless it is the scheme's own.
        let defaultPort = settings.endpoint.secure ? 443 : 80
        info.host =
            settings.endpoint.port == defaultPort
            ? info.address : UnsafePointer(cString("\(settings.endpoint.host):\(settings.endpoint.port)"))
        info.origin = info.address
        info.protocol = UnsafePointer(cString("ocpp1.6"))
        info.local_protocol_name = hub.protocolName
        info.retry_and_idle_policy = UnsafePointer(retryPolicy)
        if settings.endpoint.secure {
            var flags = LCCSCF_USE_SSL.rawValue
            if settings.insecure {
                flags |=
                    LCCSCF_ALLOW_SELFSIGNED.rawValue | LCCSCF_SKIP_SERVER_CERT_HOSTNAME_CHECK.rawValue
                    | LCCSCF_ALLOW_EXPIRED.rawValue
            }
            info.ssl_connection = Int32(flags)
        }
        var handle: OpaquePointer?
        withUnsafeMutablePointer(to: &handle) { pointer in
            info.pwsi = pointer
            if lws_client_connect_via_info(&info) == nil {
                onEvent(.disconnected(reason: "cannot connect to \(settings.endpoint)"))
            }
        }
        wsi = handle
    }

    func callback(
        _ wsi: OpaquePointer, _ reason: lws_callback_reasons, _ user: UnsafeMutableRawPointer?,
        _ input: UnsafeMutableRawPointer?, _ length: Int
    ) -> Int32 {
        switch reason {
        case LWS_CALLBACK_CLIENT_APPEND_HANDSHAKE_HEADER:
            guard let settings, let password = settings.password, let input else { break }
            // HTTP Basic auth: the station id and the password (OCPP-J §6.2.2,
            // security whitepaper §2.3), whose bytes need not be text (an AuthorizationKey,
            // A00.FR.205): base64 of the bytes, never a String of them.
            let credentials = Data(Array("\(settings.stationId):".utf8) + password.bytes).base64EncodedString()
            let cursor = input.assumingMemoryBound(to: UnsafeMutablePointer<UInt8>?.self)
            guard let start = cursor.pointee else { break }
            let end = start + length
            let failed = "authorization:".withCString { name in
                "Basic \(credentials)".withCString { value in
                    lws_add_http_header_by_name(
                        wsi, UnsafeRawPointer(name).assumingMemoryBound(to: UInt8.self),
                        UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self), Int32(strlen(value)), cursor, end)
                }
            }
            if failed != 0 { return -1 }
        case LWS_CALLBACK_CLIENT_FILTER_PRE_ESTABLISH:
            // lws accepts a server that names no subprotocol; OCPP-J §3.2 requires it.
            let agreed = LibwebsocketsIO.header(wsi, WSI_TOKEN_PROTOCOL, capacity: 64)
            if agreed != "ocpp1.6" {
                failureReason =
                    agreed.isEmpty
                    ? "the central system did not agree to the ocpp1.6 subprotocol"
                    : "the central system chose the subprotocol '\(agreed)', not ocpp1.6"
                return 1
            }
        case LWS_CALLBACK_OPENSSL_PERFORM_SERVER_CERT_VERIFICATION:
            // `user` is the X509_STORE_CTX, `length` OpenSSL's verdict so far.
            handshake.sawServerCertificate = true
            if length == 0, let user, settings?.insecure == true {
                // `--insecure`: no check at all, not only a self-signed certificate
                // passes (LCCSCF_ALLOW_SELFSIGNED) but one of an unknown CA too.
                tl_verify_accept(user)
            } else if length == 0, let user {
                var subject = [CChar](repeating: 0, count: 256)
                let code = tl_verify_error(user, &subject, subject.count)
                if code != 0, handshake.verifyError == nil {
                    handshake.verifyError = (code, LibwebsocketsIO.text(subject))
                }
            }
            return 0
        case LWS_CALLBACK_CLIENT_ESTABLISHED:
            self.wsi = wsi
            established = true
            setConnected(true)
            onEvent(.connected(server: Self.serverCertificate(wsi)))
            if !outgoing.isEmpty { lws_callback_on_writable(wsi) }
        case LWS_CALLBACK_CLIENT_RECEIVE:
            if let input, length > 0 {
                incoming.append(contentsOf: UnsafeRawBufferPointer(start: input, count: length))
            }
            if lws_frame_is_binary(wsi) != 0 { incomingIsBinary = true }
            if lws_is_final_fragment(wsi) != 0, lws_remaining_packet_payload(wsi) == 0 {
                let bytes = incoming
                incoming.removeAll(keepingCapacity: true)
                if incomingIsBinary {
                    incomingIsBinary = false
                    onEvent(.received("[binary WebSocket message of \(bytes.count) bytes: OCPP-J uses text]"))
                } else {
                    onEvent(.received(String(decoding: bytes, as: UTF8.self)))
                }
            }
        case LWS_CALLBACK_CLIENT_WRITEABLE:
            // What was sent before the close goes out first (a Reset's Accepted, for one).
            if outgoing.isEmpty, let reason = closeReason {
                // Once only: lws then sends the close frame and awaits the peer's. A
                // second -1 would make it drop the socket at once, and a socket closed
                // with unread input goes out as a reset that can destroy our last
                // message at the central system's end before it reads it.
                guard !closeStarted else { break }
                closeStarted = true
                var bytes = Array(reason.utf8.prefix(120))
                lws_close_reason(wsi, LWS_CLOSE_STATUS_NORMAL, &bytes, bytes.count)
                return -1
            }
            guard !outgoing.isEmpty else { break }
            let message = outgoing.removeFirst()
            hub.outgoingFrames -= 1
            if !LibwebsocketsIO.writeText(wsi, message) { return -1 }
            if !outgoing.isEmpty || closeReason != nil { lws_callback_on_writable(wsi) }
        case LWS_CALLBACK_WS_PEER_INITIATED_CLOSE:
            if let input, length >= 2 {
                let bytes = UnsafeRawBufferPointer(start: input, count: length)
                let code = Int(bytes[0]) << 8 | Int(bytes[1])
                let text = String(decoding: bytes.dropFirst(2), as: UTF8.self)
                peerCloseReason = "closed by the central system (\(code)\(text.isEmpty ? "" : ": \(text)"))"
            }
        case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
            let detail = input.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? "connection failed"
            let status = Int(lws_http_client_http_response(wsi))
            var sent: Int32 = 0
            let alert = tl_tls_alert(wsi, &sent)
            if alert >= 0 { handshake.alert = (alert, sent != 0) }
            // Without an answer to the upgrade: whether the failure can be the
            // certificate the server asked for (TLS 1.3 refuses it after the client's
            // side of the handshake, so its alert races the hang-up).
            handshake.certificateRequested = status == 0 && tl_tls_certificate_requested(wsi) != 0
            if let failureReason {
                finish(failureReason)
            } else if let settings, let (reason, failure) = handshake.explained(host: settings.endpoint.host) {
                finish(reason, failure: failure)  // the header shows the URL; the reason stays short
            } else {
                let loss = Self.explain(detail, httpStatus: status, settings)
                finish(loss.reason, failure: loss.failure)
            }
        case LWS_CALLBACK_CLIENT_CLOSED:
            finish(closeReason ?? peerCloseReason ?? "the connection was lost")
        default:
            break
        }
        return lws_callback_http_dummy(wsi, reason, user, input, length)
    }

    /// The server certificate of an established `wss://` connection, nil on `ws://`.
    private static func serverCertificate(_ wsi: OpaquePointer) -> ServerCertificate? {
        var subject = [CChar](repeating: 0, count: 256)
        var issuer = [CChar](repeating: 0, count: 256)
        guard tl_peer_certificate(wsi, &subject, subject.count, &issuer, issuer.count) != 0 else { return nil }
        return ServerCertificate(subject: LibwebsocketsIO.text(subject), issuer: LibwebsocketsIO.text(issuer))
    }

    private func finish(_ reason: String, failure: LinkFailure? = nil) {
        guard wsi != nil || !established else {
            wsi = nil
            onEvent(.disconnected(reason: reason, failure: failure))
            return
        }
        wsi = nil
        established = false
        setConnected(false)
        dropOutgoing()
        onEvent(.disconnected(reason: reason, failure: failure))
    }
}
