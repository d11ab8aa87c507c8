import ChargePoint
import ChargePointRuntime
import DemoCentralSystem
import Foundation

/// Runs `DemoLoopPlan` against a live station and the embedded central system: once a
/// second it looks at the station and carries out what the plan says, the EV side as
/// operator commands, the central-system side through `DemoServer`.
final class DemoLoop: @unchecked Sendable {
    private let runner: StationRunner
    private let server: DemoServer
    private let condition = NSCondition()
    private var stopped = false  // guarded by condition
    private var thread: ServiceThread?
    /// `--kiosk`: the loop starts over by itself when it is stuck (`DemoLoopWatchdog`).
    private let restartsItself: Bool
    /// The demo cards: a showcase round reserves for and swipes the first valid one.
    private let cards: [DemoCard]

    init(runner: StationRunner, server: DemoServer, cards: [DemoCard], restartsItself: Bool = false) {
        (self.runner, self.server, self.cards, self.restartsItself) = (runner, server, cards, restartsItself)
    }

    func start() {
        runner.report(.notice("demo loop: sessions start and stop by themselves; quit to leave"))
        let thread = ServiceThread(name: "ocpp-demo-loop") { [self] in run() }
        self.thread = thread
        thread.start()
    }

    func stop() {
        condition.withLock {
            stopped = true
            condition.signal()
        }
        thread?.join()
    }

    private func run() {
        var plan = DemoLoopPlan(startingAt: .monotonicNow())
        var watchdog = restartsItself ? DemoLoopWatchdog(startingAt: .monotonicNow()) : nil
        while true {
            let done = condition.withLock { () -> Bool in
                if !stopped { _ = condition.wait(until: Date().addingTimeInterval(1)) }
                return stopped
            }
            if done { return }
            let now = Timestamp.monotonicNow()
            let snapshot = runner.view.snapshot.projected(to: now)
            if let commands = watchdog?.check(snapshot, at: now) {
                runner.report(.notice("demo loop: nothing charged for a while; the station put back, starting over"))
                for command in commands { runner.submit(command) }
                for action in DemoLoopWatchdog.centralSystemActions { carryOut(action, snapshot) }
                plan = DemoLoopPlan(startingAt: now)
                continue
            }
            guard let action = plan.next(DemoLoopPlan.Station(snapshot), at: now) else {
                continue
            }
            carryOut(action, snapshot)
        }
    }

    /// The EV's side as operator commands, the central system's through `DemoServer`.
    private func carryOut(_ action: DemoLoopPlan.Action, _ snapshot: StationSnapshot) {
        switch action {
        case .plug(let connector): runner.submit(.plug(connector: connector))
        case .unplug(let connector): runner.submit(.unplug(connector: connector))
        case .remoteStart(let connector): server.request(.remoteStart(connector: connector))
        case .remoteStop(let connector): server.request(.remoteStop(connector: connector))
        case .reserve(let connector):
            guard let card = showcaseCard else { return }
            send(.reserve(connector: connector, idTag: card, seconds: Self.reservationSeconds))
        case .swipe(let connector):
            guard let card = showcaseCard else { return }
            runner.submit(.swipe(idTag: card, connector: connector))
        case .stationLimit:
            server.request(.stationLimit(kilowatts: Self.visibleLimit(snapshot)))
        case .trigger(let connector):
            send(.trigger(.meterValues, connector: connector))
        case .clearLimits:
            // Its own profile only: limits the operator set stay (OCPP 1.6 §5.5).
            server.request(.clearStationLimit)
        }
    }

    /// A CALL of the central system; its answer shows in the log like any other.
    private func send(_ command: CentralSystemCommand) {
        server.send(command) { _ in }
    }

    /// The card a showcase round reserves the connector for and swipes.
    private var showcaseCard: String? {
        cards.first { $0.status == .accepted && $0.parentIdTag == nil }?.idTag.value
    }

    /// How long the showcase's reservation holds (ReserveNow.expiryDate), s.
    static let reservationSeconds = 300

    /// A station limit, kW, that visibly cuts the power: half of what the station draws
    /// now (at least 1.4 kW, one decimal).
    static func visibleLimit(_ snapshot: StationSnapshot) -> Double {
        let drawnW = snapshot.connectors.reduce(0) { $0 + $1.powerW }
        return max(1.4, (drawnW / 2 / 100).rounded() / 10)
    }
}
