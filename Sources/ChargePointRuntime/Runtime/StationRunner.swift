import Foundation
import ChargePoint

/// Runs a station for real: the core, its SQLite store, the WebSocket link and the
/// wall clock (DESIGN.md "Threading": the core is owned by one serial executor).
///
/// That executor is the link's own service thread: a frame received is handled and
/// its answer queued for writing without a thread hop, and operator commands, timers
/// and the rest reach the core through the same thread, in arrival order, so a later
/// command never overtakes an earlier one. For each input the effects are carried out
/// in the order `StationEffects` prescribes: persist, send, link requests, events.
public final class StationRunner: @unchecked Sendable {
    public struct Configuration: Sendable {
        public var profile: StationProfile
        public var databasePath: String
        public var stationId: String
        public var endpoint: Endpoint
        /// `--password`: used until the central system sets an AuthorizationKey.
        public var password: String?
        public var caFile: String?
        public var insecure: Bool

        public init(
            profile: StationProfile, databasePath: String, stationId: String, endpoint: Endpoint,
            password: String? = nil, caFile: String? = nil, insecure: Bool = false
        ) {
            self.profile = profile
            self.databasePath = databasePath
            self.stationId = stationId
            self.endpoint = endpoint
            self.password = password
            self.caFile = caFile
            self.insecure = insecure
        }
    }

    public let configuration: Configuration
    private let onEvent: @Sendable (StationEvent) -> Void
    private let onFailure: @Sendable (String) -> Void
    private let condition = NSCondition()
    private var finished = false  // guarded by condition
    private var failed = false  // guarded by condition
    private var published: StationCore  // guarded by condition: a copy for readers

    // Service-thread state.
    private var core: StationCore
    private let store: SQLiteStore
    private var client: WebSocketClient!
    private var keyAtStart: String?
    /// After a power cut, link events of the dead connection are ignored until it is
    /// reported gone.
    private var awaitingAbort = false

    /// Prepares the station from what `store` holds (a `StoreError` when it cannot be
    /// read); nothing runs before `start()`. The caller opens the store, after taking
    /// the data directory's lock (`DataDirectoryLock`: one process per station).
    /// `onFailure` is called (once, on the link's thread) when the station cannot go on,
    /// e.g. its database fails; the station takes no more input by then.
    public init(
        configuration: Configuration, store: SQLiteStore, onEvent: @escaping @Sendable (StationEvent) -> Void,
        onFailure: @escaping @Sendable (String) -> Void
    ) throws {
        self.configuration = configuration
        self.onEvent = onEvent
        self.onFailure = onFailure
        self.store = store
        core = try StationCore(profile: configuration.profile, durable: try store.load(), now: .monotonicNow())
        published = core
        keyAtStart = core.authorizationKey
    }

    /// Starts the link and the station; the station powers on at once.
    public func start() throws(LinkError) {
        client = WebSocketClient(caFile: configuration.caFile) { [weak self] event in
            self?.linkEvent(event)
        }
        client.onWake = { [weak self] in self?.timerFired() }
        try client.start()
        client.perform { [self] in
            if configuration.insecure, configuration.endpoint.secure {
                onEvent(
                    .error(
                        "--insecure: the central system's certificate is not checked; anyone on the path can pose as it"
                    ))
            }
            handle(.powerOn)
        }
    }

    public func submit(_ command: OperatorCommand) {
        client.perform { [self] in
            if !isFailed { handle(.command(command)) }
        }
    }

    /// Publishes an event in order with the station's own (for example a command line
    /// that did not parse, after the events of the commands before it).
    public func report(_ event: StationEvent) {
        client.perform { [self] in
            if !isFailed { onEvent(event) }
        }
    }

    /// An abrupt power cut and the power coming back: the link drops without a close
    /// frame, the core is rebuilt from what the store holds, and boots again.
    public func powerCut() {
        client.perform { [self] in
            if !isFailed { powerCutNow() }
        }
    }

    /// `quit`: save, close the link gracefully, stop. Blocks until done.
    public func shutdown() {
        client.perform { [self] in
            if !isFailed { handle(.shutdown) }
            condition.withLock {
                finished = true
                condition.broadcast()
            }
        }
        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()
        client.stop()
    }

    /// A copy of the core as of the last input, for the screen (which projects meters
    /// to the moment it draws with `snapshot(at:)`).
    public var currentCore: StationCore {
        condition.lock()
        defer { condition.unlock() }
        return published
    }

    /// `wait online`: blocks until the station is connected and its boot accepted, or
    /// `milliseconds` have passed; whether it got there.
    public func waitUntilOnline(milliseconds: Int64) -> Bool {
        let deadline = Date().addingTimeInterval(Double(milliseconds) / 1000)
        condition.lock()
        defer { condition.unlock() }
        while !published.isOnline {
            if finished || !condition.wait(until: deadline) { return false }
        }
        return true
    }

    // MARK: On the link's service thread

    private var isFailed: Bool { condition.withLock { failed || finished } }

    private func timerFired() {
        guard !isFailed else { return }
        handle(.tick)
    }

    private func linkEvent(_ event: LinkEvent) {
        guard !isFailed else { return }
        if awaitingAbort {
            if case .disconnected = event { awaitingAbort = false; handle(.powerOn) }
            return
        }
        switch event {
        case .connected: handle(.linkUp)
        case .disconnected(let reason): handle(.linkDown(reason: reason))
        case .received(let text): handle(.received(text))
        }
    }

    private func handle(_ input: StationInput) {
        let effects = core.handle(input, at: .monotonicNow(), wallClock: .now())
        do {
            try store.apply(effects.persist)
        } catch {
            fatalStop("\(error); stopping to avoid losing data")
            return
        }
        for frame in effects.frames { client.send(frame) }
        for request in effects.linkRequests {
            switch request {
            case .connect: client.connect(linkSettings)
            case .disconnect(let reason): client.close(reason: reason)
            }
        }
        for event in effects.events { onEvent(event) }
        client.wake(at: effects.nextWakeUp)
        condition.lock()
        published = core
        condition.broadcast()
        condition.unlock()
    }

    private var linkSettings: LinkSettings {
        // The central system's AuthorizationKey wins once it has set one (whitepaper A01).
        let key = core.authorizationKey
        let password = key != nil && key != keyAtStart ? key : (configuration.password ?? key)
        return LinkSettings(
            endpoint: configuration.endpoint, stationId: configuration.stationId, password: password,
            caFile: configuration.caFile, insecure: configuration.insecure,
            pingInterval: core.webSocketPingInterval)
    }

    private func powerCutNow() {
        onEvent(.notice("power cut: the station goes dark and comes back"))
        do {
            core = try StationCore(profile: configuration.profile, durable: try store.load(), now: .monotonicNow())
        } catch {
            fatalStop("cannot restart after the power cut: \(error)")
            return
        }
        client.wake(at: nil)
        if client.isConnected {
            awaitingAbort = true
            client.abort()
        } else {
            handle(.powerOn)
        }
    }

    private func fatalStop(_ reason: String) {
        onEvent(.error(reason))
        client.wake(at: nil)
        condition.withLock {
            failed = true
            condition.broadcast()
        }
        onFailure(reason)
    }
}
