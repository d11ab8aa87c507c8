import ChargePoint
import ChargePointRuntime
import DemoCentralSystem
import Foundation

/// `--script` on the screen (README "The screen"): the script runs on its own thread
/// while the screen is live, its progress on the feedback line ("script: line 3 of 10:
/// plug 1"), errors as `FILE:LINE: …`. The operator's keys work meanwhile; their
/// commands go in between the script's. A `quit` in the script ends the console; the
/// operator quitting stops the script at once (a `wait` is cut short).
final class ScreenScript: @unchecked Sendable {
    private let script: CommandScript
    private let runner: StationRunner
    private let onQuit: @Sendable () -> Void
    private let onSaveLog: @Sendable (String?) -> Void
    /// `--demo`: the central system its `csms …` lines drive.
    private let server: DemoServer?
    private let condition = NSCondition()
    private var cancelled = false  // guarded by condition

    /// `onSaveLog`: where a `save-log` line goes (the screen writes the file).
    init(
        _ script: CommandScript, runner: StationRunner, onQuit: @escaping @Sendable () -> Void,
        onSaveLog: @escaping @Sendable (String?) -> Void, server: DemoServer? = nil
    ) {
        (self.script, self.runner, self.onQuit, self.onSaveLog, self.server) = (
            script, runner, onQuit, onSaveLog, server
        )
    }

    func start() {
        ServiceThread(name: "ocpp-script") { [self] in run() }.start()
    }

    /// Stops before the next line; a `wait` in progress ends now.
    func stop() {
        condition.withLock {
            cancelled = true
            condition.broadcast()
        }
    }

    private var isCancelled: Bool { condition.withLock { cancelled } }

    private func run() {
        let target = ConsoleTarget(station: runner, server: server, onSaveLog: onSaveLog)
        let executor = CommandLineExecutor(target: target) { [self] milliseconds in
            let deadline = Date().addingTimeInterval(Double(milliseconds) / 1000)
            condition.withLock {
                while !cancelled, condition.wait(until: deadline) {}
            }
        }
        let step = script.run(
            executor, progress: { [runner] line in runner.report(.notice(line)) }, isCancelled: { isCancelled })
        if step == .quit { onQuit() }
    }
}
