import ChargePoint
import ChargePointRuntime
import Testing

/// The harness's side of the link: a `TestCentralSystem` answering at once, the
/// network's availability, and what crossed the link. What the link reports back
/// (answers, up, down) waits in `inbox` for the harness to feed to the driver. Every
/// frame the station emits is validated against the official OCPP 1.6 schemas.
struct HarnessLink: LinkTransport {
    enum State { case down, up }

    var csms = TestCentralSystem()
    var state = State.down
    var networkAvailable = true
    var inbox: [StationInput] = []
    /// Every frame the station sent, in order, and every link request.
    private(set) var sent: [String] = []
    private(set) var requests: [LinkRequest] = []
    /// The plan of each connection asked for (`LinkPlan`), in order.
    private(set) var plans: [LinkPlan] = []
    /// The time the central system answers at.
    var now = StationHarness.start
    /// The central system's own CALLs, by message id, to validate the answers.
    private var csmsCalls: [String: Action] = [:]
    private var nextCsmsId = 1

    mutating func forgetSent() { sent.removeAll() }

    /// A message id for a CALL of the central system, remembered for validation.
    mutating func nextCsmsCallId(_ action: Action) -> String {
        let id = "cs-\(nextCsmsId)"
        nextCsmsId += 1
        csmsCalls[id] = action
        return id
    }

    mutating func send(_ frame: String) {
        sent.append(frame)
        validate(frame)
        if state == .up, case .success(.call(let call)) = Frame.parse(frame), let answer = csms.handle(call, at: now) {
            inbox.append(.received(answer.text))
        }
    }

    /// Refuses a connection made as a plan says, as a central system would (a TLS
    /// failure for a wss:// plan, say); nil accepts it.
    var refusal: (@Sendable (LinkPlan) -> LinkFailure?)?

    mutating func connect(_ plan: LinkPlan) {
        requests.append(.connect)
        plans.append(plan)
        if let failure = refusal?(plan) {
            inbox.append(.linkDown(reason: "test: refused (\(failure))", failure: failure))
        } else if networkAvailable {
            state = .up
            inbox.append(.linkUp())
        } else {
            inbox.append(.linkDown(reason: "test: network unreachable"))
        }
    }

    mutating func disconnect(reason: String) {
        requests.append(.disconnect(reason: reason))
        if state == .up {
            state = .down
            inbox.append(.linkDown(reason: reason))
        }
    }

    /// A power cut: the connection is simply gone (the restarted station starts down).
    mutating func abort() -> Bool {
        state = .down
        return false
    }

    // MARK: Schema validation of everything the station emits

    private func validate(_ text: String) {
        switch Frame.parse(text) {
        case .success(.call(let call)):
            guard let action = Action(rawValue: call.action) else {
                Issue.record("the station sent an unknown action: \(text)")
                return
            }
            check(call.payload, schema: { try OfficialSchemas.request(action) }, text)
        case .success(.callResult(let result)):
            guard let action = csmsCalls[result.messageId] else { return }
            check(result.payload, schema: { try OfficialSchemas.response(action) }, text)
        case .success(.callError(let error)):
            #expect(error.code.isDefined, "undefined error code in \(text)")
        case .failure:
            Issue.record("the station sent something that is not a frame: \(text)")
        }
    }

    private func check(_ payload: JSONValue, schema: () throws -> JSONValue, _ text: String) {
        do {
            let violations = SchemaValidator.validate(payload, against: try schema())
            #expect(violations.isEmpty, "\(text) violates the official schema: \(violations)")
        } catch {
            Issue.record("\(error)")
        }
    }
}

/// The harness's store: the durable state in memory, every change applied in order,
/// and optionally the same changes in a real SQLite store (a power cut then restarts
/// from that one).
final class MemoryStore: StationStore, @unchecked Sendable {
    private(set) var state: DurableState
    var sqlite: SQLiteStore?

    init(_ state: DurableState) { self.state = state }

    func load() throws -> DurableState {
        try sqlite?.load() ?? state
    }

    func apply(_ changes: [StoreChange]) throws {
        for change in changes { state.apply(change) }
        do { try sqlite?.apply(changes) } catch { Issue.record("SQLite: \(error)") }
    }
}
