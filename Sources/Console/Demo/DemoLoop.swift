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

    init(runner: StationRunner, server: DemoServer, restartsItself: Bool = false) {
        self.runner = runner
        self.server = server
        self.restartsItself = restartsItself
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
                plan = DemoLoopPlan(startingAt: now)
                continue
            }
            guard let action = plan.next(DemoLoopPlan.Station(snapshot), at: now) else {
                continue
            }
            switch action {
            case .plug(let connector): runner.submit(.plug(connector: connector))
            case .unplug(let connector): runner.submit(.unplug(connector: connector))
            case .remoteStart(let connector): server.request(.remoteStart(connector: connector))
            case .remoteStop(let connector): server.request(.remoteStop(connector: connector))
            }
        }
    }
}
