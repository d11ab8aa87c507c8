import ChargePoint
import ChargePointRuntime
import Foundation
import Testing

@testable import Console

/// `ocpp-console replay` (issue 13): a trace read back, and an answer compared with the
/// recorded one — the clock aside (the conformance case replays against a real CSMS).
@Suite("Trace replay")
struct TraceReplayTests {
    static func trace(_ lines: [String]) throws -> TraceReplay {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("trace-\(UUID().uuidString).jsonl")
            .path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return try TraceReplay.load(path)
    }

    static func record(_ direction: String, _ type: String, _ id: String, _ action: String, _ payload: String) -> String
    {
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
        #expect(replay.centralSystemCalls.first?.answer?.payload == .object(JSONObject(["status": "Accepted"])))
        // The clock is not an answer.
        let now = Frame.callResult(
            Frame.CallResult(messageId: "1", payload: .object(JSONObject(["currentTime": "2026-12-01T00:00:00.000Z"]))))
        #expect(TraceReplay.difference(now, recorded: replay.stationCalls[0].answer) == nil)
        let changed = Frame.callError(
            Frame.CallError(messageId: "1", code: .internalError, description: "down", details: JSONObject()))
        #expect(
            TraceReplay.difference(changed, recorded: replay.stationCalls[0].answer)
                == #"answered CALLERROR InternalError {}, recorded CALLRESULT {"currentTime":"2026-11-30T08:00:00Z"}"#)
    }

    @Test func aNewTransactionId_isNoDifference_andIsSentOn() {
        let recorded = TraceReplay.Record(
            object: JSONObject(["messageType": "CALLRESULT", "payload": .object(JSONObject(["transactionId": 42]))]),
            line: 1)
        let now = Frame.callResult(
            Frame.CallResult(messageId: "1", payload: .object(JSONObject(["transactionId": 43]))))
        #expect(TraceReplay.difference(now, recorded: recorded) == nil)
        let stop = JSONValue.object(JSONObject(["transactionId": 42, "meterStop": 10]))
        #expect(
            TraceReplay.renumbered(stop, [42: 43]) == .object(JSONObject(["transactionId": 43, "meterStop": 10])))
        #expect(TraceReplay.difference(now, recorded: nil) == nil, "nothing recorded: sent, not judged")
    }

    @Test func aLineThatIsNoRecord_isRefusedWithItsNumber() {
        #expect(throws: CommandLineError.self) { try Self.trace([#"{"x":1}"#]) }
    }

    @Test func dateTimesAnywhere_compareOnlyAsDateTimes_andTransactionIdsAnywhereNotAtAll() {
        let recorded = TraceReplay.Record(
            object: JSONObject([
                "messageType": "CALLRESULT",
                "payload": .object(
                    JSONObject([
                        "idTagInfo": .object(
                            JSONObject(["status": "Accepted", "expiryDate": "2026-11-30T09:00:00.000Z"])),
                        "transactionId": 42,
                        "schedules": .array([
                            .object(JSONObject(["transactionId": 42, "start": "2026-11-30T08:00:00Z"]))
                        ]),
                    ])),
            ]), line: 7)
        func answer(_ expiry: JSONValue, _ start: JSONValue) -> Frame {
            .callResult(
                Frame.CallResult(
                    messageId: "1",
                    payload: .object(
                        JSONObject([
                            "idTagInfo": .object(JSONObject(["status": "Accepted", "expiryDate": expiry])),
                            "transactionId": 43,
                            "schedules": .array([.object(JSONObject(["transactionId": 43, "start": start]))]),
                        ]))))
        }
        #expect(
            TraceReplay.difference(answer("2026-12-01T10:00:00+01:00", "2026-12-01T10:00:00Z"), recorded: recorded)
                == nil)
        #expect(TraceReplay.difference(answer("tomorrow", "2026-12-01T10:00:00Z"), recorded: recorded) != nil)
        #expect(TraceReplay.difference(answer("2026-12-01T10:00:00Z", 5), recorded: recorded) != nil)
        let meter = JSONValue.object(JSONObject(["data": .array([.object(JSONObject(["transactionId": 42]))])]))
        #expect(
            TraceReplay.renumbered(meter, [42: 43])
                == .object(JSONObject(["data": .array([.object(JSONObject(["transactionId": 43]))])])))
    }

    @Test func theCentralSystemsCalls_areAnsweredAsRecorded_errorsToo_andTheUnrecordedAndMissingAreDifferences() throws
    {
        let replay = try Self.trace([
            Self.record("cp-to-csms", "CALL", "1", "Heartbeat", "{}"),
            Self.record("csms-to-cp", "CALL", "c1", "Reset", #"{"type":"Soft"}"#),
            #"{"schemaVersion":"1.0","timestamp":"2026-11-30T08:00:00.000Z","ocppVersion":"1.6","transport":"websocket","chargePointId":"CP-1","direction":"cp-to-csms","messageType":"CALLERROR","messageId":"c1","action":"Reset","payload":{"why":1},"error":{"code":"NotSupported","description":"no resets today","details":{"why":1}}}"#,
            Self.record("csms-to-cp", "CALL", "c2", "GetConfiguration", "{}"),
            Self.record("cp-to-csms", "CALLRESULT", "c2", "GetConfiguration", #"{"configurationKey":[]}"#),
            Self.record("csms-to-cp", "CALL", "c3", "ClearCache", "{}"),
        ])
        var calls = CentralSystemCalls(replay)
        let reset = calls.answer(Frame.Call(messageId: "n1", action: "Reset", payload: .object(JSONObject())))
        #expect(reset.difference == nil)
        #expect(
            reset.reply
                == .callError(
                    Frame.CallError(
                        messageId: "n1", code: .notSupported, description: "no resets today",
                        details: JSONObject(["why": 1]))))
        let unexpected = calls.answer(Frame.Call(messageId: "n2", action: "Reset", payload: .object(JSONObject())))
        #expect(unexpected.difference?.contains("the central system sent Reset {}") == true)
        if case .callError(let refusal)? = unexpected.reply {
            #expect(refusal.code == .notImplemented && refusal.messageId == "n2")
        } else {
            Issue.record("an unrecorded CALL is refused")
        }
        let configuration = calls.answer(
            Frame.Call(messageId: "n3", action: "GetConfiguration", payload: .object(JSONObject())))
        #expect(
            configuration.reply
                == .callResult(
                    Frame.CallResult(messageId: "n3", payload: .object(JSONObject(["configurationKey": .array([])])))))
        #expect(calls.missingReport == ["line 6: ClearCache c3: the central system's CALL never came"])
        let unanswered = calls.answer(Frame.Call(messageId: "n4", action: "ClearCache", payload: .object(JSONObject())))
        #expect(unanswered.reply == nil && unanswered.difference == nil, "recorded without an answer: none, as then")
        #expect(calls.missing.isEmpty)
    }

    @Test func aLinkThatCloses_givesTheFramesBeforeIt_thenTheReason() {
        let link = ReplayLink()
        #expect(link.waitConnected(seconds: 0.01) == "no connection within 0 s")
        link.receive(.connected(server: nil))
        #expect(link.waitConnected(seconds: 1) == nil)
        link.receive(.received(#"[3,"m1",{}]"#))
        link.receive(.disconnected(reason: "closed by the central system (1000 bye)"))
        let soon = Date().addingTimeInterval(5)
        guard case .frame(let frame) = link.next(until: soon) else {
            Issue.record("the frame before the close comes first")
            return
        }
        #expect(frame.messageId == "m1")
        guard case .closed(let reason) = link.next(until: soon) else {
            Issue.record("then the close, at once")
            return
        }
        #expect(reason == "closed by the central system (1000 bye)")
        let refused = ReplayLink()
        refused.receive(.disconnected(reason: "connection refused"))
        #expect(refused.waitConnected(seconds: 5) == "connection refused", "a failed attempt ends the wait at once")
    }
}
