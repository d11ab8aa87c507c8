import ChargePoint

/// `Q`, for an acceptance tester: the station's stop button on every connector with a
/// session (reason Local), then quit once each StopTransaction is answered, or is in
/// the durable queue while the link is down (the next start sends it).
public struct StopAndQuit: Sendable, Equatable {
    public var since: Timestamp
    public var connectors: [Int]

    /// How long the sessions may take to stop before `Q` gives up (and says so).
    static let stopLimit: Int64 = 10_000
    /// How long an online station may take to have its StopTransactions answered; after
    /// that the screen quits anyway (they are queued durably).
    static let answerLimit: Int64 = 15_000
}

extension ScreenController {
    mutating func stopAllAndQuit(_ snapshot: StationSnapshot, at time: Timestamp) -> [ScreenEffect] {
        let running = snapshot.connectors.filter { $0.session != nil }.map(\.id)
        guard !running.isEmpty else {
            say(.notice, "no session to stop: quitting", at: time)
            return [.quit]
        }
        stoppingToQuit = StopAndQuit(since: time, connectors: running)
        // In a kiosk the stops wait for `y`: said when they go (`restartStopAndQuit`).
        if !info.kiosk { sayStopping(running, at: time) }
        return running.map { .submit(.stop(connector: $0)) }
    }

    private mutating func sayStopping(_ running: [Int], at time: Timestamp) {
        let list = running.map(String.init).joined(separator: ", ")
        say(
            .notice,
            "stopping \(running.count == 1 ? "the session" : "\(running.count) sessions") (connector \(list), "
                + "reason Local); quitting once the central system has the StopTransaction", at: time)
    }

    /// A kiosk's `Q` not confirmed: no session was touched, nothing waits to quit.
    public mutating func cancelStopAndQuit() { stoppingToQuit = nil }

    /// A kiosk's `Q` confirmed at `time`: the sessions' time to stop counts from now, and
    /// the stops are said.
    public mutating func restartStopAndQuit(at time: Timestamp) {
        guard let stopping = stoppingToQuit, stopping.since != time else { return }
        stoppingToQuit?.since = time
        sayStopping(stopping.connectors, at: time)
    }

    /// After `Q`, with the station as it is now: `.quit` once every session has stopped
    /// and its StopTransaction is answered or queued durably; nothing otherwise. Call
    /// it on every turn of the loop (it does nothing unless `Q` was pressed).
    public mutating func checkStopAndQuit(_ snapshot: StationSnapshot, at time: Timestamp) -> [ScreenEffect] {
        guard let stopping = stoppingToQuit else { return [] }
        let waited = stopping.since.milliseconds(until: time)
        let running = snapshot.connectors.filter { $0.session != nil }.map(\.id)
        if !running.isEmpty {
            guard waited >= StopAndQuit.stopLimit else { return [] }
            stoppingToQuit = nil
            let list = running.map(String.init).joined(separator: ", ")
            say(.error, "the session on connector \(list) did not stop: not quitting (q quits anyway)", at: time)
            return []
        }
        let queued = snapshot.queuedTransactionMessages
        let outcome: String
        if queued == 0 {
            outcome = "StopTransaction answered"
        } else if snapshot.connection != .connected || snapshot.heldOffline {
            outcome = "offline: \(queued) transaction message\(queued == 1 ? "" : "s") queued, sent at the next start"
        } else if waited >= StopAndQuit.answerLimit {
            outcome = "no answer yet: \(queued) transaction message\(queued == 1 ? "" : "s") queued for the next start"
        } else {
            return []
        }
        stoppingToQuit = nil
        say(.notice, "sessions stopped, \(outcome): quitting", at: time)
        return [.quit]
    }
}
