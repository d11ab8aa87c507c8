/// Probing the central system by hand or script (issue 13): a message now, as the
/// station would send it — `heartbeat`, `boot`, `status-notify <c>`, `meter <c>` go the
/// way a TriggerMessage sends them — or any CALL the station may send (`send`), its
/// payload checked against the message's schema (the engine's decoder, which enforces
/// the official JSON schemas' types, bounds and enumerations) before it leaves.
public enum Probe: Sendable, Equatable {
    case heartbeat
    case boot
    case statusNotification(connector: Int)
    case meterValues(connector: Int)
    /// `action` as the specification spells it (any case); `payload` a JSON object.
    case send(action: String, payload: String)
}

extension StationCore {
    mutating func send(_ probe: Probe) {
        guard link.isOpen else {
            reportError("the station is not connected: nothing can be sent")
            return
        }
        switch probe {
        case .heartbeat:
            enqueueCall(HeartbeatRequest(), purpose: .heartbeat, allowedWhilePending: true)
        case .boot:
            sendBootNotification()
        case .statusNotification(let id):
            guard id == 0 || index(of: id) != nil else {
                reportError("connector \(id) does not exist")
                return
            }
            triggerStatusNotification(id)
        case .meterValues(let id):
            guard index(of: id) != nil else {
                reportError("connector \(id) does not exist")
                return
            }
            sendTriggeredMeterValues(connector: id)
        case .send(let name, let text):
            sendOperatorCall(name, text)
            return
        }
        notice("\(probe.action?.rawValue ?? "") sent")
    }

    /// `send <Action> <json>`: a CALL the station may send, refused with the reason when
    /// the action is not one or the payload breaks its schema — then nothing leaves.
    private mutating func sendOperatorCall(_ name: String, _ text: String) {
        guard let action = Action(caseInsensitive: name) else {
            reportError("send: \(name) is no OCPP 1.6 action")
            return
        }
        guard action.initiator != .centralSystem else {
            reportError("send: \(action.rawValue) is sent by the central system, not the station")
            return
        }
        let payload: JSONValue
        do {
            payload = try JSONParser.parse(text)
            try Self.validate(action.requestType, payload)
        } catch {
            reportError("send: \(action.rawValue) not sent: \(error)")
            return
        }
        outbox.enqueue(
            Outbox.Call(
                action: action, payload: JSONSerializer.serialize(payload), purpose: .operatorCall,
                allowedWhilePending: true))
        notice("\(action.rawValue) sent")
    }

    private static func validate<R: OCPPRequest>(_ type: R.Type, _ payload: JSONValue) throws {
        _ = try PayloadDecoder.decode(type, from: payload)
    }

    /// The answer to the operator's `send` or `datatransfer`, for them to read (a
    /// CALLERROR and a timeout are reported by `complete` already).
    mutating func operatorCallAnswered(_ action: Action, _ outcome: CallOutcome) {
        switch outcome {
        case .result(let payload):
            emit(.callAnswered(action: action, payload: payload))
        case .linkLost:
            reportError("\(action.rawValue): the link went down before the answer")
        case .error, .timeout:
            break
        }
    }

    /// The operator's calls (`send`, `datatransfer`) not answered yet: waiting to leave
    /// or in flight. A script line's `result` waits for its answer (`StationRunner`).
    public var operatorCallsOutstanding: Int {
        outbox.waiting.count { $0.purpose.isOperators } + (outbox.inFlight?.call.purpose.isOperators == true ? 1 : 0)
    }
}

extension Probe {
    /// The action it sends; for `send`, the one it names, if it names one.
    var action: Action? {
        switch self {
        case .heartbeat: .heartbeat
        case .boot: .bootNotification
        case .statusNotification: .statusNotification
        case .meterValues: .meterValues
        case .send(let name, _): Action(caseInsensitive: name)
        }
    }
}

extension Action {
    /// The action `name` spells in any case ("datatransfer" is DataTransfer).
    public init?(caseInsensitive name: String) {
        guard let action = Self.allCases.first(where: { CaseInsensitive.equal($0.rawValue, name) }) else { return nil }
        self = action
    }
}
