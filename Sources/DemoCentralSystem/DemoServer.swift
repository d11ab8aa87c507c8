internal import CLibwebsockets
import ChargePoint
import ChargePointRuntime
import DequeModule
import Foundation

/// The demo central system on libwebsockets, listening on 127.0.0.1 on a port the
/// system picks (DESIGN.md "--demo"). Stations connect to `ws://127.0.0.1:<port>/ocpp/<id>`;
/// the same port serves the firmware images and takes the diagnostics uploads over HTTP
/// (`DemoServer+HTTP.swift`).
///
/// Threading as in `WebSocketClient`: one thread owns the lws context and runs
/// `DemoCentralSystem` there; other threads ask it (through a locked queue and
/// `lws_cancel_service`) to send a CALL, and hear the station's answer through the
/// callback they gave, on the server thread.
public final class DemoServer: @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [Request] = []  // guarded by lock
    private var stopping = false  // guarded by lock
    /// Where notices and errors of the central system go (the station's event stream).
    private var reporter: @Sendable (StationEvent) -> Void = { _ in }  // guarded by lock
    private var context: OpaquePointer?
    private var thread: ServiceThread?
    private let protocols = UnsafeMutablePointer<lws_protocols>.allocate(capacity: 3)
    private let interface = strdup("127.0.0.1")!
    /// Ends the CALLs the station leaves unanswered (`DemoCentralSystem.expire`).
    private let timeoutTimer = UnsafeMutablePointer<tl_timer>.allocate(capacity: 1)

    // Server-thread state.
    var centralSystem: DemoCentralSystem
    private struct Session {
        var station: String
        /// Connections are numbered in order: a request for no station in particular
        /// goes to the console's own station, else to the first connected (`recipient`).
        var number: Int
        var outgoing: Deque<[UInt8]> = []
        var incoming: [UInt8] = []
    }
    private var sessions: [OpaquePointer: Session] = [:]
    private var connections = 0
    /// The operator's CALLs waiting for their answer, by message id.
    private var waiting: [String: (CentralSystemAnswer) -> Void] = [:]
    /// HTTP requests being read or answered (`DemoServer+HTTP.swift`).
    var exchanges: [OpaquePointer: HTTPExchange] = [:]

    /// The console's own station (`--id`): a `csms` command for no station in particular
    /// goes to it while it is connected.
    private let ownStation: String?

    /// What the trade-show loop asks for (`--demo-loop`): a remote start or stop, the
    /// showcase's station limit and the clearing of that one profile.
    public enum LoopAction: Sendable {
        case remoteStart(connector: Int), remoteStop(connector: Int)
        case stationLimit(kilowatts: Double), clearStationLimit
    }

    private enum Work {
        case loop(LoopAction)
        case command(CentralSystemCommand, answer: @Sendable (CentralSystemAnswer) -> Void)
    }
    private typealias Request = (station: String?, work: Work)

    /// The port it listens on, once started.
    public private(set) var port: Int = 0

    /// `ownStation`: the console's station id, preferred over other stations that joined.
    /// Transaction ids start from the wall clock (`DemoCentralSystem.firstTransactionId`).
    public init(cards: [DemoCard], ownStation: String? = nil) {
        self.ownStation = ownStation
        centralSystem = DemoCentralSystem(
            cards: cards, firstTransactionId: DemoCentralSystem.firstTransactionId(at: .now()))
        timeoutTimer.initialize(to: tl_timer())
        protocols.initialize(repeating: lws_protocols(), count: 3)
        protocols[0] = LibwebsocketsIO.protocolEntry("http") { wsi, reason, user, input, length in
            guard let wsi, let server = LibwebsocketsIO.owner(of: wsi, as: DemoServer.self) else {
                return lws_callback_http_dummy(wsi, reason, user, input, length)
            }
            return server.httpCallback(wsi, reason, user, input, length)
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
        timeoutTimer.deallocate()
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
        // IPv4 only: with IPv6 built in, lws 4.1 binds an IPv4 `iface` to every
        // interface (warmcat/libwebsockets#2290); the demo must stay on loopback.
        info.options = UInt64(LWS_SERVER_OPTION_VALIDATE_UTF8) | UInt64(LWS_SERVER_OPTION_DISABLE_IPV6)
        LibwebsocketsLog.route()
        guard let context = lws_create_context(&info) else {
            throw LinkError("the demo central system could not listen on 127.0.0.1")
        }
        self.context = context
        let vhost = lws_get_vhost_by_name(context, "default")
        port = Int(lws_get_vhost_listen_port(vhost))
        centralSystem.files.base = "http://127.0.0.1:\(port)"
        timeoutTimer.pointee.owner = Unmanaged.passUnretained(self).toOpaque()
        timeoutTimer.pointee.fire = { owner in
            guard let owner else { return }
            Unmanaged<DemoServer>.fromOpaque(owner).takeUnretainedValue().expireCalls()
        }
        let thread = ServiceThread(name: "ocpp-demo-csms") { [self] in
            guard let context = self.context else { return }
            while !lock.withLock({ stopping }) {
                if lws_service(context, 0) < 0 { break }
            }
            tl_timer_cancel(timeoutTimer)
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

    /// Where the central system's notices (a file received) and errors (a payload against
    /// its schema) go: the station's event stream, so the screen and headless show them.
    public func report(to reporter: @escaping @Sendable (StationEvent) -> Void) {
        lock.withLock { self.reporter = reporter }
    }

    /// Asks the central system to send a call of the trade-show loop to a station (nil:
    /// the console's own, else the first connected).
    public func request(_ action: LoopAction, station: String? = nil) {
        enqueue((station, .loop(action)))
    }

    /// Sends the CALL of `command` to `station` (nil: the console's own, else the first
    /// connected); `answer` hears, on the server thread, how it ended — the station's
    /// answer, no answer within `DemoCentralSystem.answerTimeout`, or why nothing was
    /// sent — named by the station it went to (`CentralSystemAnswer.from`).
    public func send(
        _ command: CentralSystemCommand, station: String? = nil,
        answer: @escaping @Sendable (CentralSystemAnswer) -> Void
    ) {
        enqueue((station, .command(command, answer: answer)))
    }

    private func enqueue(_ request: Request) {
        lock.withLock { requests.append(request) }
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
            connections += 1
            sessions[wsi] = Session(station: station, number: connections)
        case LWS_CALLBACK_RECEIVE:
            guard var session = sessions[wsi] else { break }
            if let input, length > 0 {
                session.incoming.append(contentsOf: UnsafeRawBufferPointer(start: input, count: length))
            }
            var outputs: [DemoOutput] = []
            if lws_is_final_fragment(wsi) != 0, lws_remaining_packet_payload(wsi) == 0 {
                let text = String(decoding: session.incoming, as: UTF8.self)
                session.incoming.removeAll(keepingCapacity: true)
                outputs = centralSystem.receive(text, from: session.station, at: .now())
            }
            sessions[wsi] = session
            carryOut(outputs, on: wsi)
        case LWS_CALLBACK_SERVER_WRITEABLE:
            guard var session = sessions[wsi], !session.outgoing.isEmpty else { break }
            let message = session.outgoing.removeFirst()
            sessions[wsi] = session
            if !LibwebsocketsIO.writeText(wsi, message) { return -1 }
            if !session.outgoing.isEmpty { lws_callback_on_writable(wsi) }
        case LWS_CALLBACK_CLOSED:
            if let session = sessions.removeValue(forKey: wsi) {
                carryOut(centralSystem.disconnected(session.station), on: nil)
            }
        case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
            let pending = lock.withLock { () -> [Request] in
                defer { requests.removeAll() }
                return requests
            }
            for request in pending { perform(request.work, station: request.station) }
        default:
            break
        }
        return lws_callback_http_dummy(wsi, reason, user, input, length)
    }

    /// Does what the central system asked, for the connection `wsi` (a reply).
    func carryOut(_ outputs: [DemoOutput], on wsi: OpaquePointer?) {
        let report = lock.withLock { reporter }
        for output in outputs {
            switch output {
            case .send(let text):
                guard let wsi else { continue }
                sessions[wsi]?.outgoing.append(Array(text.utf8))
                lws_callback_on_writable(wsi)
            case .answered(let messageId, let answer):
                waiting.removeValue(forKey: messageId)?(answer)
            case .notice(let text):
                report(.notice(text))
            case .error(let text):
                report(.error("demo central system: \(text)"))
            }
        }
    }

    /// Which connection a request goes to: the station asked for; else the console's own
    /// station while connected; else the first connected. nil: none of them is connected.
    package static func recipient<Key>(
        of connections: [(key: Key, station: String, number: Int)], asked: String?, own: String?
    ) -> Key? {
        if let asked { return connections.filter { $0.station == asked }.min { $0.number < $1.number }?.key }
        let own = connections.filter { $0.station == own }
        return (own.isEmpty ? connections : own).min { $0.number < $1.number }?.key
    }

    private func perform(_ work: Work, station: String?) {
        let connections = sessions.map { (key: $0.key, station: $0.value.station, number: $0.value.number) }
        guard let wsi = Self.recipient(of: connections, asked: station, own: ownStation),
            let session = sessions[wsi]
        else {
            if case .command(_, let answer) = work {
                answer(.notSent(station.map { "\($0) is not connected to the demo central system" }
                    ?? "no station is connected to the demo central system"))
            }
            return
        }
        let call: DemoCall?
        switch work {
        case .loop(.remoteStart(let connector)):
            call = centralSystem.remoteStart(connector: connector, station: session.station, at: .now())
        case .loop(.remoteStop(let connector)):
            call = centralSystem.remoteStop(connector: connector, station: session.station, at: .now())
        case .loop(.stationLimit(let kilowatts)):
            call = centralSystem.showcaseLimit(kilowatts: kilowatts, station: session.station, at: .now())
        case .loop(.clearStationLimit):
            call = centralSystem.clearShowcaseLimit(station: session.station, at: .now())
        case .command(let command, let answer):
            let named = session.station
            do {
                let made = try centralSystem.call(command, to: named, at: .now())
                waiting[made.messageId] = { answer(.from(station: named, $0)) }
                call = made
            } catch {
                answer(.from(station: named, .notSent(error.description)))
                call = nil
            }
        }
        guard let call else { return }
        sessions[wsi]?.outgoing.append(Array(call.frame.utf8))
        lws_callback_on_writable(wsi)
        armTimeout()
    }

    /// Looks at the CALLs in flight again in a second.
    private func armTimeout() {
        guard let context else { return }
        tl_timer_schedule(context, timeoutTimer, 1_000_000)
    }

    private func expireCalls() {
        carryOut(centralSystem.expire(at: .now()), on: nil)
        if centralSystem.hasCallsInFlight { armTimeout() }
    }
}
