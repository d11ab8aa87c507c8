import ChargePoint
import DequeModule
import Foundation

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
        /// Trust for wss:// and for https:// file transfers.
        public var caFile: String?
        public var insecure: Bool
        /// A file transfer that moves no byte for this many s fails its try.
        public var transferTimeout: Int
        /// `--client-cert` / `--client-key`: PEM files for security profile 3.
        public var clientCertificateFile: String?
        public var clientKeyFile: String?
        /// Seeds the station's randomness (the jitter of its reconnect back-off), so that a
        /// fleet run with `--seed` spaces its reconnections the same way each time; nil:
        /// a random seed.
        public var seed: UInt64?
        /// The frames a diagnostics file can hold of the past (kept in memory): 20,000 for
        /// one station, 1,000 for each station of a fleet (issue 15), whose soak would
        /// otherwise grow by gigabytes.
        public var historyFrames = Self.oneStationHistory
        /// `--fleet-behaviour`: what the station's world does on its own (EVs, faults,
        /// offline periods); nil: the station idles.
        public var behaviour: FleetBehaviour?
        /// Whether the station says its start warnings (`StartWarnings`): in a fleet, the
        /// first station alone, as every station has the same settings.
        public var saysStartWarnings = true
        public static let oneStationHistory = 20_000
        public static let fleetStationHistory = 1_000

        public init(
            profile: StationProfile, databasePath: String, stationId: String, endpoint: Endpoint,
            password: String? = nil, caFile: String? = nil, insecure: Bool = false, transferTimeout: Int = 30,
            clientCertificateFile: String? = nil, clientKeyFile: String? = nil
        ) {
            self.clientCertificateFile = clientCertificateFile
            self.clientKeyFile = clientKeyFile
            self.profile = profile
            self.databasePath = databasePath
            self.stationId = stationId
            self.endpoint = endpoint
            self.password = password
            self.caFile = caFile
            self.insecure = insecure
            self.transferTimeout = transferTimeout
        }

        /// Where downloaded firmware images are kept: `firmware` beside the database.
        var firmwareDirectory: String {
            (databasePath as NSString).deletingLastPathComponent + "/firmware"
        }
    }

    public let configuration: Configuration
    /// Receives the events of each input together, in order, on the link's thread.
    private let onEvents: @Sendable ([StationEvent]) -> Void
    private let onFailure: @Sendable (String) -> Void
    private let condition = NSCondition()
    private var finished = false  // guarded by condition
    private var failed = false  // guarded by condition
    /// What observers see (guarded by condition): a snapshot and the configuration as of
    /// the last input, never the core itself.
    private var published: StationView  // guarded by condition
    private var publishesSnapshots = false  // guarded by condition
    /// Set once `shutdown()` is about to stop the link (guarded by condition): work
    /// from other threads (a `--script`, the demo loop) is dropped from then on, since
    /// the link's context goes away with it.
    private var closed = false
    /// `waitUntilOnline` waits for the service thread to reach its point in the order of
    /// submitted work (guarded by condition).
    private var barriersRequested = 0
    private var barriersPassed = 0

    // Service-thread state.
    private var driver: StationDriver
    private let store: SQLiteStore
    private var client: WebSocketClient!
    /// The roots and client certificate files the link uses (`LinkCredentials`).
    private let credentials: LinkCredentials
    private var transfers: StationTransfers!
    /// What diagnostics files hold of the past.
    private let history: StationHistory
    private var configurationRevision = -1
    /// Acknowledgements of commands that sent a call of the operator's (`send`,
    /// `datatransfer`), oldest first: each is made with the events of its answer.
    private var awaitingAnswers = Deque<@Sendable ([StationEvent]) -> [StationEvent]>()
    /// The behaviour generator (`--fleet-behaviour`), fed with the station's events and
    /// woken by the station's own timer.
    private var behaviour: StationBehaviour?
    /// An input is being carried out (`handle`): one that arrives meanwhile waits its turn.
    private var handling = false
    /// The certificate of `--client-cert`, for the start's warnings (an expired one).
    private let provisionedClientCertificate: CertificateReport.OwnCertificate?

    /// Prepares the station from what `store` holds (a `StoreError` when it cannot be
    /// read); nothing runs before `start()`. The caller opens the store, after taking
    /// the data directory's lock (`DataDirectoryLock`: one process per station).
    /// `onFailure` is called (once, on the link's thread) when the station cannot go on,
    /// e.g. its database fails; the station takes no more input by then.
    public init(
        configuration: Configuration, store: SQLiteStore,
        onEvents: @escaping @Sendable ([StationEvent]) -> Void,
        onFailure: @escaping @Sendable (String) -> Void
    ) throws {
        self.configuration = configuration
        self.onEvents = onEvents
        self.onFailure = onFailure
        self.store = store
        history = StationHistory(frameCapacity: configuration.historyFrames)
        let core = try StationCore(
            profile: configuration.profile, durable: try store.load(), now: .monotonicNow(),
            seed: configuration.seed ?? UInt64.random(in: 0...UInt64.max), certificateToolkit: X509CertificateToolkit())
        credentials = LinkCredentials(
            directory: (configuration.databasePath as NSString).deletingLastPathComponent,
            caFile: configuration.caFile, clientCertificate: configuration.clientCertificateFile,
            clientKey: configuration.clientKeyFile)
        let provisioned = try ProvisionedFiles.read(
            caFile: configuration.caFile, clientCertificate: configuration.clientCertificateFile,
            clientKey: configuration.clientKeyFile)
        driver = StationDriver(
            core: core, password: configuration.password, secureLink: configuration.endpoint.secure,
            provisioned: provisioned)
        provisionedClientCertificate = provisioned.clientCertificate
        published = StationView(snapshot: core.snapshot, configuration: core.configurationEntries, isOnline: false)
    }

    /// Starts the link and the station; the station powers on at once. On `hub` (a
    /// fleet's, started) the station is one connection of many; without one it gets a
    /// hub of its own, stopped with it.
    public func start(on hub: LinkHub? = nil) throws(LinkError) {
        let onEvent: @Sendable (LinkEvent) -> Void = { [weak self] event in self?.linkEvent(event) }
        client = hub.map { WebSocketClient(hub: $0, onEvent: onEvent) } ?? WebSocketClient(onEvent: onEvent)
        client.onWake = { [weak self] in self?.timerFired() }
        transfers = StationTransfers(
            trust: TransferTrust(caFile: configuration.caFile, insecure: configuration.insecure),
            stallTimeout: TimeInterval(configuration.transferTimeout), directory: configuration.firmwareDirectory,
            stationId: configuration.stationId, history: history
        ) { [weak self] report in self?.transferReported(report) }
        try client.start()
        client.perform { [self] in
            let warnings = StartWarnings.lines(
                endpoint: configuration.endpoint, insecure: configuration.insecure,
                basicAuth: driver.linkPlan.password != nil, clientCertificate: provisionedClientCertificate)
            if !warnings.isEmpty, configuration.saysStartWarnings { onEvents(warnings.map { .error($0) }) }
            if let plan = configuration.behaviour {
                behaviour = StationBehaviour(
                    plan: plan, profile: configuration.profile,
                    seed: configuration.seed ?? UInt64.random(in: 0...UInt64.max), now: .monotonicNow())
            }
            handle(.powerOn)
        }
    }

    public func submit(_ command: StationCommand) {
        enqueue { [self] in
            if !isFailed { handle(.command(command)) }
        }
    }

    /// Carries out `command` and publishes the events it produced as `acknowledge` makes
    /// them (a script line's errors named by their place, its `result`, issue 13), before
    /// anything submitted after it.
    public func submit(
        _ command: StationCommand, acknowledge: @escaping @Sendable ([StationEvent]) -> [StationEvent]
    ) {
        enqueue { [self] in
            if isFailed {
                onEvents(acknowledge([.error("the station has stopped")]))
            } else {
                handle(.command(command), publishing: acknowledge)
            }
        }
    }

    /// Publishes an event in order with the station's own (for example a command line
    /// that did not parse, after the events of the commands before it).
    public func report(_ event: StationEvent) {
        enqueue { [self] in
            if !isFailed { onEvents([event]) }
        }
    }

    /// An abrupt power cut and the power coming back: the link drops without a close
    /// frame, the core is rebuilt from what the store holds, and boots again.
    public func powerCut() {
        enqueue { [self] in
            guard !isFailed else { return }
            var link = link
            var agent = transfers!
            let events = driver.powerCut(
                at: .monotonicNow(), wallClock: .now(), link: &link, store: store, transfers: &agent)
            finish(settled(events))
        }
    }

    /// `quit`: save, close the link gracefully, stop. Blocks until done.
    public func shutdown() {
        saveForShutdown()
        client.stop()
        transfers.shutdown()
    }

    /// `quit` for one station of a fleet, first half: asks the station to save what it
    /// must and take no more input, then its link to close (in that order, on the hub's
    /// thread), without waiting. Then `finishShutdown(before:)`, once every station of
    /// the hub has been asked, so that they save and close together.
    public func beginShutdown() {
        client.perform { [self] in save() }
        client.beginClosing()
    }

    /// Waits for the save, then (until `deadline` at most) for the link to close, and
    /// stops file transfers.
    public func finishShutdown(before deadline: Date) {
        waitUntilSaved()
        _ = client.waitUntilClosed(before: deadline)
        transfers.shutdown()
    }

    private func saveForShutdown() {
        client.perform { [self] in save() }
        waitUntilSaved()
    }

    /// On the service thread: the last input, `.shutdown`, and the store checkpointed.
    private func save() {
        if !isFailed {
            handle(.shutdown)
            store.checkpoint()
        }
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }

    private func waitUntilSaved() {
        condition.lock()
        while !finished { condition.wait() }
        closed = true
        condition.unlock()
    }

    /// The station as of its last input: a snapshot (project it to the moment you draw
    /// with `StationSnapshot.projected(to:)`) and the configuration. Snapshots are made
    /// only once someone asked for one (the screen, the demo loop): a headless station
    /// spends nothing on them.
    /// The snapshot last published, without asking for snapshots from now on (as `view`
    /// does): before `start`, the station as its store left it.
    public var lastSnapshot: StationSnapshot { condition.withLock { published.snapshot } }

    public var view: StationView {
        condition.lock()
        defer { condition.unlock() }
        if !publishesSnapshots {
            publishesSnapshots = true
            client?.perform { [self] in publish() }
        }
        return published
    }

    /// A fleet's screen leaves the station's view (issue 15 §4): snapshots are made no more
    /// until `view` is asked for again, so that stations once looked at cost nothing more.
    public func releaseView() {
        condition.withLock { publishesSnapshots = false }
    }

    /// Hands the frames the station keeps of its past (the diagnostics history: the last
    /// 1,000 in a fleet) to `body`, on the service thread, in order with its inputs: a
    /// fleet's screen opening the station shows them in its log, with no frame lost or
    /// shown twice between them and the events that follow.
    public func recentFrames(_ body: @escaping @Sendable ([FrameEvent]) -> Void) {
        enqueue { [self] in body(history.frames) }
    }

    /// Transaction messages the central system has not answered yet, as of the last
    /// input (any thread; a fleet's summary adds them up).
    public var queuedTransactionMessages: Int { condition.withLock { published.queuedTransactionMessages } }

    /// `wait online`: blocks until the station is connected and its boot accepted, and
    /// staying so (not held offline, no reset under way), or `milliseconds` have passed;
    /// whether it got there.
    /// Commands submitted before it (a `reset`, a `powercut`) are carried out first: it
    /// never answers from the state before them.
    public func waitUntilOnline(milliseconds: Int64) -> Bool {
        waitAfterWhatCameBefore(milliseconds: milliseconds) { $0.staysOnline }
    }

    /// `quit --stop`: blocks until the transaction messages submitted so far and the
    /// calls that followed them (a StatusNotification Finishing) are answered, the
    /// station is offline (transaction messages stay queued durably for the next start),
    /// or `milliseconds` passed; whether no transaction message is left waiting.
    public func waitUntilDelivered(milliseconds: Int64) -> Bool {
        _ = waitAfterWhatCameBefore(milliseconds: milliseconds) {
            !$0.isOnline || ($0.queuedTransactionMessages == 0 && $0.callsOutstanding == 0)
        }
        return condition.withLock { published.queuedTransactionMessages == 0 }
    }

    /// Blocks until the service thread carried out everything submitted before this call
    /// and then `done` holds of what observers see, or `milliseconds` passed; whether it
    /// got there.
    private func waitAfterWhatCameBefore(milliseconds: Int64, until done: (StationView) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(Double(milliseconds) / 1000)
        let barrier = condition.withLock { () -> Int in
            barriersRequested += 1
            return barriersRequested
        }
        enqueue { [self] in
            condition.withLock {
                barriersPassed = max(barriersPassed, barrier)
                condition.broadcast()
            }
        }
        condition.lock()
        defer { condition.unlock() }
        while barriersPassed < barrier || !done(published) {
            if finished || !condition.wait(until: deadline) { return false }
        }
        return true
    }

    /// Hands `work` to the service thread, unless the station is shutting down.
    private func enqueue(_ work: @escaping @Sendable () -> Void) {
        condition.withLock {
            if !closed { client.perform(work) }
        }
    }

    // MARK: On the link's service thread

    private var isFailed: Bool { condition.withLock { failed || finished } }

    private var link: WebSocketLink {
        WebSocketLink(
            client: client,
            base: LinkSettings(
                endpoint: configuration.endpoint, stationId: configuration.stationId, insecure: configuration.insecure),
            credentials: credentials
        ) { [weak self] problem in self?.onEvents([.error(problem)]) }
    }

    /// A file transfer's report, from its own thread: taken in order with every other
    /// input on the link's thread.
    private func transferReported(_ report: TransferReport) {
        client.perform { [self] in
            if !isFailed { handle(.transfer(report)) }
        }
    }

    private func timerFired() {
        guard !isFailed else { return }
        let now = Timestamp.monotonicNow()
        let steps = behaviour?.due(at: now) ?? []
        for step in steps where !isFailed {
            // Carried out as the operator's commands are, each said first in a notice.
            let notice = StationEvent.notice("behaviour: \(step.line) (\(step.why))")
            handle(.command(step.command), publishing: { [notice] + $0 })
        }
        guard !isFailed else { return }
        if let due = driver.nextWakeUp, due <= now {
            handle(.tick)
        } else if steps.isEmpty {
            client.wake(at: nextWakeUp)
        }
    }

    /// The station's timers or the behaviour's, whichever is first.
    private var nextWakeUp: Timestamp? {
        guard let planned = behaviour?.nextWakeUp else { return driver.nextWakeUp }
        return min(planned, driver.nextWakeUp ?? planned)
    }

    private func linkEvent(_ event: LinkEvent) {
        guard !isFailed else { return }
        switch event {
        case .connected(let server): handle(.linkUp(server: server))
        case .disconnected(let reason, let failure): handle(.linkDown(reason: reason, failure: failure))
        case .received(let text): handle(.received(text))
        // The hub's pace, which the core does not know: its link is `connecting` all along.
        case .waiting(let reason): announce([.connection(.waiting, reason: reason)])
        case .opening: announce([.connection(.connecting, reason: nil)])
        }
    }

    /// Publishes events of the runtime's own (no input to the core), after the input
    /// being carried out, if any.
    private func announce(_ events: [StationEvent]) {
        guard !deferredWhileHandling({ [self] in announce(events) }) else { return }
        finish(events)
    }

    /// One input at a time: while one is being carried out, `work` is handed to the
    /// link's thread to run after it, in order (unless the station failed meanwhile).
    /// Whether it was deferred.
    private func deferredWhileHandling(_ work: @escaping @Sendable () -> Void) -> Bool {
        guard handling else { return false }
        client.perform { [self] in
            if !isFailed { work() }
        }
        return true
    }

    /// Carries out `input`; its events are published as `publishing` makes them.
    ///
    /// One input at a time: a link that reports an event while the station is still
    /// carrying out the input that caused it (a connection closed before it opened
    /// reports its end at once) has it taken next, in order, never inside the first.
    private func handle(
        _ input: StationInput, publishing: (@Sendable ([StationEvent]) -> [StationEvent])? = nil
    ) {
        guard !deferredWhileHandling({ [self] in handle(input, publishing: publishing) }) else { return }
        handling = true
        defer { handling = false }
        // `quit --stop`: the fleet's behaviour brings no new EV while its sessions stop.
        if case .command(.stopAllTransactions) = input { behaviour = nil }
        var link = link
        var agent = transfers!
        let events = driver.handle(
            input, at: .monotonicNow(), wallClock: .now(), link: &link, store: store, transfers: &agent)
        finish(settled(events, acknowledging: publishing))
    }

    /// A command's acknowledgement is made with its events, unless it sent a call of
    /// the operator's: then with the events of the input that answers it (the answer, a
    /// CALLERROR, a timeout, the link lost), or an error when the call went with a
    /// reboot or a power cut.
    private func settled(
        _ events: [StationEvent], acknowledging acknowledge: (@Sendable ([StationEvent]) -> [StationEvent])? = nil
    ) -> [StationEvent] {
        let outstanding = driver.core.operatorCallsOutstanding
        var events = events
        if outstanding > awaitingAnswers.count {
            // A call of the operator's left (from the screen's `:` line, too: answers come
            // in the order of sending, and each must reach its own command).
            awaitingAnswers.append(acknowledge ?? { $0 })
        } else if let acknowledge {
            events = acknowledge(events)
        }
        if awaitingAnswers.count > outstanding {
            events = awaitingAnswers.removeFirst()(events)
        }
        while awaitingAnswers.count > outstanding {
            events += awaitingAnswers.removeFirst()([.error("no answer: the station restarted before it came")])
        }
        return events
    }

    /// After an input: publish its events, arm the wake-up, update what observers see.
    private func finish(_ events: [StationEvent]) {
        if !events.isEmpty {
            history.record(events, at: .now())
            behaviour?.observe(events, at: .monotonicNow())
            onEvents(events)
        }
        client.wake(at: nextWakeUp)
        if let failure = driver.failure {
            condition.withLock {
                failed = true
                condition.broadcast()
            }
            onFailure(failure)
            return
        }
        publish()
    }

    private func publish() {
        let core = driver.core
        let wanted = condition.withLock { publishesSnapshots }
        var view = StationView(
            snapshot: wanted ? core.snapshot : published.snapshot, configuration: published.configuration,
            isOnline: core.isOnline, staysOnline: core.staysOnline,
            queuedTransactionMessages: core.queuedTransactionMessages,
            callsOutstanding: core.callsOutstanding)
        if wanted, core.configurationRevision != configurationRevision {
            configurationRevision = core.configurationRevision
            view.configuration = core.configurationEntries
        }
        condition.lock()
        published = view
        condition.broadcast()
        condition.unlock()
    }
}
