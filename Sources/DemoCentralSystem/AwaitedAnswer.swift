import ChargePoint
import Foundation

extension DemoServer {
    /// `send`, waiting until the station answered (or the CALL ended otherwise): what a
    /// script line of `csms …` does, so that the next line runs after the answer. Never
    /// on the server thread.
    public func answer(to command: CentralSystemCommand, station: String? = nil) -> CentralSystemAnswer {
        let awaited = AwaitedAnswer()
        send(command, station: station) { awaited.arrived($0) }
        // The server ends every CALL within the answer timeout; past it (the server
        // stopped), the line must still end.
        return awaited.wait(milliseconds: DemoCentralSystem.answerTimeout + 5_000)
            ?? .notSent("the demo central system has stopped")
    }
}

/// One answer handed from the server thread to a waiting one.
private final class AwaitedAnswer: @unchecked Sendable {
    private let condition = NSCondition()
    private var answer: CentralSystemAnswer?  // guarded by condition

    func arrived(_ answer: CentralSystemAnswer) {
        condition.withLock {
            self.answer = answer
            condition.signal()
        }
    }

    func wait(milliseconds: Int64) -> CentralSystemAnswer? {
        let deadline = Date().addingTimeInterval(Double(milliseconds) / 1000)
        return condition.withLock {
            while answer == nil, condition.wait(until: deadline) {}
            return answer
        }
    }
}
