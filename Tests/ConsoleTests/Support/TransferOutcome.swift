import ChargePointRuntime
import Dispatch
import Foundation
import Testing

/// What one transfer reported: its progress, and its completion, waited on with a
/// semaphore (never a sleep).
final class TransferOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var progressReports: [TransferProgress] = []  // guarded by lock
    private var results: [TransferResult] = []  // guarded by lock
    private var onMainThread = false  // guarded by lock
    private let completed = DispatchSemaphore(value: 0)
    private let progressed = DispatchSemaphore(value: 0)

    var progress: @Sendable (TransferProgress) -> Void {
        { progress in self.record(self.progressed) { $0.progressReports.append(progress) } }
    }

    var completion: @Sendable (TransferResult) -> Void {
        { result in self.record(self.completed) { $0.results.append(result) } }
    }

    private func record(_ signal: DispatchSemaphore, _ update: (TransferOutcome) -> Void) {
        lock.withLock {
            update(self)
            onMainThread = onMainThread || Thread.isMainThread
        }
        signal.signal()
    }

    /// The result, once it comes (a test fails rather than hangs after `seconds`).
    func result(within seconds: Int = 30, sourceLocation: SourceLocation = #_sourceLocation) -> TransferResult? {
        guard completed.wait(timeout: .now() + .seconds(seconds)) == .success else {
            Issue.record("no completion within \(seconds) s", sourceLocation: sourceLocation)
            return nil
        }
        return lock.withLock { results.first }
    }

    /// The failure reason, once it comes; nil (and an issue) when it succeeded.
    func reason(within seconds: Int = 30, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        switch result(within: seconds, sourceLocation: sourceLocation) {
        case .failed(let reason): return reason
        case .succeeded(let bytes):
            Issue.record("succeeded with \(bytes) bytes", sourceLocation: sourceLocation)
            return nil
        case nil: return nil
        }
    }

    /// Blocks until the first progress report.
    func waitForProgress(within seconds: Int = 30) -> Bool {
        progressed.wait(timeout: .now() + .seconds(seconds)) == .success
    }

    var reports: [TransferProgress] { lock.withLock { progressReports } }
    var completions: Int { lock.withLock { results.count } }
    var reportedOnMainThread: Bool { lock.withLock { onMainThread } }
}
