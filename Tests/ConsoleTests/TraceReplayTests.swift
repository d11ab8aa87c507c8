import ChargePoint
import Foundation
import Testing

@testable import Console

/// `ocpp-console replay` (issue 13): a trace read back, and an answer compared with the
/// recorded one — the clock aside (the conformance case replays against a real CSMS).
@Suite("Trace replay")
struct TraceReplayTests {
    static func trace(_ lines: [String]) throws -> TraceReplay {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("trace-\(UUID().uuidString).jsonl").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return try TraceReplay.load(path)
    }

    static func record(_ direction: String, _ type: String, _ id: String, _ action: String, _ payload: String) -> String {
        #"{"schemaVersion":"1.0","timestamp":"2026-11-30T08:00:00.000Z","ocppVersion":"1.6","transport":"websocket","chargePointId":"CP-1","direction":""#
            + direction + #"","messageType":""# + type + #"","messageId":""# + id + #"","action":""# + action
            + #"","payload":"# + payload + #","error":null}"#
    }

    @Test func calls_areMatchedWithTheirRecordedAnswers() throws {
        let replay = try Self.trace([
            Self.record("cp-to-csms", "CALL", "1", "Heartbeat", "{}"),
            Self.record("csms-to-cp", "CALLRESULT", "1", "Heartbeat", #"{"currentTime":"2026-11-30T08:00:00Z"}"#),
            Self.record("csms-to-cp", "CALL", "c1", "Reset", #"{"type":"Soft"}"#),
            Self.record("cp-to-csms", "CALLRESULT", "c1", "Reset", #"{"status":"Accepted"}"#),
        ])
        #expect(replay.chargePointId == "CP-1")
        #expect(replay.stationCalls.count == 1 && replay.stationCalls[0].answer?.messageId == "1")
        #expect(replay.recordedAnswers(to: "Reset").first?.payload == .object(JSONObject(["status": "Accepted"])))
        // The clock is not an answer.
        let now = Frame.callResult(Frame.CallResult(messageId: "1", payload: .object(JSONObject(["currentTime": "x"]))))
        #expect(TraceReplay.difference(now, recorded: replay.stationCalls[0].answer) == nil)
        let changed = Frame.callError(
            Frame.CallError(messageId: "1", code: .internalError, description: "down", details: JSONObject()))
        #expect(
            TraceReplay.difference(changed, recorded: replay.stationCalls[0].answer)
                == "answered CALLERROR InternalError {}, recorded CALLRESULT {}")
    }

    @Test func aNewTransactionId_isNoDifference_andIsSentOn() {
        let recorded = TraceReplay.Record(
            object: JSONObject(["messageType": "CALLRESULT", "payload": .object(JSONObject(["transactionId": 42]))]),
            line: 1)
        let now = Frame.callResult(Frame.CallResult(messageId: "1", payload: .object(JSONObject(["transactionId": 43]))))
        #expect(TraceReplay.difference(now, recorded: recorded) == nil)
        let stop = JSONValue.object(JSONObject(["transactionId": 42, "meterStop": 10]))
        #expect(
            TraceReplay.renumbered(stop, [42: 43]) == .object(JSONObject(["transactionId": 43, "meterStop": 10])))
        #expect(TraceReplay.difference(now, recorded: nil) == nil, "nothing recorded: sent, not judged")
    }

    @Test func aLineThatIsNoRecord_isRefusedWithItsNumber() {
        #expect(throws: CommandLineError.self) { try Self.trace([#"{"x":1}"#]) }
    }
}
