import ChargePoint
import ChargePointRuntime
import Foundation

/// One replay over a connected link (`ocpp-console replay`, issue 13): the station's
/// CALLs of the recording in order, each once the one before is answered (and with
/// original timing, once the recorded gap since it passed); the central system's CALLs
/// answered as recorded whenever they come, while an answer or a gap is awaited and,
/// after the last CALL, until every recorded one came or `timeout` passed without one.
/// Each difference is printed as it is found.
final class ReplaySession {
    /// The link closed before the replay ended: why, and how far the replay got.
    struct LinkClosed: Error {
        let reason: String
        let sent: Int
    }

    private let replay: TraceReplay
    private let client: WebSocketClient
    private let link: ReplayLink
    private let timeout: Double
    private let original: Bool
    private var centralSystem: CentralSystemCalls
    /// The central system's transaction ids now, for the recorded ones.
    private var transactionIds: [JSONValue: JSONValue] = [:]
    private(set) var differences = 0
    private var sent = 0

    init(replay: TraceReplay, client: WebSocketClient, link: ReplayLink, timeout: Double, original: Bool) {
        self.replay = replay
        self.client = client
        self.link = link
        self.timeout = timeout
        self.original = original
        centralSystem = CentralSystemCalls(replay)
    }

    func run() throws(LinkClosed) {
        var previous: (recorded: Timestamp, sent: Date)?
        for (call, recorded) in replay.stationCalls {
            if original, let previous, let time = call.timestamp {
                // The recorded gap since the station's CALL before this one.
                let gap = Double(max(0, previous.recorded.milliseconds(until: time))) / 1000
                try serveCentralSystem(until: previous.sent.addingTimeInterval(gap))
            }
            if let time = call.timestamp { previous = (time, Date()) }
            try send(call, recorded: recorded)
        }
        try awaitRecordedCentralSystemCalls()
    }

    /// Sends one recorded CALL and judges its answer.
    private func send(_ call: TraceReplay.Record, recorded: TraceReplay.Record?) throws(LinkClosed) {
        // A message id of its own (OCPP-J §4.1.4), and the transaction's id as the central
        // system gave it this time.
        let messageId = UUID().uuidString.lowercased()
        let payload = TraceReplay.renumbered(call.payload, transactionIds)
        client.send(Frame.call(Frame.Call(messageId: messageId, action: call.action ?? "", payload: payload)).text)
        sent += 1
        let name = "line \(call.line): \(call.action ?? "?") \(call.messageId)"
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            switch link.next(until: deadline) {
            case .frame(.call(let incoming)):
                answer(incoming)
            case .frame(let answer) where answer.messageId == messageId:
                if case .callResult(let result) = answer, let recorded,
                    let new = TraceReplay.transactionId(result.payload),
                    let old = TraceReplay.transactionId(recorded.payload)
                {
                    transactionIds[old] = new
                }
                if let difference = TraceReplay.difference(answer, recorded: recorded) {
                    report("\(name): \(difference)")
                }
                return
            case .frame:
                continue  // an answer to nothing this replay sent
            case .timedOut:
                report("\(name): no answer within \(Self.seconds(timeout))")
                return
            case .closed(let reason):
                throw LinkClosed(reason: reason, sent: sent)
            }
        }
    }

    /// Answers the central system's CALLs until `deadline`.
    private func serveCentralSystem(until deadline: Date) throws(LinkClosed) {
        while true {
            switch link.next(until: deadline) {
            case .frame(.call(let incoming)): answer(incoming)
            case .frame: continue
            case .timedOut: return
            case .closed(let reason): throw LinkClosed(reason: reason, sent: sent)
            }
        }
    }

    /// After the last CALL: the recorded CALLs of the central system still to come, each
    /// given `timeout`; those that never came are differences.
    private func awaitRecordedCentralSystemCalls() throws(LinkClosed) {
        var deadline = Date().addingTimeInterval(timeout)
        waiting: while !centralSystem.missing.isEmpty {
            switch link.next(until: deadline) {
            case .frame(.call(let incoming)):
                answer(incoming)
                deadline = Date().addingTimeInterval(timeout)
            case .frame: continue
            case .timedOut: break waiting
            case .closed(let reason): throw LinkClosed(reason: reason, sent: sent)
            }
        }
        for line in centralSystem.missingReport { report("\(line) (waited \(Self.seconds(timeout)))") }
    }

    private func answer(_ call: Frame.Call) {
        let (reply, difference) = centralSystem.answer(call)
        if let reply { client.send(reply.text) }
        if let difference { report(difference) }
    }

    private func report(_ line: String) {
        print(line)
        differences += 1
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
