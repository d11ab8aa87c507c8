import ChargePoint
import Dispatch
import Synchronization

extension X509Toolkit {
    /// `verify`, for a thread that cannot await (the runner's thread, a libwebsockets
    /// callback). It waits for the check on Swift's global executor; never call it from a
    /// task (it would hold one of the executor's few threads while it waits).
    public static func verifyBlocking(
        leafPEM: String, intermediatePEMs: [String], rootPEMs: [String], at time: Timestamp, hostname: String?
    ) -> CertificateProblem? {
        let outcome = Outcome()
        Task {
            outcome.finish(
                await verify(
                    leafPEM: leafPEM, intermediatePEMs: intermediatePEMs, rootPEMs: rootPEMs, at: time,
                    hostname: hostname))
        }
        return outcome.wait()
    }

    /// The verdict handed from the task to the waiting thread.
    private final class Outcome: Sendable {
        private let problem = Mutex<CertificateProblem?>(nil)
        private let done = DispatchSemaphore(value: 0)

        func finish(_ problem: CertificateProblem?) {
            self.problem.withLock { $0 = problem }
            done.signal()
        }

        func wait() -> CertificateProblem? {
            done.wait()
            return problem.withLock { $0 }
        }
    }
}
