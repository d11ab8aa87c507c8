/// One station's behaviour generator (`--fleet-behaviour`, issue 15), sans-IO: given the
/// time, it says which operator commands the station's world performs now (an EV plugs
/// in, a driver swipes, a connector faults, the link drops) and when it next has
/// something to do; it learns what became of them from the station's own events
/// (`observe`). The runner submits the commands as the operator's are submitted, on the
/// station's executor, and arms one timer for `nextWakeUp` (the station's own wake-up
/// timer, whichever comes first): no thread, no polling, under a kilobyte a station.
///
/// Every random draw comes from seeded streams (`BehaviourRandom`): arrivals, faults and
/// offline periods each have their own, and every time is computed from the instant it
/// was scheduled for, not from when a timer happened to fire, so the same seed and the
/// same answers of the central system give the same run.
public struct StationBehaviour: Sendable {
    /// A command to carry out now, and why (the `behaviour:` notice).
    public struct Step: Sendable, Equatable {
        public var command: StationCommand
        public var why: String

        /// The command as an operator types it.
        public var line: String {
            switch command {
            case .plug(let connector): "plug \(connector)"
            case .unplug(let connector): "unplug \(connector)"
            case .swipe(let idTag, let connector): "swipe \(idTag)\(connector.map { " \($0)" } ?? "")"
            case .stop(let connector): "stop \(connector)"
            case .evSuspend(let connector): "ev suspend \(connector)"
            case .fault(let connector, let code, _): "fault \(connector) \(code.rawValue)"
            case .clear(let connector): "clear \(connector)"
            case .offline: "offline"
            case .online: "online"
            default: "\(command)"
            }
        }
    }

    /// An EV at a connector, from its plug to its unplug.
    struct Visit: Sendable, Equatable {
        enum Phase: Sendable, Equatable {
            /// Plugged, no transaction yet: a swipe or a remote start is awaited.
            case waiting
            /// The transaction runs.
            case charging
            /// The transaction ended; the EV waits for its driver or leaves.
            case ended
        }

        var idTag: String
        var remote: Bool
        var phase = Phase.waiting
        var energyWh: Double
        var leaveDelayMilliseconds: Int64
        /// The card at the reader (swipe path, or the remote path's fall-back).
        var swipeAt: Timestamp?
        /// The EV has its energy and stops drawing.
        var fullAt: Timestamp?
        /// The driver is back: the transaction is stopped, if it runs, then the EV leaves.
        var returnAt: Timestamp?
        /// The cable comes out and the EV is gone.
        var unplugAt: Timestamp?
    }

    /// One connector as the generator sees it.
    struct Bay: Sendable {
        let id: Int
        /// What an EV draws there, W: the smaller of the connector's maximum and the EV's.
        let powerW: Double
        /// As the station last reported it (nil before its first report).
        var status: ChargePointStatus?
        var visit: Visit?
        /// A fault the generator raised, cleared then.
        var faultClearAt: Timestamp?

        /// An arriving EV may take it.
        var isFree: Bool { status == .available && visit == nil && faultClearAt == nil }
    }

    let plan: FleetBehaviour
    private(set) var bays: [Bay]
    private var arrivals: BehaviourRandom
    private var faults: BehaviourRandom
    private var outages: BehaviourRandom
    private var nextArrival: Timestamp?
    private var nextFault: Timestamp?
    private var nextOffline: Timestamp?
    /// The end of the offline period the generator began.
    private var onlineAt: Timestamp?
    /// EVs that found no free connector and drove on.
    public private(set) var turnedAway = 0

    /// The behaviour `plan` for a station of `profile`, from `seed` (one per station:
    /// `FleetSeed`), starting at `now` (monotonic).
    public init(plan: FleetBehaviour, profile: StationProfile, seed: UInt64, now: Timestamp) {
        self.plan = plan
        bays = profile.connectors.map { hardware in
            let evMaximum = hardware.currentType == .dc ? profile.ev.maxPowerDCW : profile.ev.maxPowerACW
            return Bay(id: hardware.id, powerW: min(hardware.maxPowerW, evMaximum))
        }
        arrivals = BehaviourRandom(seed: seed, stream: 1)
        faults = BehaviourRandom(seed: seed, stream: 2)
        outages = BehaviourRandom(seed: seed, stream: 3)
        nextArrival = Self.after(now, rate: plan.arrivalsPerHour / Self.hour, &arrivals)
        nextFault = Self.after(now, rate: plan.faultsPerDay / Self.day, &faults)
        nextOffline = Self.after(now, rate: plan.offlinePerDay / Self.day, &outages)
    }

    /// When `due(at:)` next has something to do (monotonic); nil: never, unless an event
    /// changes that.
    public var nextWakeUp: Timestamp? {
        var earliest: Timestamp?
        func consider(_ time: Timestamp?) {
            if let time, earliest.map({ time < $0 }) ?? true { earliest = time }
        }
        consider(nextArrival)
        consider(nextFault)
        consider(nextOffline)
        consider(onlineAt)
        for bay in bays {
            consider(bay.faultClearAt)
            if let visit = bay.visit {
                consider(visit.swipeAt)
                consider(visit.fullAt)
                consider(visit.returnAt)
                consider(visit.unplugAt)
            }
        }
        return earliest
    }

    /// The commands due at `now`, in order: the link, faults, the EVs there, new arrivals.
    public mutating func due(at now: Timestamp) -> [Step] {
        var steps: [Step] = []
        if let time = onlineAt, time <= now {
            onlineAt = nil
            steps.append(Step(command: .online, why: "the offline period is over"))
        }
        while let time = nextOffline, time <= now {
            nextOffline = Self.after(time, rate: plan.offlinePerDay / Self.day, &outages)
            let length = Self.milliseconds(minutes: plan.offlineMinutes.sample(&outages))
            guard onlineAt == nil else { continue }  // offline already
            onlineAt = time.adding(milliseconds: length)
            steps.append(Step(command: .offline, why: "the link drops for \(Self.describe(length))"))
        }
        for index in bays.indices {
            if let time = bays[index].faultClearAt, time <= now {
                bays[index].faultClearAt = nil
                steps.append(Step(command: .clear(connector: bays[index].id), why: "the fault is repaired"))
            }
        }
        while let time = nextFault, time <= now {
            nextFault = Self.after(time, rate: plan.faultsPerDay / Self.day, &faults)
            steps += fault(at: time)
        }
        for index in bays.indices { steps += visitSteps(index, at: now) }
        while let time = nextArrival, time <= now {
            nextArrival = Self.after(time, rate: plan.arrivalsPerHour / Self.hour, &arrivals)
            steps += arrival(at: time)
        }
        return steps
    }

    /// Takes in what the station reported: connector statuses and transactions.
    public mutating func observe(_ events: [StationEvent], at now: Timestamp) {
        for event in events {
            switch event {
            case .connector(let id, let status, _, _):
                if let index = bays.firstIndex(where: { $0.id == id }) { bays[index].status = status }
            case .transaction(let transaction):
                guard let index = bays.firstIndex(where: { $0.id == transaction.connector }),
                    var visit = bays[index].visit
                else { continue }
                switch transaction.kind {
                case .started where visit.phase == .waiting:
                    // The swipe was accepted, or the central system started it remotely.
                    visit.phase = .charging
                    visit.swipeAt = nil
                    let hours = visit.energyWh / bays[index].powerW
                    if hours.isFinite {
                        visit.fullAt = now.adding(milliseconds: Int64((hours * Self.hour).rounded(.up)))
                    }
                case .stopped where visit.phase == .charging:
                    // Stopped by the driver, the central system, a reset or a power cut: the
                    // EV stays until its driver is back.
                    visit.phase = .ended
                    visit.fullAt = nil
                default:
                    break
                }
                bays[index].visit = visit
            default:
                break
            }
        }
    }

    // MARK: Steps

    private mutating func arrival(at time: Timestamp) -> [Step] {
        // Every draw is made whatever happens next, so one arrival's fate never shifts
        // the next one's numbers.
        let free = bays.indices.filter { bays[$0].isFree }
        let choice = arrivals.next()
        let remote = arrivals.unit() < plan.remoteStartShare
        let idTag = arrivals.pick(plan.idTags) ?? "UNKNOWN"
        let stay = Self.milliseconds(minutes: plan.stayMinutes.sample(&arrivals))
        let energyWh = plan.energyKWh.sample(&arrivals) * 1000
        let swipeDelay = Self.milliseconds(seconds: plan.swipeDelaySeconds.sample(&arrivals))
        let leaveDelay = Self.milliseconds(seconds: plan.leaveDelaySeconds.sample(&arrivals))
        guard !free.isEmpty else {
            turnedAway += 1
            return []
        }
        let index = free[Int(choice % UInt64(free.count))]
        let timeout = Self.milliseconds(seconds: plan.remoteStartTimeoutSeconds)
        bays[index].visit = Visit(
            idTag: idTag, remote: remote, energyWh: energyWh, leaveDelayMilliseconds: leaveDelay,
            swipeAt: time.adding(milliseconds: remote ? timeout : swipeDelay), returnAt: time.adding(milliseconds: stay)
        )
        let why =
            remote
            ? "an EV arrives for \(Self.describe(stay)); its driver starts from an app: a remote start is awaited "
                + "for \(Self.describe(timeout))"
            : "an EV arrives for \(Self.describe(stay))"
        return [Step(command: .plug(connector: bays[index].id), why: why)]
    }

    private mutating func visitSteps(_ index: Int, at now: Timestamp) -> [Step] {
        guard var visit = bays[index].visit else { return [] }
        let id = bays[index].id
        var steps: [Step] = []
        if let time = visit.swipeAt, time <= now {
            visit.swipeAt = nil
            let why = visit.remote ? "no remote start came: the driver swipes a card" : "the driver swipes a card"
            steps.append(Step(command: .swipe(idTag: visit.idTag, connector: id), why: why))
        }
        if let time = visit.fullAt, time <= now {
            visit.fullAt = nil
            let energy = (visit.energyWh / 100).rounded() / 10
            steps.append(Step(command: .evSuspend(connector: id), why: "the EV has the \(energy) kWh it wanted"))
        }
        if let time = visit.returnAt, time <= now {
            visit.returnAt = nil
            visit.swipeAt = nil
            visit.fullAt = nil
            if visit.phase == .charging {
                steps.append(Step(command: .stop(connector: id), why: "the driver is back"))
                visit.unplugAt = time.adding(milliseconds: visit.leaveDelayMilliseconds)
            } else {
                visit.unplugAt = time
            }
        }
        if let time = visit.unplugAt, time <= now {
            bays[index].visit = nil
            steps.append(Step(command: .unplug(connector: id), why: "the EV leaves"))
            return steps
        }
        bays[index].visit = visit
        return steps
    }

    private mutating func fault(at time: Timestamp) -> [Step] {
        let choice = faults.next()
        let code = faults.pick(plan.faultCodes) ?? .otherError
        let length = Self.milliseconds(minutes: plan.faultMinutes.sample(&faults))
        let candidates = bays.indices.filter { bays[$0].faultClearAt == nil }
        guard !candidates.isEmpty else { return [] }
        let index = candidates[Int(choice % UInt64(candidates.count))]
        bays[index].faultClearAt = time.adding(milliseconds: length)
        let command = StationCommand.fault(connector: bays[index].id, code: code, info: nil)
        return [Step(command: command, why: "a fault for \(Self.describe(length))")]
    }

    // MARK: Time

    /// Milliseconds in an hour and in a day: rates are per hour or per day.
    static let hour = 3_600_000.0
    static let day = 86_400_000.0

    /// The next event of a Poisson process of `rate` a millisecond after `time`; nil for
    /// a rate of 0.
    private static func after(_ time: Timestamp, rate: Double, _ random: inout BehaviourRandom) -> Timestamp? {
        guard rate > 0 else { return nil }
        return time.adding(milliseconds: max(1, Int64(random.exponential(rate: rate).rounded())))
    }

    static func milliseconds(minutes: Double) -> Int64 { max(0, Int64((minutes * 60_000).rounded())) }
    static func milliseconds(seconds: Double) -> Int64 { max(0, Int64((seconds * 1000).rounded())) }

    /// "40 s", "12 min", "2.5 h".
    static func describe(_ milliseconds: Int64) -> String {
        let seconds = Double(milliseconds) / 1000
        if seconds < 120 { return "\(Int(seconds.rounded())) s" }
        if seconds < 7200 { return "\(Int((seconds / 60).rounded())) min" }
        return "\((seconds / 360).rounded() / 10) h"
    }
}
