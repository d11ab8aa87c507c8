import ChargePoint
import ChargePointRuntime
import DemoCentralSystem
import Foundation

/// `--headless` (DESIGN.md "Headless events"): operator commands from the `--script`
/// file, then from standard input, one per line, strictly in order; events as JSON Lines
/// on standard output. The end of standard input is `quit`.
struct HeadlessSession {
    let runner: StationRunner
    let script: CommandScript?
    /// The results of the run (a signal's exit status reads it too).
    var ledger = ResultLedger()
    /// `--strict`: the first failed command ends the run (exit status 3, or 4 for a
    /// `wait online` that timed out).
    var strict = false
    /// `--stop-on-quit`: `quit` and the end of input stop the running transactions first.
    var stopOnQuit = false
    /// `--demo`: the embedded central system that `csms …` lines drive.
    var server: DemoServer?

    /// Runs until `quit`, the end of input or (`--strict`) a failed command; the exit
    /// status: 0, or 3 when a command failed (README "Exit status").
    func run() -> Int32 {
        var executor = CommandLineExecutor(
            target: ConsoleTarget(station: runner, server: server), strict: strict, ledger: ledger)
        executor.stopOnQuit = stopOnQuit
        var step = script?.run(executor) ?? .next
        var number = 0
        while step == .next, let line = readLine(strippingNewline: true) {
            number += 1
            step = executor.perform(line, at: CommandLineExecutor.Place(source: "stdin", number: number))
        }
        if step == .next, stopOnQuit { executor.stopEveryTransaction() }  // the end of input
        runner.shutdown()
        if case .failed(let status) = step { return status }
        return executor.exitStatus
    }
}
