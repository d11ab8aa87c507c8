import ChargePoint
import ChargePointRuntime
import Foundation

/// `ocpp-console replay FILE --url URL` (issue 13): plays the station's side of a
/// recorded session (`--trace`, the OCPP trace format 1.0) against a central system —
/// the station's CALLs in order, the central system's CALLs answered as recorded — and
/// reports every answer of the central system that differs from the recording: a
/// regression test for a CSMS in one command. `currentTime` and `transactionId` members
/// are not compared (the clock, and a number the central system hands out anew each run:
/// the replay sends the new one in the transaction's later messages); a CALL whose
/// answer the recording does not hold (the session ended first) is sent, not judged.
struct TraceReplay {
    /// One recorded frame: its trace record as read, and its line in the file.
    struct Record {
        let object: JSONObject
        let line: Int

        private func text(_ key: String) -> String? {
            if case .string(let value)? = object[key] { value } else { nil }
        }

        var fromStation: Bool { text("direction") == "cp-to-csms" }
        var messageType: String { text("messageType") ?? "" }
        var messageId: String { text("messageId") ?? "" }
        var action: String? { text("action") }
        var payload: JSONValue { object["payload"] ?? .object(JSONObject()) }
        var timestamp: Timestamp? { text("timestamp").flatMap(Timestamp.init(rfc3339:)) }
        var error: JSONValue { object["error"] ?? .null }
    }

    let records: [Record]
    let chargePointId: String

    /// The records of a trace file; a line that is not a trace record is an error naming it.
    static func load(_ path: String) throws(CommandLineError) -> TraceReplay {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CommandLineError("cannot read the trace '\(path)'")
        }
        var records: [Record] = []
        var chargePointId = ""
        for (index, line) in text.split(separator: "\n").enumerated() where !line.isEmpty {
            guard case .object(let object)? = try? JSONParser.parse(String(line)),
                case .string? = object["direction"], case .string? = object["messageType"],
                case .string? = object["messageId"], object["payload"] != nil
            else { throw CommandLineError("\(path):\(index + 1): not a record of the OCPP trace format 1.0") }
            if case .string(let station)? = object["chargePointId"] { chargePointId = station }
            records.append(Record(object: object, line: index + 1))
        }
        return TraceReplay(records: records, chargePointId: chargePointId)
    }

    /// The station's CALLs, each with the answer recorded for it.
    var stationCalls: [(call: Record, answer: Record?)] {
        records.filter { $0.fromStation && $0.messageType == "CALL" }.map { call in
            (call, records.first { !$0.fromStation && $0.messageType != "CALL" && $0.messageId == call.messageId })
        }
    }

    /// What the station answered to the central system's CALLs of an action, in order.
    func recordedAnswers(to action: String) -> [Record] {
        records.filter { !$0.fromStation && $0.messageType == "CALL" && $0.action == action }.compactMap { call in
            records.first { $0.fromStation && $0.messageType != "CALL" && $0.messageId == call.messageId }
        }
    }

    /// Why `answer` (a frame the central system sent now) differs from `recorded`; nil
    /// when it does not.
    static func difference(_ answer: Frame, recorded: Record?) -> String? {
        let now: (String, JSONValue)
        switch answer {
        case .callResult(let result): now = ("CALLRESULT", result.payload)
        case .callError(let error): now = ("CALLERROR \(error.code.rawValue)", .object(error.details))
        case .call: return "answered with a CALL"
        }
        guard let recorded else { return nil }
        var then = recorded.messageType
        if case .object(let error) = recorded.error, case .string(let code)? = error["code"] { then += " \(code)" }
        let nowPayload = withoutClock(now.1)
        let thenPayload = withoutClock(recorded.payload)
        guard now.0 != then || nowPayload != thenPayload else { return nil }
        return "answered \(now.0) \(JSONSerializer.serialize(nowPayload)), recorded \(then) "
            + JSONSerializer.serialize(thenPayload)
    }

    private static func withoutClock(_ value: JSONValue) -> JSONValue {
        guard case .object(var object) = value else { return value }
        object["currentTime"] = nil
        object["transactionId"] = nil
        return .object(object)
    }

    /// The transactionId of a StartTransaction's answer, if any.
    static func transactionId(_ payload: JSONValue) -> JSONValue? {
        guard case .object(let object) = payload else { return nil }
        return object["transactionId"]
    }

    /// `payload` with its transactionId replaced as `renumbered` says (recorded → now).
    static func renumbered(_ payload: JSONValue, _ renumbered: [JSONValue: JSONValue]) -> JSONValue {
        guard case .object(var object) = payload, let old = object["transactionId"], let new = renumbered[old] else {
            return payload
        }
        object["transactionId"] = new
        return .object(object)
    }
}
