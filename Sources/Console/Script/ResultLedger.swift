import ChargePoint
import Foundation

/// The `result` of every command line of a run, as they come (issue 13): how many
/// failed, whether a `wait online` timed out, and a way to wait for the ones still out —
/// `--strict` waits for each before reading the next line. Any thread.
final class ResultLedger: @unchecked Sendable {
    private let condition = NSCondition()
    private var outstanding = 0  // guarded by condition
    private var failed = 0  // guarded by condition
    private var timedOut = 0  // guarded by condition

    /// A command was handed over; its result will come.
    func expect() { condition.withLock { outstanding += 1 } }

    /// A result came. `onlineTimeout`: a `wait online` that ran out of time.
    func record(_ result: CommandResult, onlineTimeout: Bool = false) {
        condition.withLock {
            outstanding = max(0, outstanding - 1)
            if !result.ok { failed += 1 }
            if onlineTimeout { timedOut += 1 }
            condition.broadcast()
        }
    }

    /// Blocks until every expected result came.
    func waitForAll() {
        condition.withLock {
            while outstanding > 0 { condition.wait() }
        }
    }

    var failures: Int { condition.withLock { failed } }
    var onlineTimeouts: Int { condition.withLock { timedOut } }
}
