internal import CLibwebsockets
import ChargePoint
import DequeModule
import Foundation

/// One libwebsockets client context and the one thread that services it, carrying any
/// number of station connections (`WebSocketClient`): the single-station console is a
/// hub with one, a fleet (issue 15) a hub with thousands — never a thread per station.
///
/// The thread owns the context (PLATFORM-NOTES.md): every lws call and callback happens
/// on it, in a loop around `lws_service`. Other threads hand it work under a lock and
/// wake it with `lws_cancel_service`. It also runs the stations themselves (`perform`,
/// `HubTimer`): each station's core is owned by this one serial executor (DESIGN.md
/// "Threading"), so a frame received is handled and answered without a thread hop.
///
/// Connections are opened between `lws_service` rounds, never inside a callback (a new
/// vhost changes lws's list of them), and at most `--ramp` a second when the hub paces
/// them (`OpeningPace`).
public final class LinkHub: @unchecked Sendable {
    /// Work handed to the service thread, in order.
    enum Work {
        case perform(@Sendable () -> Void)
        case connection(WebSocketClient, WebSocketClient.Command)
    }

    private let lock = NSLock()
    private var queue: [Work] = []  // guarded by lock
    private var stopping = false  // guarded by lock
    /// Every connection made on the hub, whose timers go before the context does.
    private var attached: [WebSocketClient] = []  // guarded by lock
    /// Set once in `start()`, before the thread runs.
    private(set) var context: OpaquePointer?
    private var thread: ServiceThread?
    /// File descriptors lws may track (0: the process limit, for a fleet).
    private let fileDescriptorLimit: Int
    private let protocols = UnsafeMutablePointer<lws_protocols>.allocate(capacity: 2)

    // Service-thread state.
    /// One vhost per TLS setting (`LinkTLS`): a handful in a run (a root installed, a
    /// certificate signed), shared by every connection with that setting.
    private var vhosts: [LinkTLS: OpaquePointer] = [:]
    private var strings: [UnsafeMutablePointer<CChar>] = []
    /// Connections waiting to be opened, oldest first (outside callbacks, paced).
    private var openings: Deque<WebSocketClient> = []
    private var pace: OpeningPace?
    /// How many of `openings`, from the first, were told they wait (`LinkEvent.waiting`).
    private var toldWaiting = 0
    private var keepAlive: HubTimer?
    private var paceTimer: HubTimer?
    private var repeatingTimers: [HubTimer] = []
    /// The connection inside its `open()` (service thread).
    var opening: WebSocketClient?
    /// Frames the connections hold for their next WRITEABLE callback.
    var outgoingFrames = 0

    /// `openingsPerSecond`: the most connections opened a second (nil: as they come).
    /// `fileDescriptorLimit`: what lws sizes its tables for; 0 takes the process's limit
    /// (raise it first: `FileDescriptorLimit`), the default 16 suits one station.
    public init(openingsPerSecond: Double? = nil, fileDescriptorLimit: Int = 16) {
        pace = openingsPerSecond.map(OpeningPace.init(perSecond:))
        self.fileDescriptorLimit = fileDescriptorLimit
        protocols.initialize(repeating: lws_protocols(), count: 2)
        protocols[0] = LibwebsocketsIO.protocolEntry("ocpp1.6") { wsi, reason, user, input, length in
            if reason == LWS_CALLBACK_OPENSSL_LOAD_EXTRA_CLIENT_VERIFY_CERTS {
                // A vhost's new client SSL_CTX (`wsi` is a stand-in, not a connection).
                tl_client_tls_setup(user)
                return 0
            }
            guard let wsi, let hub = LibwebsocketsIO.owner(of: wsi, as: LinkHub.self) else {
                return lws_callback_http_dummy(wsi, reason, user, input, length)
            }
            if reason == LWS_CALLBACK_EVENT_WAIT_CANCELLED {
                // The context's own pipe, not a connection: the queue has work.
                hub.drainQueue()
                return 0
            }
            // The connection named when it was opened; during `lws_client_connect_via_info`
            // (a failure lws reports at once) the one being opened.
            guard
                let connection = lws_get_opaque_user_data(wsi).map({
                    Unmanaged<WebSocketClient>.fromOpaque($0).takeUnretainedValue()
                }) ?? hub.opening
            else {
                return lws_callback_http_dummy(wsi, reason, user, input, length)
            }
            return connection.callback(wsi, reason, user, input, length)
        }
    }

    deinit {
        LibwebsocketsIO.freeProtocolNames(protocols, count: 1)
        protocols.deallocate()
        for string in strings { free(string) }
    }

    /// The protocol entry connections name (`local_protocol_name`).
    var protocolName: UnsafePointer<CChar>? { protocols[0].name }

    /// Creates the context and starts the service thread. Call once.
    public func start() throws(LinkError) {
        var info = lws_context_creation_info()
        info.options = UInt64(LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT) | UInt64(LWS_SERVER_OPTION_EXPLICIT_VHOSTS)
        info.port = CONTEXT_PORT_NO_LISTEN
        info.protocols = UnsafePointer(protocols)
        info.user = Unmanaged.passUnretained(self).toOpaque()
        info.fd_limit_per_thread = UInt32(clamping: fileDescriptorLimit)
        LibwebsocketsLog.route()
        guard let context = lws_create_context(&info) else {
            throw LinkError("libwebsockets could not create its client context")
        }
        self.context = context
        // The first vhost, for `ws://` and the system's roots: lws asks the first
        // vhost's protocol to check every server certificate, and wakes it on commands.
        guard vhost(for: LinkTLS()) != nil else {
            lws_context_destroy(context)
            self.context = nil
            throw LinkError("libwebsockets could not create its client vhost")
        }
        let thread = ServiceThread(name: "ocpp-link") { [self] in
            if let context = self.context { serviceLoop(context) }
        }
        self.thread = thread
        thread.start()
    }

    /// Runs `work` on the service thread, after everything handed over before it.
    public func perform(_ work: @escaping @Sendable () -> Void) { enqueue(.perform(work)) }

    /// Runs `work` on the service thread every `milliseconds` (the first one period from
    /// now) until the hub stops: a fleet's summary event.
    public func repeating(everyMilliseconds milliseconds: Int64, _ work: @escaping @Sendable () -> Void) {
        perform { [self] in
            guard let context else { return }
            let period = max(1, milliseconds) * 1000
            var timer: HubTimer?
            timer = HubTimer {
                work()
                timer?.schedule(on: context, afterMicroseconds: period)
            }
            timer?.schedule(on: context, afterMicroseconds: period)
            repeatingTimers.append(timer!)
        }
    }

    /// Whether the caller runs on the service thread.
    public var isServiceThread: Bool { thread?.isCurrent == true }

    /// Stops the service thread and destroys the context; close the connections first
    /// (`WebSocketClient.stop()`), or they are dropped without a close frame.
    public func stop() {
        lock.withLock { stopping = true }
        if let context { lws_cancel_service(context) }
        thread?.join()
    }

    /// Carries `command` out at once on the service thread when nothing waits before it
    /// (in order with everything else there), or queues it from another thread.
    func run(_ command: WebSocketClient.Command, for connection: WebSocketClient) {
        if isServiceThread, lock.withLock({ queue.isEmpty }) {
            connection.execute(command)
        } else {
            enqueue(.connection(connection, command))
        }
    }

    /// A connection made on this hub (any thread).
    func attach(_ connection: WebSocketClient) {
        lock.withLock { attached.append(connection) }
    }

    func enqueue(_ work: Work) {
        lock.withLock { queue.append(work) }
        if let context { lws_cancel_service(context) }
    }

    // MARK: Service thread

    private func drainQueue() {
        let pending = lock.withLock { () -> [Work] in
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
        for work in pending {
            switch work {
            case .perform(let work): work()
            case .connection(let connection, let command): connection.execute(command)
            }
        }
    }

    /// Queues `connection` for opening at the next round (outside callbacks, paced).
    func requestOpening(_ connection: WebSocketClient) {
        openings.append(connection)
        if let context { lws_cancel_service(context) }
    }

    /// Takes `connection` off the openings queue; whether it was waiting there.
    func cancelOpening(_ connection: WebSocketClient) -> Bool {
        guard let index = openings.firstIndex(where: { $0 === connection }) else { return false }
        openings.remove(at: index)
        if index < toldWaiting { toldWaiting -= 1 }
        return true
    }

    private func serviceLoop(_ context: OpaquePointer) {
        // lws 4.1.6 reports a dead connection late unless the loop wakes now and then
        // (PLATFORM-NOTES.md): a self-re-arming one-second timer.
        let keepAlive = HubTimer { [unowned self] in self.keepAlive?.schedule(on: context, afterMicroseconds: 1_000_000) }
        self.keepAlive = keepAlive
        keepAlive.schedule(on: context, afterMicroseconds: 1_000_000)
        paceTimer = HubTimer {}  // only wakes the loop, which then opens
        // Observers' threads are woken once the answer is on the wire, not before it
        // (`DeferredWake`); a round that could not write yet holds them one round more.
        DeferredWake.hold()
        var roundsHeld = 0
        while !lock.withLock({ stopping }) {
            if lws_service(context, 0) < 0 { break }
            openWaiting(context)
            if DeferredWake.hasPending {
                roundsHeld += 1
                if outgoingFrames == 0 || roundsHeld > 1 {
                    DeferredWake.flush()
                    roundsHeld = 0
                }
            }
        }
        DeferredWake.release()
        keepAlive.cancel()
        paceTimer?.cancel()
        for timer in repeatingTimers { timer.cancel() }
        for connection in lock.withLock({ attached }) { connection.cancelTimers() }
        lws_context_destroy(context)
    }

    /// Opens the connections waiting, as fast as the pace allows; arms the pace timer
    /// for the rest.
    private func openWaiting(_ context: OpaquePointer) {
        while let next = openings.first {
            if var pace {
                let wait = pace.take(at: Timestamp.monotonicNow().millisecondsSince1970)
                self.pace = pace
                if let wait {
                    paceTimer?.schedule(on: context, afterMicroseconds: wait * 1000)
                    // Those newly held back hear it once (the queue's first `toldWaiting` have).
                    for waiting in openings.dropFirst(toldWaiting) { waiting.sayWaiting(pace.waitingReason) }
                    toldWaiting = openings.count
                    return
                }
            }
            openings.removeFirst()
            toldWaiting = max(0, toldWaiting - 1)
            opening = next
            next.open()
            opening = nil
        }
    }

    /// The vhost of a TLS setting, made if new; nil when libwebsockets cannot (a file
    /// it cannot read). Only outside callbacks, or before the loop runs.
    func vhost(for tls: LinkTLS) -> OpaquePointer? {
        if let made = vhosts[tls] { return made }
        guard let context else { return nil }
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
        guard let made = lws_create_vhost(context, &info) else { return nil }
        vhosts[tls] = made
        return made
    }

    /// OpenSSL names of the allowed TLS 1.2 suites (security whitepaper A00.FR.317–318).
    static let cipherSuites =
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:"
        + "ECDHE-RSA-AES256-GCM-SHA384:AES128-GCM-SHA256:AES256-GCM-SHA384"
}
