import ChargePoint

/// How one CALL of the demo central system ended, for the operator who asked for it
/// (issue 14: `csms …`): the station's answer, or why there was none. The headless
/// `result` event carries `payload` as its `data` and `error` as its error; the screen
/// shows `summary` on the feedback line.
public enum CentralSystemAnswer: Sendable, Equatable {
    /// The station's CALLRESULT, valid against the action's response schema.
    case result(Action, JSONValue)
    /// The station's CALLERROR (OCPP-J 1.6 §4.2.3).
    case callError(Action, code: RPCErrorCode, description: String)
    /// A CALLRESULT that breaks the action's response schema (issue 14 §4: the demo
    /// checks what the station sends as a real central system would).
    case invalid(Action, JSONValue, violation: String)
    /// No answer: the message timeout passed, or the station went away first.
    case noAnswer(Action, why: String)
    /// Nothing was sent: why (a payload that breaks its schema, no such transaction, no
    /// station connected).
    case notSent(String)
    /// How the CALL to `station` ended: which station answered, when several joined the
    /// demo (issue 14). `payload` and `error` are the answer's, the words name it.
    indirect case from(station: String, CentralSystemAnswer)

    /// The answer's payload (`data` of the `result` event): a CALLRESULT's, valid or not.
    public var payload: JSONValue? {
        switch self {
        case .result(_, let payload), .invalid(_, let payload, _): payload
        case .callError, .noAnswer, .notSent: nil
        case .from(_, let answer): answer.payload
        }
    }

    /// Why the command failed; nil when the station answered with a valid CALLRESULT
    /// (whatever its status says: a Rejected is an answer).
    public var error: String? {
        switch self {
        case .result: nil
        case .callError(let action, let code, let description):
            "\(action.rawValue) answered CALLERROR \(code.rawValue)" + (description.isEmpty ? "" : ": \(description)")
        case .invalid(let action, _, let violation): "\(action.rawValue) answer breaks its schema: \(violation)"
        case .noAnswer(let action, let why): "\(action.rawValue): \(why)"
        case .notSent(let why): why
        case .from(let station, let answer): answer.error.map { "\(station): \($0)" }
        }
    }

    /// One line for the feedback line: `Reset answered {"status":"Accepted"}`, or with the
    /// station named `CP-2 answered Reset {"status":"Accepted"}`; or the error.
    public var summary: String {
        switch self {
        case .result(let action, let payload):
            "\(action.rawValue) answered \(JSONSerializer.serialize(payload))"
        case .from(let station, .result(let action, let payload)):
            "\(station) answered \(action.rawValue) \(JSONSerializer.serialize(payload))"
        default:
            error ?? ""
        }
    }
}
