import ChargePoint
import ChargePointRuntime
import Foundation

/// `ocpp-console replay FILE --url URL` (issue 13): plays the station's side of a
/// recorded session (`--trace`, the OCPP trace format 1.0) against a central system —
/// the station's CALLs in order, the central system's CALLs answered as recorded — and
/// reports every answer of the central system that differs from the recording
/// (`difference`, ReplayComparison.swift), and every CALL of the central system that
/// came unrecorded or never came: a regression test for a CSMS in one command. A CALL
/// whose answer the recording does not hold (the session ended first) is sent, not
/// judged.
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
        let text: String
        switch TextFile.read(path) {
        case .success(let read): text = read
        case .failure(let problem): throw CommandLineError("cannot read the trace '\(path)': it \(problem)")
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
    var stationCalls: [(call: Record, answer: Record?)] { calls(fromStation: true) }

    /// The central system's CALLs, each with the station's answer recorded for it.
    var centralSystemCalls: [(call: Record, answer: Record?)] { calls(fromStation: false) }

    private func calls(fromStation: Bool) -> [(call: Record, answer: Record?)] {
        records.filter { $0.fromStation == fromStation && $0.messageType == "CALL" }.map { call in
            let answer = records.first {
                $0.fromStation != fromStation && $0.messageType != "CALL" && $0.messageId == call.messageId
            }
            return (call, answer)
        }
    }
}
