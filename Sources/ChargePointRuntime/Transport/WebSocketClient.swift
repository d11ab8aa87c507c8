internal import CLibwebsockets
import ChargePoint
import DequeModule
import Foundation

/// What the link reports to its owner (on the link's own thread).
public enum LinkEvent: Sendable, Equatable {
    /// `server`: over TLS, the certificate the central system was verified by.
    case connected(server: ServerCertificate?)
    /// `failure`: what the handshake says of it, when that is a security event.
    case disconnected(reason: String, failure: LinkFailure? = nil)
    case received(String)
}

/// How to connect: where, as whom, how to trust the server, how often to ping.
public struct LinkSettings: Sendable, Equatable {
    public var endpoint: Endpoint
    public var stationId: String
    /// HTTP Basic auth password (security profiles 1 and 2); never logged.
    public var password: String?
    /// What a `wss://` connection trusts and presents (one libwebsockets vhost each).
    public var tls: LinkTLS
    /// Accept any server certificate (testing only).
    public var insecure: Bool
    /// WebSocket ping every this many seconds, hang up after twice that without an
    /// answer; 0 disables (OCPP-J 1.6 §7 WebSocketPingInterval).
    public var pingInterval: Int

    public init(
        endpoint: Endpoint, stationId: String, password: String? = nil, tls: LinkTLS = LinkTLS(), insecure: Bool = false,
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

/// The station's WebSocket to the central system, on libwebsockets (PLATFORM-NOTES.md).
///
/// One thread owns the lws context: every lws call and callback happens on it, in a
/// loop around `lws_service`. Other threads hand it commands under a lock and wake it
/// with `lws_cancel_service`; it writes one message per WRITEABLE callback and asks
/// again while more wait. Events go out through `onEvent`, on that thread, in order.
///
/// The thread also runs the owner's own work (`perform`) and wakes it at a time it
/// asks for (`wake(at:)`): the station runs on it, so that a frame received is
/// handled and answered without crossing threads (`make bench`, link benchmark).
public final class WebSocketClient: @unchecked Sendable {
    enum Command {
        case connect(LinkSettings)
        case send(String)
        case close(reason: String)
        case abort
        case perform(@Sendable () -> Void)
    }

    private let onEvent: @Sendable (LinkEvent) -> Void
    private let lock = NSLock()
    private var commands: [Command] = []  // guarded by lock
    private var stopping = false  // guarded by lock
    private var contextHandle: OpaquePointer?  // set once, before the thread runs
    private var thread: ServiceThread?

    // Service-thread state.
    private var wsi: OpaquePointer?
    private var settings: LinkSettings?
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
    /// One vhost per TLS setting (`LinkTLS`), made on the service loop between
    /// callbacks; a handful in a run (a root installed, a certificate signed).
    private var vhosts: [LinkTLS: OpaquePointer] = [:]
    /// A connection waiting for its vhost to be made.
    private var pendingOpen: LinkSettings?
    /// The service loop runs between `lws_service` calls, not inside a callback.
    private var outsideCallbacks = false
    private var closeStarted = false
    private var strings: [UnsafeMutablePointer<CChar>] = []
    private var connectionStrings: [UnsafeMutablePointer<CChar>] = []
    private var retryPolicy = UnsafeMutablePointer<lws_retry_bo_t>.allocate(capacity: 1)
    private let keepAlive = UnsafeMutablePointer<tl_timer>.allocate(capacity: 1)
    private let wakeTimer = UnsafeMutablePointer<tl_timer>.allocate(capacity: 1)
    /// Called on the service thread when the time given to `wake(at:)` comes.
    public var onWake: (() -> Void)?
    private let protocols = UnsafeMutablePointer<lws_protocols>.allocate(capacity: 2)

    /// The TLS of each connection comes with it (`LinkSettings.tls`).
    public init(onEvent: @escaping @Sendable (LinkEvent) -> Void) {
        self.onEvent = onEvent
        retryPolicy.initialize(to: lws_retry_bo_t())
        keepAlive.initialize(to: tl_timer())
        wakeTimer.initialize(to: tl_timer())
        protocols.initialize(repeating: lws_protocols(), count: 2)
        protocols[0] = LibwebsocketsIO.protocolEntry("ocpp1.6") { wsi, reason, user, input, length in
            if reason == LWS_CALLBACK_OPENSSL_LOAD_EXTRA_CLIENT_VERIFY_CERTS {
                // A vhost's new client SSL_CTX (`wsi` is a stand-in, not a connection).
                tl_client_tls_setup(user)
                return 0
            }
            guard let wsi, let client = LibwebsocketsIO.owner(of: wsi, as: WebSocketClient.self) else {
                return lws_callback_http_dummy(wsi, reason, user, input, length)
            }
            return client.callback(wsi, reason, user, input, length)
        }
    }

    deinit {
        retryPolicy.deallocate()
        keepAlive.deallocate()
        wakeTimer.deallocate()
        LibwebsocketsIO.freeProtocolNames(protocols, count: 1)
        protocols.deallocate()
        for string in strings + connectionStrings { free(string) }
    }

    /// Starts the service thread. Call once.
    public func start() throws(LinkError) {
        var info = lws_context_creation_info()
        info.options = UInt64(LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT) | UInt64(LWS_SERVER_OPTION_EXPLICIT_VHOSTS)
        info.port = CONTEXT_PORT_NO_LISTEN
        info.protocols = UnsafePointer(protocols)
        info.user = Unmanaged.passUnretained(self).toOpaque()
        info.fd_limit_per_thread = 16
        LibwebsocketsLog.route()
        guard let context = lws_create_context(&info) else {
            throw LinkError("libwebsockets could not create its client context")
        }
        contextHandle = context
        // The first vhost, for `ws://` and the system's roots: lws asks the first
        // vhost's protocol to check every server certificate, and wakes it on commands.
        guard vhost(for: LinkTLS()) != nil else {
            lws_context_destroy(context)
            contextHandle = nil
            throw LinkError("libwebsockets could not create its client vhost")
        }
        keepAlive.pointee.owner = Unmanaged.passUnretained(self).toOpaque()
        keepAlive.pointee.fire = { owner in
            guard let owner else { return }
            let client = Unmanaged<WebSocketClient>.fromOpaque(owner).takeUnretainedValue()
            client.keepAliveTick()
        }
        wakeTimer.pointee.owner = Unmanaged.passUnretained(self).toOpaque()
        wakeTimer.pointee.fire = { owner in
            guard let owner else { return }
            Unmanaged<WebSocketClient>.fromOpaque(owner).takeUnretainedValue().onWake?()
        }
        let thread = ServiceThread(name: "ocpp-link") { [self] in
            if let contextHandle { serviceLoop(contextHandle) }
        }
        self.thread = thread
        thread.start()
    }

    /// Opens a connection; always by way of the queue, so that it never starts inside a
    /// callback of the connection that is ending.
    public func connect(_ settings: LinkSettings) { enqueue(.connect(settings)) }
    public func send(_ text: String) { run(.send(text)) }
    /// A graceful close (close frame with a reason).
    public func close(reason: String) { run(.close(reason: reason)) }
    /// Drops the connection without a close frame, as a power cut would.
    public func abort() { run(.abort) }

    /// Runs `work` on the service thread, after what was asked before it.
    public func perform(_ work: @escaping @Sendable () -> Void) { enqueue(.perform(work)) }

    /// On the service thread: calls `onWake` at `time` (replacing any earlier request),
    /// or never with nil.
    public func wake(at time: Timestamp?) {
        guard let contextHandle else { return }
        guard let time else {
            tl_timer_cancel(wakeTimer)
            return
        }
        let delay = max(0, Timestamp.monotonicNow().milliseconds(until: time))
        tl_timer_schedule(contextHandle, wakeTimer, delay * 1000)
    }

    /// Whether the caller runs on the service thread.
    public var isServiceThread: Bool { thread?.isCurrent == true }

    /// Carries a command out at once on the service thread (in order with everything
    /// else there), or queues it from another thread.
    private func run(_ command: Command) {
        if isServiceThread, lock.withLock({ commands.isEmpty }) {
            execute(command)
        } else {
            enqueue(command)
        }
    }

    /// Closes gracefully (waiting up to two seconds for the close handshake) and stops
    /// the thread.
    public func stop() {
        enqueue(.close(reason: "station shutting down"))
        let deadline = Date().addingTimeInterval(2)
        connection.withLock {
            while connectedValue, connection.wait(until: deadline) {}
        }
        lock.withLock { stopping = true }
        if let contextHandle { lws_cancel_service(contextHandle) }
        thread?.join()
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

    private func enqueue(_ command: Command) {
        lock.withLock { commands.append(command) }
        if let contextHandle { lws_cancel_service(contextHandle) }
    }

    // MARK: Service thread

    private func serviceLoop(_ context: OpaquePointer) {
        tl_timer_schedule(context, keepAlive, 1_000_000)
        // Observers' threads are woken once the answer is on the wire, not before it
        // (`DeferredWake`); a round that could not write yet holds them one round more.
        DeferredWake.hold()
        var roundsHeld = 0
        while !lock.withLock({ stopping }) {
            if lws_service(context, 0) < 0 { break }
            if let settings = pendingOpen {
                // Outside every callback: a new vhost changes lws's list of them.
                pendingOpen = nil
                outsideCallbacks = true
                open(settings)
                outsideCallbacks = false
            }
            if DeferredWake.hasPending {
                roundsHeld += 1
                if outgoing.isEmpty || roundsHeld > 1 {
                    DeferredWake.flush()
                    roundsHeld = 0
                }
            }
        }
        DeferredWake.release()
        tl_timer_cancel(keepAlive)
        tl_timer_cancel(wakeTimer)
        lws_context_destroy(context)
    }

    /// lws 4.1.6 reports a dead connection late unless the loop wakes now and then
    /// (PLATFORM-NOTES.md): a self-re-arming one-second timer.
    private func keepAliveTick() {
        guard let contextHandle else { return }
        tl_timer_schedule(contextHandle, keepAlive, 1_000_000)
    }

    private func drainCommands() {
        let pending = lock.withLock { () -> [Command] in
            defer { commands.removeAll() }
            return commands
        }
        for command in pending { execute(command) }
    }

    private func execute(_ command: Command) {
        switch command {
        case .connect(let settings): open(settings)
        case .send(let text):
            outgoing.append(Array(text.utf8))
            if let wsi, established { lws_callback_on_writable(wsi) }
        case .close(let reason):
            if let wsi {
                closeReason = reason
                lws_callback_on_writable(wsi)
            }
        case .abort:
            if let wsi {
                closeReason = "power cut"
                lws_set_timeout(wsi, PENDING_TIMEOUT_CLOSE_SEND, LWS_TO_KILL_ASYNC)
            }
        case .perform(let work):
            work()
        }
    }

    /// A C string that lives as long as the connection being opened: freed when the
    /// next one opens (the previous one is gone by then), so that reconnecting for days
    /// does not pile them up.
    private func cString(_ text: String) -> UnsafeMutablePointer<CChar> {
        let pointer = strdup(text)!
        connectionStrings.append(pointer)
        return pointer
    }

    /// The vhost of a TLS setting, made if new; nil when libwebsockets cannot (a file
    /// it cannot read). Only outside callbacks, or before the loop runs.
    private func vhost(for tls: LinkTLS) -> OpaquePointer? {
        if let made = vhosts[tls] { return made }
        guard let contextHandle else { return nil }
        var info = lws_context_creation_info()
        info.options = UInt64(LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT)
        // Roots given: they alone verify the central system (whitepaper A00.FR.307).
        if tls.caFile != nil { info.options |= UInt64(LWS_SERVER_OPTION_DISABLE_OS_CA_CERTS) }
        info.port = CONTEXT_PORT_NO_LISTEN
        info.protocols = UnsafePointer(protocols)
        let keep = { (text: String) -> UnsafePointer<CChar> in
            let copy = strdup(text)!
            self.strings.append(copy)
            return UnsafePointer(copy)
        }
        info.vhost_name = keep("ocpp-\(vhosts.count)")
        info.client_ssl_ca_filepath = tls.caFile.map(keep)
        info.client_ssl_cert_filepath = tls.certificateFile.map(keep)
        info.client_ssl_private_key_filepath = tls.keyFile.map(keep)
        // A passphrase of none: OpenSSL fails on an encrypted key instead of prompting on
        // the terminal (the options are checked at start; this is the belt to those braces).
        if tls.keyFile != nil { info.client_ssl_private_key_password = keep("") }
        // TLS 1.2 or later, no compression (A00.FR.312, .320), and only the cipher
        // suites of A00.FR.318 with forward secrecy first (TLS 1.3's are all allowed).
        info.ssl_client_options_set = tl_tls12_minimum_options()
        info.client_ssl_cipher_list = keep(Self.cipherSuites)
        guard let made = lws_create_vhost(contextHandle, &info) else { return nil }
        vhosts[tls] = made
        return made
    }

    /// OpenSSL names of the allowed TLS 1.2 suites (security whitepaper A00.FR.317–318).
    static let cipherSuites =
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:"
        + "ECDHE-RSA-AES256-GCM-SHA384:AES128-GCM-SHA256:AES256-GCM-SHA384"

    private func open(_ settings: LinkSettings) {
        guard wsi == nil, let contextHandle else { return }
        let tls = settings.endpoint.secure ? settings.tls : LinkTLS()
        if vhosts[tls] == nil, !outsideCallbacks {
            pendingOpen = settings
            lws_cancel_service(contextHandle)
            return
        }
        guard let vhost = vhost(for: tls) else {
            onEvent(
                .disconnected(
                    reason: "cannot use the TLS files \([tls.caFile, tls.certificateFile].compactMap { $0 }.joined(separator: ", "))"))
            return
        }
        for string in connectionStrings { free(string) }
        connectionStrings.removeAll()
        self.settings = settings
        outgoing.removeAll()
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
        info.context = contextHandle
        info.vhost = vhost
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
        info.local_protocol_name = protocols[0].name
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

    fileprivate func callback(
        _ wsi: OpaquePointer, _ reason: lws_callback_reasons, _ user: UnsafeMutableRawPointer?,
        _ input: UnsafeMutableRawPointer?, _ length: Int
    ) -> Int32 {
        switch reason {
        case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
            drainCommands()
        case LWS_CALLBACK_CLIENT_APPEND_HANDSHAKE_HEADER:
            guard let settings, let password = settings.password, let input else { break }
            // HTTP Basic auth: the station id and the password (OCPP-J §6.2.2,
            // security whitepaper §2.3).
            let credentials = Data("\(settings.stationId):\(password)".utf8).base64EncodedString()
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
        outgoing.removeAll()
        onEvent(.disconnected(reason: reason, failure: failure))
    }

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
            let sent = settings?.password == nil ? "no password was sent" : "check --password or AuthorizationKey"
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
        if detail.contains("conn fail") || detail.contains("connect failed") || detail.contains("Connection refused") {
            return ("cannot connect\(target): \(detail)", nil)
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

public struct LinkError: Error, Sendable, CustomStringConvertible {
    public let description: String
    package init(_ description: String) { self.description = description }
}
