import ChargePoint
import ChargePointRuntime
import Foundation

/// The replay's side of the link: what arrived, for the replay's thread to wait on.
final class ReplayLink: @unchecked Sendable {
    /// What waiting for the next frame gives.
    enum Arrival {
        case frame(Frame)
        case timedOut
        /// The link closed (the central system hung up, or the network went): why.
        case closed(String)
    }

    private let condition = NSCondition()
    private var connected = false
    private var closedReason: String?
    private var frames: [Frame] = []

    func receive(_ event: LinkEvent) {
        condition.withLock {
            switch event {
            case .connected: connected = true
            case .disconnected(let reason, _):
                // Before the connection, the attempt failed; after, the replay ends.
                closedReason = reason
                connected = false
            case .received(let text):
                if case .success(let frame) = Frame.parse(text) { frames.append(frame) }
            case .waiting, .opening:
                break  // a hub of its own opens at once
            }
            condition.broadcast()
        }
    }

    /// nil once connected; else why not (the attempt failed, or `seconds` passed).
    func waitConnected(seconds: Double) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        return condition.withLock {
            while !connected {
                if let closedReason { return closedReason }
                if !condition.wait(until: deadline) { return "no connection within \(Int(seconds)) s" }
            }
            return nil
        }
    }

    /// The next frame, in order; the frames that came before the link closed come first.
    func next(until deadline: Date) -> Arrival {
        condition.withLock {
            while frames.isEmpty {
                if let closedReason { return .closed(closedReason) }
                if !condition.wait(until: deadline) { return .timedOut }
            }
            return .frame(frames.removeFirst())
        }
    }
}
