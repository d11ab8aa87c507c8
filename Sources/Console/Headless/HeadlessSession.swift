import ChargePoint
import ChargePointRuntime
import Foundation

/// `--headless` (DESIGN.md "Headless events"): operator commands from the `--script`
/// file, then from standard input, one per line, strictly in order; events as JSON Lines
/// on standard output. The end of standard input is `quit`.
struct HeadlessSession {
    let runner: StationRunner
    let script: CommandScript?

    /// Runs until `quit` or the end of input; the exit status.
    func run() -> Int32 {
        let executor = CommandLineExecutor(target: runner)
        if script?.run(executor) != false {
            while let line = readLine(strippingNewline: true) {
                if !executor.perform(line) { break }
            }
        }
        runner.shutdown()
        return 0
    }
}
