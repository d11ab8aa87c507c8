/// The one loop that carries out what the station core asks, for every driver (the
/// runner on its link thread, the test harnesses, the benchmarks): for each input,
/// persist → send → link requests → events → the next wake-up, in that order
/// (`StationEffects`). It owns the core; observers get events and snapshots, never the
/// core itself.
///
/// It also owns the two rules a driver must not get wrong:
/// - **credentials**: the password the link opens with is `--password` until the central
///   system sets an AuthorizationKey, and that key from then on (security whitepaper A01);
/// - **power cuts**: the core is rebuilt from the store; a live connection is aborted
///   and what it still reports is ignored until it is gone, then the station powers on.
/// A store that fails stops the station: no input is taken after that, so nothing the
/// central system sees can be lost.
public struct StationDriver: Sendable {
    public private(set) var core: StationCore
    /// When the core wants `.tick` next (station time).
    public private(set) var nextWakeUp: Timestamp?
    /// Why the station stopped (its store failed), once it has.
    public private(set) var failure: String?
    /// `--password`: used until the central system sets an AuthorizationKey.
    public let configuredPassword: String?
    private let keyAtStart: String?
    /// After a power cut with the link up: the old connection's reports are ignored
    /// until it is reported down.
    private var awaitingAbort = false

    /// `secureLink`: the link is `wss://`; the SecurityProfile key then reports the
    /// profile the link is in (`StationCore.describeLink`).
    /// `provisioned`: the roots of `--ca-file` and the certificate of `--client-cert`
    /// (security profile 3), as the driver read them.
    public init(
        core: StationCore, password: String? = nil, secureLink: Bool = false,
        provisioned: ProvisionedCredentials = ProvisionedCredentials()
    ) {
        self.core = core
        configuredPassword = password
        keyAtStart = core.authorizationKey
        self.secureLink = secureLink
        self.provisioned = provisioned
        describeLink()
    }

    private let secureLink: Bool
    private let provisioned: ProvisionedCredentials

    /// Tells the core how its link is made, for the SecurityProfile key it reports.
    private mutating func describeLink() {
        core.describeLink(
            secure: secureLink, configuredPassword: configuredPassword != nil, provisioned: provisioned)
    }

    /// The Basic auth password for the next connection (whitepaper A01: the central
    /// system's AuthorizationKey wins once it has set one): an AuthorizationKey as the
    /// bytes its hex digits stand for (A00.FR.205), `--password` as typed.
    public var password: BasicAuthPassword? {
        let key = core.authorizationKey
        let typed = configuredPassword.map(BasicAuthPassword.init(typed:))
        guard let key, key != keyAtStart || typed == nil else { return typed }
        return BasicAuthPassword(authorizationKey: key)
    }

    /// How the next connection is made (`StationCore.linkPlan`): the password is sent
    /// only in profiles 1 and 2.
    public var linkPlan: LinkPlan { core.linkPlan(password: password) }

    /// Carries out one input; the events to publish, in order. `time` is station time
    /// (monotonic), `wallClock` the host's clock when the driver has one.
    public mutating func handle<Link: LinkTransport, Store: StationStore>(
        _ input: StationInput, at time: Timestamp, wallClock: Timestamp? = nil, link: inout Link, store: Store
    ) -> [StationEvent] {
        var transfers = NoTransfers()
        return handle(input, at: time, wallClock: wallClock, link: &link, store: store, transfers: &transfers)
    }

    /// Carries out one input, file transfers included (`StationEffects.transfers`).
    public mutating func handle<Link: LinkTransport, Store: StationStore, Transfers: TransferAgent>(
        _ input: StationInput, at time: Timestamp, wallClock: Timestamp? = nil, link: inout Link, store: Store,
        transfers: inout Transfers
    ) -> [StationEvent] {
        guard failure == nil else { return [] }
        if awaitingAbort {
            // The dead connection's last words: only its end matters.
            guard case .linkDown = input else { return [] }
            awaitingAbort = false
            return [.connection(.disconnected, reason: "power cut")]
                + handle(.powerOn, at: time, wallClock: wallClock, link: &link, store: store, transfers: &transfers)
        }
        let effects = core.handle(input, at: time, wallClock: wallClock)
        do {
            try store.apply(effects.persist)
        } catch {
            let reason = "\(error); stopping to avoid losing data"
            failure = reason
            nextWakeUp = nil
            return [.error(reason)]
        }
        for frame in effects.frames { link.send(frame) }
        for request in effects.linkRequests {
            switch request {
            case .connect: link.connect(linkPlan)
            case .disconnect(let reason): link.disconnect(reason: reason)
            }
        }
        for command in effects.transfers { transfers.perform(command, station: core) }
        nextWakeUp = effects.nextWakeUp
        return effects.events
    }

    /// An abrupt power cut and the power coming back: the core is rebuilt from what the
    /// store holds and boots again (at once, or once the aborted link is reported down).
    public mutating func powerCut<Link: LinkTransport, Store: StationStore>(
        at time: Timestamp, wallClock: Timestamp? = nil, ids: MessageIdGenerator = .uuid(),
        seed: UInt64 = UInt64.random(in: 0...UInt64.max), link: inout Link, store: Store
    ) -> [StationEvent] {
        var transfers = NoTransfers()
        return powerCut(
            at: time, wallClock: wallClock, ids: ids, seed: seed, link: &link, store: store, transfers: &transfers)
    }

    /// A power cut with file transfers under way: they stop with the power, and what
    /// the store says of them carries on after the boot (`StationCore.resumeFileTransfers`).
    public mutating func powerCut<Link: LinkTransport, Store: StationStore, Transfers: TransferAgent>(
        at time: Timestamp, wallClock: Timestamp? = nil, ids: MessageIdGenerator = .uuid(),
        seed: UInt64 = UInt64.random(in: 0...UInt64.max), link: inout Link, store: Store,
        transfers: inout Transfers
    ) -> [StationEvent] {
        guard failure == nil else { return [] }
        transfers.stopAll()
        var events: [StationEvent] = [.notice("power cut: the station goes dark and comes back")]
        // The link as observers last heard of it: if it was not down, they hear it go.
        let linkWasUp = core.snapshot.connection != .disconnected
        do {
            let heldOffline = core.isHeldOffline
            // The station's real-time clock keeps its time through the dark (it has a
            // battery): the central system's time stays, and the boot that follows moves
            // the clock only if it drifted (no SettingSystemTime at every power cut).
            let clock = core.clock
            core = try StationCore(
                profile: core.profile, durable: try store.load(), now: time, ids: ids, seed: seed,
                certificateToolkit: core.certificateToolkit)
            core.clock = clock
            // `offline` is the network's state, not the station's: the power coming back
            // does not bring the network back.
            core.holdOffline(heldOffline)
            describeLink()
        } catch {
            let reason = "cannot restart after the power cut: \(error)"
            failure = reason
            nextWakeUp = nil
            return events + [.error(reason)]
        }
        nextWakeUp = nil
        if link.abort() {
            awaitingAbort = true
        } else {
            if linkWasUp { events.append(.connection(.disconnected, reason: "power cut")) }
            events += handle(.powerOn, at: time, wallClock: wallClock, link: &link, store: store, transfers: &transfers)
        }
        return events
    }
}
