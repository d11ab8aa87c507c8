import ArgumentParser
import ChargePoint
import ChargePointRuntime
import Foundation

/// `ocpp-console replay FILE --url URL [--id ID] [--password P] [--timeout S]
/// [--timing compressed|original]`: runs a `TraceReplay` over a WebSocket of its own and
/// prints one line per difference, then a summary. Compressed timing sends each CALL once
/// the one before is answered; original timing also keeps the recorded gaps between them.
/// Exit status: 0 when the central system answered as recorded, 5 when it did not, 2 on
/// bad arguments, 1 when it cannot connect.
struct ReplayOptions: ParsableArguments {
    enum Timing: String, ExpressibleByArgument, CaseIterable { case compressed, original }

    @Argument(help: ArgumentHelp("A --trace recording (OCPP trace format 1.0).", valueName: "FILE"))
    var path: String

    @Option(help: "The central system's endpoint, ws:// or wss://.")
    var url: String

    @Option(help: "The charge point identity (default: the trace's chargePointId).")
    var id: String?

    @Option(help: "HTTP Basic auth password.")
    var password: String?

    @Option(help: ArgumentHelp("How long an answer may take.", valueName: "SECONDS"))
    var timeout: Double = 10

    @Option(help: "compressed: each CALL once the one before is answered; original: the recorded gaps too.")
    var timing: Timing = .compressed

    mutating func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
    }
}

enum ReplayCommand {
    static func run(_ arguments: [String]) -> Int32 {
        let options: ReplayOptions
        do {
            options = try ReplayOptions.parse(arguments)
        } catch {
            if ReplayOptions.exitCode(for: error) == .success {
                print(ReplayOptions.fullMessage(for: error))
                return 0
            }
            return refuse(ReplayOptions.message(for: error))
        }
        // libwebsockets' notices go to swift-log: nowhere, so only the report is printed.
        _ = try? EventLog.bootstrap(path: nil)
        let (path, url, id, password) = (options.path, options.url, options.id, options.password)
        let (timeout, original) = (options.timeout, options.timing == .original)
        let replay: TraceReplay
        let endpoint: Endpoint
        do {
            replay = try TraceReplay.load(path)
            guard !replay.stationCalls.isEmpty else { return refuse("\(path) holds no CALL of the station to replay") }
            endpoint = try Endpoint(url: url, stationId: id ?? replay.chargePointId)
        } catch {
            return refuse("\(error)")
        }
        let link = ReplayLink()
        let client = WebSocketClient { event in link.receive(event) }
        do {
            try client.start()
        } catch {
            return refuse("\(error)", status: 1)
        }
        defer { client.stop() }
        client.connect(
            LinkSettings(endpoint: endpoint, stationId: id ?? replay.chargePointId, password: password))
        guard link.waitConnected(seconds: timeout) else {
            StandardError.write("ocpp-console replay: cannot connect to \(endpoint): \(link.lastReason)")
            return 1
        }
        var differences = 0
        var answersTo: [String: [TraceReplay.Record]] = [:]
        let calls = replay.stationCalls
        var previous: Timestamp?
        // The central system's transaction ids now, for the recorded ones.
        var transactionIds: [JSONValue: JSONValue] = [:]
        for (call, recorded) in calls {
            if original, let previous, let time = call.timestamp {
                // The recorded gap since the station's CALL before this one.
                Thread.sleep(forTimeInterval: Double(max(0, previous.milliseconds(until: time))) / 1000)
            }
            previous = call.timestamp
            // A message id of its own (OCPP-J §4.1.4), and the transaction's id as the central
            // system gave it this time.
            let messageId = UUID().uuidString.lowercased()
            let payload = TraceReplay.renumbered(call.payload, transactionIds)
            client.send(Frame.call(Frame.Call(messageId: messageId, action: call.action ?? "", payload: payload)).text)
            let answer = link.waitAnswer(to: messageId, seconds: timeout) { incoming in
                // The central system's own CALLs meanwhile: answered as recorded.
                let action = incoming.action
                var queue = answersTo[action] ?? replay.recordedAnswers(to: action)
                let reply: Frame
                if queue.isEmpty {
                    reply = .callError(
                        Frame.CallError(
                            messageId: incoming.messageId, code: .notImplemented,
                            description: "not in the recording", details: JSONObject()))
                } else {
                    let recorded = queue.removeFirst()
                    reply =
                        recorded.messageType == "CALLRESULT"
                        ? .callResult(Frame.CallResult(messageId: incoming.messageId, payload: recorded.payload))
                        : .callError(
                            Frame.CallError(
                                messageId: incoming.messageId, code: .genericError, description: "as recorded",
                                details: JSONObject()))
                }
                answersTo[action] = queue
                client.send(reply.text)
            }
            let name = call.action ?? "?"
            guard let answer else {
                print("line \(call.line): \(name) \(call.messageId): no answer within \(Int(timeout)) s")
                differences += 1
                continue
            }
            if case .callResult(let result) = answer, let recorded, let new = TraceReplay.transactionId(result.payload),
                let old = TraceReplay.transactionId(recorded.payload)
            {
                transactionIds[old] = new
            }
            if let difference = TraceReplay.difference(answer, recorded: recorded) {
                print("line \(call.line): \(name) \(call.messageId): \(difference)")
                differences += 1
            }
        }
        print("replayed \(calls.count) CALLs of \(path): \(differences == 0 ? "no difference" : "\(differences) differ")")
        return differences == 0 ? 0 : 5
    }

    private static func refuse(_ line: String, status: Int32 = 2) -> Int32 {
        StandardError.write("ocpp-console replay: \(line)")
        return status
    }
}

/// The replay's side of the link: what arrived, for the replay's thread to wait on.
final class ReplayLink: @unchecked Sendable {
    private let condition = NSCondition()
    private var connected = false
    private var frames: [Frame] = []
    private(set) var lastReason = "no answer"

    func receive(_ event: LinkEvent) {
        condition.withLock {
            switch event {
            case .connected: connected = true
            case .disconnected(let reason, _):
                connected = false
                lastReason = reason
            case .received(let text):
                if case .success(let frame) = Frame.parse(text) { frames.append(frame) }
            }
            condition.broadcast()
        }
    }

    func waitConnected(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        return condition.withLock {
            while !connected { if !condition.wait(until: deadline) { return false } }
            return true
        }
    }

    /// The answer to `messageId`, handing the central system's CALLs that come first to
    /// `onCall`; nil after `seconds`.
    func waitAnswer(to messageId: String, seconds: Double, onCall: (Frame.Call) -> Void) -> Frame? {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            var next: Frame?
            condition.withLock {
                while frames.isEmpty { if !condition.wait(until: deadline) { return } }
                next = frames.removeFirst()
            }
            guard let frame = next else { return nil }
            switch frame {
            case .call(let call): onCall(call)
            default: if frame.messageId == messageId { return frame }
            }
        }
    }
}
