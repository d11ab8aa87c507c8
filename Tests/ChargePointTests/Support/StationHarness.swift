import ChargePoint
import ChargePointRuntime
import Testing

/// Drives a `StationCore` the way the real driver does, but in memory and on a manual
/// clock: effects are applied in order (persist, frames, link requests), the link
/// requests are obeyed at once, a `TestCentralSystem` answers the station's calls, and
/// every frame the station emits is validated against the official OCPP 1.6 schemas.
struct StationHarness: CustomStringConvertible {
    /// Short, so that a failed expectation does not print the whole station.
    var description: String { "station at \(now)" }

    static let start = Timestamp(rfc3339: "2026-11-24T10:00:00.000Z")!

    /// The one driver loop of every driver (persist → send → link → events → wake).
    private(set) var driver: StationDriver
    var core: StationCore { driver.core }
    /// The in-memory link: the test central system behind it, and what crossed it.
    private var link: HarnessLink
    private let memory: MemoryStore
    /// The file transfers the station asked for; a test plays the server with
    /// `reportTransfer`.
    private var transferAgent = TransferRecorder()
    var transferCommands: [TransferCommand] { transferAgent.commands }
    /// The transfers started and not yet cancelled, reported on or stopped by a power cut.
    var runningTransfers: [TransferJob] { transferAgent.running }
    var csms: TestCentralSystem {
        get { link.csms }
        set { link.csms = newValue }
    }
    /// The durable state as the store has it: every StoreChange applied in order.
    var store: DurableState { memory.state }
    private(set) var now: Timestamp
    private(set) var events: [StationEvent] = []
    /// Every frame the station sent, in order.
    var sent: [String] { link.sent }
    var linkRequests: [LinkRequest] { link.requests }
    /// The plan of each connection the station asked for.
    var linkPlans: [LinkPlan] { link.plans }
    /// Refuses connections made as a plan says (`HarnessLink.refusal`).
    var linkRefusal: (@Sendable (LinkPlan) -> LinkFailure?)? {
        get { link.refusal }
        set { link.refusal = newValue }
    }
    /// Whether the link comes up when the station asks (false: the network is down).
    var networkAvailable: Bool {
        get { link.networkAvailable }
        set { link.networkAvailable = newValue }
    }
    /// The host's wall clock minus the station's monotonic clock, ms, when the test
    /// injects one (nil: the driver reports no wall clock). Change it to step the wall
    /// clock as NTP or an operator would.
    var hostClockOffset: Int64?
    /// When set, every batch of changes is also written to this SQLite store, and a
    /// power cut restarts from it rather than from `store`.
    var sqlite: SQLiteStore? {
        get { memory.sqlite }
        set { memory.sqlite = newValue }
    }
    let profile: StationProfile

    init(
        profile: StationProfile = TestProfiles.twoConnectors, configuration: [String: String] = [:],
        durable: DurableState = DurableState(), at time: Timestamp = StationHarness.start,
        provisioned: ProvisionedCredentials = ProvisionedCredentials()
    ) throws {
        var profile = profile
        for (key, value) in configuration { profile.configuration[key] = value }
        self.profile = profile
        memory = MemoryStore(durable)
        link = HarnessLink()
        now = time
        driver = StationDriver(
            core: try StationCore(
                profile: profile, durable: durable, now: time, ids: .sequential(prefix: "cp-"), seed: 42,
                certificateToolkit: FakeCertificateToolkit()),
            provisioned: provisioned)
    }

    /// A station powered on, connected, booted and with its first statuses delivered.
    static func booted(
        profile: StationProfile = TestProfiles.twoConnectors, configuration: [String: String] = [:],
        provisioned: ProvisionedCredentials = ProvisionedCredentials()
    ) throws -> StationHarness {
        var harness = try StationHarness(profile: profile, configuration: configuration, provisioned: provisioned)
        harness.powerOn()
        return harness
    }

    // MARK: Inputs

    mutating func powerOn() { apply(.powerOn) }

    mutating func command(_ command: StationCommand) { apply(.command(command)) }

    /// Plugs a cable into `connector`, then presents `idTag` there: how most sessions start.
    mutating func plugAndSwipe(idTag: String, connector: Int) {
        command(.plug(connector: connector))
        command(.swipe(idTag: idTag, connector: connector))
    }

    /// A full SendLocalList.req (§5.15) of `entries` (idTag → status) from the central
    /// system: the station's answer.
    @discardableResult
    mutating func sendFullLocalList(version: Int, _ entries: KeyValuePairs<IdToken, AuthorizationStatus>)
        -> UpdateStatus?
    {
        csmsRequest(
            SendLocalListRequest(
                listVersion: version,
                localAuthorizationList: entries.map {
                    AuthorizationData(idTag: $0.key, idTagInfo: IdTagInfo(status: $0.value))
                },
                updateType: .full))?.status
    }

    /// ChangeConfiguration.req of `key` to `value` from the central system: the station's answer.
    mutating func changeConfiguration(_ key: CiString50, to value: CiString500) -> ConfigurationStatus? {
        csmsRequest(ChangeConfigurationRequest(key: key, value: value))?.status
    }

    /// Sends a CALL as the central system and returns the station's answer frame.
    @discardableResult
    mutating func csmsCall<R: OCPPRequest>(_ request: R) -> Frame? {
        let id = link.nextCsmsCallId(R.action)
        let before = sent.count
        apply(.received(try! Frame.call(id, request).text))
        return sent[before...].lazy.compactMap { text -> Frame? in
            guard case .success(let frame) = Frame.parse(text), frame.messageId == id else { return nil }
            if case .call = frame { return nil }
            return frame
        }.first
    }

    /// The typed response to a central-system CALL, failing the test on a CALLERROR.
    mutating func csmsRequest<R: OCPPRequest>(_ request: R) -> R.Response? {
        guard let frame = csmsCall(request) else {
            Issue.record("no answer to \(R.action)")
            return nil
        }
        guard case .callResult(let result) = frame else {
            Issue.record("\(R.action) answered with \(frame.text)")
            return nil
        }
        return try? PayloadDecoder.decode(R.Response.self, from: result.payload)
    }

    /// Raw text from the central system.
    mutating func receive(_ text: String) { apply(.received(text)) }

    /// Lets `seconds` pass, firing every timer at its exact time.
    mutating func advance(seconds: Double) {
        advance(to: now.adding(milliseconds: Int64(seconds * 1000)))
    }

    mutating func advance(to target: Timestamp) {
        while let wake = driver.nextWakeUp, wake <= target {
            now = max(now, wake)
            apply(.tick)
        }
        now = max(now, target)
    }

    /// Drops the link (the network fails; the station will try to reconnect).
    mutating func dropLink(reason: String = "test: link lost", failure: LinkFailure? = nil) {
        networkAvailable = false
        apply(.linkDown(reason: reason, failure: failure))
    }

    /// The network is back: the station's next attempt succeeds.
    mutating func restoreNetwork() {
        networkAvailable = true
    }

    /// The central system answers the held calls of an action, in order.
    mutating func releaseHeld(_ action: Action) {
        let calls = csms.held.filter { $0.action == action }
        csms.held.removeAll { $0.action == action }
        for call in calls {
            if let frame = csms.answer(call, at: now) { apply(.received(frame.text)) }
        }
    }

    /// Restarts the station from what the store holds: a power cut at this instant.
    mutating func powerCut(restartAfter seconds: Double = 1) throws {
        now = now.adding(milliseconds: Int64(seconds * 1000))
        events += driver.powerCut(
            at: now, wallClock: hostClock, ids: .sequential(prefix: "cp\(now.millisecondsSince1970 % 100_000)-"),
            seed: 7, link: &link, store: memory, transfers: &transferAgent)
        drain()
    }

    /// The transfer agent's report on transfer `report.id`, as the real one sends it.
    mutating func reportTransfer(_ report: TransferReport) {
        if case .progress = report {} else { transferAgent.finished(report.id) }
        apply(.transfer(report))
    }

    // MARK: The driver loop

    private var hostClock: Timestamp? { hostClockOffset.map { now.adding(milliseconds: $0) } }

    private mutating func apply(_ input: StationInput) {
        link.inbox.append(input)
        drain()
    }

    /// Feeds the driver what the link has for it (the central system's answers, link
    /// up or down) until nothing is left.
    private mutating func drain() {
        while !link.inbox.isEmpty {
            let next = link.inbox.removeFirst()
            if case .linkDown = next { link.state = .down }
            link.now = now
            events += driver.handle(
                next, at: now, wallClock: hostClock, link: &link, store: memory, transfers: &transferAgent)
        }
    }

    // MARK: Reading what happened

    /// Calls the station sent of an action, in order, decoded.
    func sentCalls(_ action: Action) -> [Frame.Call] {
        sent.compactMap { text in
            guard case .success(.call(let call)) = Frame.parse(text), call.action == action.rawValue else { return nil }
            return call
        }
    }

    /// The actions of every call the station sent, in order.
    var sentActions: [String] {
        sent.compactMap { text in
            guard case .success(.call(let call)) = Frame.parse(text) else { return nil }
            return call.action
        }
    }

    func sentRequests<R: OCPPRequest>(_ type: R.Type) -> [R] {
        sentCalls(R.action).compactMap { try? PayloadDecoder.decode(type, from: $0.payload) }
    }

    func lastRequest<R: OCPPRequest>(_ type: R.Type) -> R? { sentRequests(type).last }

    /// The statuses reported for a connector, in order.
    func reportedStatuses(_ connector: Int) -> [ChargePointStatus] {
        sentRequests(StatusNotificationRequest.self).filter { $0.connectorId == connector }.map(\.status)
    }

    var errors: [String] {
        events.compactMap { if case .error(let text) = $0 { return text } else { return nil } }
    }

    /// What reads as a notice: notices, and the answers to the operator's calls.
    var notices: [String] { events.compactMap(\.noticeText) }

    var snapshot: StationSnapshot { core.snapshot }

    func status(_ connector: Int) -> ChargePointStatus {
        connector == 0 ? snapshot.station.status : snapshot.connectors[connector - 1].status
    }

    /// Forgets what was sent and seen so far, to look at what comes next.
    mutating func clearHistory() {
        link.forgetSent()
        events.removeAll()
    }

    /// No internal error and no illegal transition was reported.
    /// Lets `seconds` pass, then expects `count` CALLs of `action` sent since the start.
    mutating func expectSent(
        _ action: Action, count: Int, afterAdvancing seconds: Double,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        advance(seconds: seconds)
        #expect(sentCalls(action).count == count, sourceLocation: sourceLocation)
    }

    func expectNoInternalErrors(sourceLocation: SourceLocation = #_sourceLocation) {
        let internalErrors = errors.filter { $0.hasPrefix("internal") }
        #expect(internalErrors.isEmpty, "\(internalErrors)", sourceLocation: sourceLocation)
    }
}
