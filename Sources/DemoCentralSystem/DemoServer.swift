internal import CLibwebsockets
import Foundation
import ChargePoint
import ChargePointRuntime
import DequeModule

/// The demo central system on libwebsockets, listening on 127.0.0.1 on a port the
/// system picks (DESIGN.md "--demo"). Stations connect to `ws://127.0.0.1:<port>/ocpp/<id>`.
///
/// Threading as in `WebSocketClient`: one thread owns the lws context and runs
/// `DemoCentralSystem` there; other threads ask it (through a locked queue and
/// `lws_cancel_service`) to remote-start or remote-stop.
public final class DemoServer: @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [(station: String?, action: LoopAction)] = []  // guarded by lock
    private var stopping = false  // guarded by lock
    private var context: OpaquePointer?
    private var thread: ServiceThread?
    private let protocols = UnsafeMutablePointer<lws_protocols>.allocate(capacity: 3)
    private let interface = strdup("127.0.0.1")!

    // Server-thread state.
    private var centralSystem: DemoCentralSystem
    private struct Session {
        var station: String
        var outgoing: Deque<[UInt8]> = []
        var incoming: [UInt8] = []
    }
    private var sessions: [OpaquePointer: Session] = [:]

    public enum LoopAction: Sendable { case remoteStart(connector: Int), remoteStop(connector: Int) }

    /// The port it listens on, once started.
    public private(set) var port: Int = 0

    public init(cards: [DemoCard]) {
        centralSystem = DemoCentralSystem(cards: cards)
        protocols.initialize(repeating: lws_protocols(), count: 3)
        protocols[0] = LibwebsocketsIO.protocolEntry("http") { wsi, reason, user, input, length in
            lws_callback_http_dummy(wsi, reason, user, input, length)
        }
        protocols[1] = LibwebsocketsIO.protocolEntry("ocpp1.6") { wsi, reason, user, input, length in
            guard let wsi, let server = LibwebsocketsIO.owner(of: wsi, as: DemoServer.self) else {
                return lws_callback_http_dummy(wsi, reason, user, input, length)
            }
            return server.callback(wsi, reason, user, input, length)
        }
    }

    deinit {
        LibwebsocketsIO.freeProtocolNames(protocols, count: 2)
        protocols.deallocate()
        free(interface)
    }

    /// Starts listening; returns the URL stations connect to (without the station id).
    public func start() throws(LinkError) -> String {
        var info = lws_context_creation_info()
        info.port = 0
        info.iface = UnsafePointer(interface)
        info.protocols = UnsafePointer(protocols)
        info.user = Unmanaged.passUnretained(self).toOpaque()
        info.fd_limit_per_thread = 64
        info.options = UInt64(LWS_SERVER_OPTION_VALIDATE_UTF8)
        LibwebsocketsLog.route()
        guard let context = lws_create_context(&info) else {
            throw LinkError("the demo central system could not listen on 127.0.0.1")
        }
        self.context = context
        let vhost = lws_get_vhost_by_name(context, "default")
        port = Int(lws_get_vhost_listen_port(vhost))
        let thread = ServiceThread(name: "ocpp-demo-csms") { [self] in
            guard let context = self.context else { return }
            while !lock.withLock({ stopping }) {
                if lws_service(context, 0) < 0 { break }
            }
            lws_context_destroy(context)
        }
        self.thread = thread
        thread.start()
        return "ws://127.0.0.1:\(port)/ocpp"
    }

    public func stop() {
        lock.withLock { stopping = true }
        if let context { lws_cancel_service(context) }
        thread?.join()
    }

    /// Asks the central system to send a call to a station (nil: the first connected).
    public func request(_ action: LoopAction, station: String? = nil) {
        lock.withLock { requests.append((station, action)) }
        if let context { lws_cancel_service(context) }
    }

    // MARK: Server thread

    fileprivate func callback(
        _ wsi: OpaquePointer, _ reason: lws_callback_reasons, _ user: UnsafeMutableRawPointer?,
        _ input: UnsafeMutableRawPointer?, _ length: Int
    ) -> Int32 {
        switch reason {
        case LWS_CALLBACK_ESTABLISHED:
            let uri = LibwebsocketsIO.header(wsi, WSI_TOKEN_GET_URI)
            let station = uri.split(separator: "/").last.map(String.init)?.removingPercentEncoding ?? "unknown"
            sessions[wsi] = Session(station: station)
        case LWS_CALLBACK_RECEIVE:
            guard var session = sessions[wsi] else { break }
            if let input, length > 0 {
                session.incoming.append(contentsOf: UnsafeRawBufferPointer(start: input, count: length))
            }
            if lws_is_final_fragment(wsi) != 0, lws_remaining_packet_payload(wsi) == 0 {
                let text = String(decoding: session.incoming, as: UTF8.self)
                session.incoming.removeAll(keepingCapacity: true)
                if let answer = centralSystem.receive(text, from: session.station, at: .now()) {
                    session.outgoing.append(Array(answer.utf8))
                    lws_callback_on_writable(wsi)
                }
            }
            sessions[wsi] = session
        case LWS_CALLBACK_SERVER_WRITEABLE:
            guard var session = sessions[wsi], !session.outgoing.isEmpty else { break }
            let message = session.outgoing.removeFirst()
            sessions[wsi] = session
            if !LibwebsocketsIO.writeText(wsi, message) { return -1 }
            if !session.outgoing.isEmpty { lws_callback_on_writable(wsi) }
        case LWS_CALLBACK_CLOSED:
            sessions[wsi] = nil
        case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
            let pending = lock.withLock { () -> [(station: String?, action: LoopAction)] in
                defer { requests.removeAll() }
                return requests
            }
            for request in pending { perform(request.action, station: request.station) }
        default:
            break
        }
        return lws_callback_http_dummy(wsi, reason, user, input, length)
    }

    private func perform(_ action: LoopAction, station: String?) {
        guard let (wsi, session) = sessions.first(where: { station == nil || $0.value.station == station }) else {
            return
        }
        let text: String?
        switch action {
        case .remoteStart(let connector): text = centralSystem.remoteStart(connector: connector)
        case .remoteStop(let connector): text = centralSystem.remoteStop(station: session.station, connector: connector)
        }
        guard let text else { return }
        sessions[wsi]?.outgoing.append(Array(text.utf8))
        lws_callback_on_writable(wsi)
    }
}
