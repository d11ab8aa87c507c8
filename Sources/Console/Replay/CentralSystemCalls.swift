import ChargePoint

/// The central system's CALLs during a replay, against those the recording holds: each
/// one that comes is answered as the station answered it then (the same CALLRESULT, or
/// the same CALLERROR with its code, description and details); one the recording does
/// not hold is refused (NotImplemented) and is a difference, as is a recorded one that
/// never comes (`missing`, once the replay stopped waiting).
struct CentralSystemCalls {
    /// The recorded CALLs not come yet, in the recording's order.
    private(set) var missing: [(call: TraceReplay.Record, answer: TraceReplay.Record?)]

    init(_ replay: TraceReplay) {
        missing = replay.centralSystemCalls
    }

    /// What to do with a CALL the central system sent now: the reply (nil when the
    /// recording holds no answer to it: none is sent, as then), and the difference it is.
    mutating func answer(_ call: Frame.Call) -> (reply: Frame?, difference: String?) {
        guard let index = missing.firstIndex(where: { $0.call.action == call.action }) else {
            let refusal = Frame.CallError(
                messageId: call.messageId, code: .notImplemented, description: "not in the recording")
            return (
                .callError(refusal),
                "the central system sent \(call.action) \(JSONSerializer.serialize(call.payload)), "
                    + "which the recording does not hold"
            )
        }
        guard let recorded = missing.remove(at: index).answer else { return (nil, nil) }
        if recorded.messageType == "CALLERROR" {
            return (.callError(Self.error(recorded.error, messageId: call.messageId)), nil)
        }
        return (.callResult(Frame.CallResult(messageId: call.messageId, payload: recorded.payload)), nil)
    }

    /// The recorded CALLERROR, to send again under `messageId`.
    private static func error(_ recorded: JSONValue, messageId: String) -> Frame.CallError {
        guard case .object(let error) = recorded else {
            return Frame.CallError(messageId: messageId, code: .genericError, description: "")
        }
        let code: RPCErrorCode =
            if case .string(let code)? = error["code"] { RPCErrorCode(rawValue: code) } else { .genericError }
        let description = if case .string(let text)? = error["description"] { text } else { "" }
        let details = if case .object(let details)? = error["details"] { details } else { JSONObject() }
        return Frame.CallError(messageId: messageId, code: code, description: description, details: details)
    }

    /// What each recorded CALL that never came is, for the report.
    var missingReport: [String] {
        missing.map { recorded in
            "line \(recorded.call.line): \(recorded.call.action ?? "?") \(recorded.call.messageId): "
                + "the central system's CALL never came"
        }
    }
}
