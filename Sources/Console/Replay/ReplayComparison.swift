import ChargePoint

/// How `replay` compares an answer of the central system with the recorded one (README
/// "Replaying a recorded session"): the message type, the error code, and the payload,
/// except for what differs from run to run by design —
/// - every value that is an RFC 3339 date-time, at any depth (`currentTime`,
///   `idTagInfo.expiryDate`, a schedule's `startSchedule`…): only that it still is one;
/// - every `transactionId`, at any depth: the central system hands out a new one each
///   run, which the replay sends on in the transaction's later messages (`renumbered`).
extension TraceReplay {
    /// Why `answer` (a frame the central system sent now) differs from `recorded`; nil
    /// when it does not, or when nothing was recorded (sent, not judged).
    static func difference(_ answer: Frame, recorded: Record?) -> String? {
        let now: (type: String, payload: JSONValue)
        switch answer {
        case .callResult(let result): now = ("CALLRESULT", result.payload)
        case .callError(let error): now = ("CALLERROR \(error.code.rawValue)", .object(error.details))
        case .call: return "answered with a CALL"
        }
        guard let recorded else { return nil }
        var then = recorded.messageType
        if case .object(let error) = recorded.error, case .string(let code)? = error["code"] { then += " \(code)" }
        guard now.type != then || comparable(now.payload) != comparable(recorded.payload) else { return nil }
        return "answered \(now.type) \(JSONSerializer.serialize(now.payload)), recorded \(then) "
            + JSONSerializer.serialize(recorded.payload)
    }

    /// What a comparison sees of `value`: date-times as one mark, no `transactionId`.
    static func comparable(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text) where Timestamp(rfc3339: text) != nil: .string(dateTimeMark)
        case .array(let items): .array(items.map(comparable))
        case .object(let object):
            .object(
                JSONObject(
                    object.filter { $0.key != "transactionId" }.map {
                        JSONObject.Member(key: $0.key, value: comparable($0.value))
                    }))
        default: value
        }
    }

    /// Stands for any date-time: no JSON text of a frame holds a NUL.
    private static let dateTimeMark = "\u{0}date-time"

    /// The transactionId of a StartTransaction's answer, if any.
    static func transactionId(_ payload: JSONValue) -> JSONValue? {
        guard case .object(let object) = payload else { return nil }
        return object["transactionId"]
    }

    /// `payload` with every transactionId, at any depth, replaced as `renumbered` says
    /// (recorded → now).
    static func renumbered(_ payload: JSONValue, _ renumbered: [JSONValue: JSONValue]) -> JSONValue {
        switch payload {
        case .array(let items): .array(items.map { Self.renumbered($0, renumbered) })
        case .object(let object):
            .object(
                JSONObject(
                    object.map { member in
                        if member.key == "transactionId", let new = renumbered[member.value] {
                            JSONObject.Member(key: member.key, value: new)
                        } else {
                            JSONObject.Member(key: member.key, value: Self.renumbered(member.value, renumbered))
                        }
                    }))
        default: payload
        }
    }
}
