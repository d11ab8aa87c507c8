import ChargePoint
import Testing

@testable import Console

/// `--frame-log` and `--trace` (issue 13): a frame as analysers read it, and as a record
/// of the OCPP trace format 1.0 (the conformance case validates against its schema).
@Suite("Frame recordings")
struct FrameRecordingsTests {
    static let time = Timestamp(rfc3339: "2026-11-30T08:00:00.123Z")!

    static func frame(_ text: String, _ direction: FrameDirection, _ kind: FrameEvent.Kind, action: String?)
        -> FrameEvent
    {
        FrameEvent(direction: direction, text: text, kind: kind, messageId: "m1", action: action, time: time)
    }

    @Test func theFrameLog_isTimestampThenTheFrame() {
        let call = Self.frame(#"[2,"m1","Heartbeat",{}]"#, .outgoing, .call, action: "Heartbeat")
        #expect(FrameRecordings.plainLine(call) == #"2026-11-30T08:00:00.123Z [2,"m1","Heartbeat",{}]"#)
    }

    @Test func aTraceRecord_carriesTheFrame_andItsCallsAction() {
        let status = Self.frame(
            #"[2,"m1","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available"}]"#,
            .outgoing, .call, action: "StatusNotification")
        #expect(
            FrameRecordings.traceLine(status, chargePointId: "CP-1")
                == #"{"schemaVersion":"1.0","timestamp":"2026-11-30T08:00:00.123Z","ocppVersion":"1.6","transport":"websocket","chargePointId":"CP-1","direction":"cp-to-csms","messageType":"CALL","connectorId":1,"messageId":"m1","action":"StatusNotification","payload":{"connectorId":1,"errorCode":"NoError","status":"Available"},"error":null}"#
        )
        let error = Self.frame(
            #"[4,"m1","NotSupported","no",{}]"#, .incoming, .error, action: "DataTransfer")
        let line = FrameRecordings.traceLine(error, chargePointId: "CP-1") ?? ""
        #expect(line.contains(#""messageType":"CALLERROR""#) && line.contains(#""action":"DataTransfer""#))
        #expect(line.contains(#""error":{"code":"NotSupported","description":"no","details":{}}"#), "\(line)")
        #expect(FrameRecordings.traceLine(Self.frame("garbage", .incoming, .unreadable, action: nil), chargePointId: "C") == nil)
    }
}
