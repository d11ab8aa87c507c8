import ChargePoint
import Foundation
import Synchronization
import Testing

@testable import Console

/// `--frame-log` and `--trace` (issue 13): a frame as analysers read it, and as a record
/// of the OCPP trace format 1.0 (the conformance case validates against its schema),
/// timed by the host's clock, not the station's.
@Suite("Frame recordings")
struct FrameRecordingsTests {
    static let time = Timestamp(rfc3339: "2026-11-30T08:00:00.123Z")!

    static func frame(
        _ text: String, _ direction: FrameDirection, _ kind: FrameEvent.Kind, action: String?, time: Timestamp = time
    ) -> FrameEvent {
        FrameEvent(direction: direction, text: text, kind: kind, messageId: "m1", action: action, time: time)
    }

    /// A host clock the test sets.
    final class HostClock: Sendable {
        let time = Mutex(Timestamp(rfc3339: "2026-11-30T10:00:00.000Z")!)
        var clock: RecordingClock { RecordingClock { [self] in time.withLock { $0 } } }
        func set(_ text: String) { time.withLock { $0 = Timestamp(rfc3339: text)! } }
    }

    static func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("recording-\(UUID().uuidString)").path
    }

    @Test func theFrameLog_isTimestampThenTheFrame() {
        let call = Self.frame(#"[2,"m1","Heartbeat",{}]"#, .outgoing, .call, action: "Heartbeat")
        #expect(FrameRecordings.plainLine(call, at: Self.time) == #"2026-11-30T08:00:00.123Z [2,"m1","Heartbeat",{}]"#)
    }

    @Test func aTraceRecord_carriesTheFrame_andItsCallsAction() {
        var recorder = TraceRecorder(chargePointId: "CP-1")
        let status = Self.frame(
            #"[2,"m1","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available"}]"#,
            .outgoing, .call, action: "StatusNotification")
        #expect(
            recorder.line(status, at: Self.time)
                == #"{"schemaVersion":"1.0","timestamp":"2026-11-30T08:00:00.123Z","ocppVersion":"1.6","transport":"websocket","chargePointId":"CP-1","direction":"cp-to-csms","messageType":"CALL","connectorId":1,"messageId":"m1","action":"StatusNotification","payload":{"connectorId":1,"errorCode":"NoError","status":"Available"},"error":null}"#
        )
        let error = Self.frame(
            #"[4,"m2","NotSupported","no",{}]"#, .incoming, .error, action: "DataTransfer")
        let line = recorder.line(error, at: Self.time) ?? ""
        #expect(line.contains(#""messageType":"CALLERROR""#) && line.contains(#""action":"DataTransfer""#))
        #expect(line.contains(#""error":{"code":"NotSupported","description":"no","details":{}}"#), "\(line)")
        #expect(recorder.line(Self.frame("garbage", .incoming, .unreadable, action: nil), at: Self.time) == nil)
    }

    @Test func aResultOrError_carriesTheConnectorOfTheCallItAnswers() {
        var recorder = TraceRecorder(chargePointId: "CP-1")
        let start = Self.frame(
            #"[2,"r1","RemoteStartTransaction",{"connectorId":2,"idTag":"A"}]"#, .incoming, .call,
            action: "RemoteStartTransaction")
        _ = recorder.line(start, at: Self.time)
        let status = Self.frame(
            #"[2,"r1","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available"}]"#,
            .outgoing, .call, action: "StatusNotification")
        _ = recorder.line(status, at: Self.time)
        let accepted = Self.frame(
            #"[3,"r1",{"status":"Accepted"}]"#, .outgoing, .result, action: "RemoteStartTransaction")
        #expect(recorder.line(accepted, at: Self.time)?.contains(#""connectorId":2,"#) == true, "the CALL it answers")
        let refused = Self.frame(#"[4,"r1","InternalError","x",{}]"#, .incoming, .error, action: "StatusNotification")
        #expect(recorder.line(refused, at: Self.time)?.contains(#""connectorId":1,"#) == true)
        let heartbeat = Self.frame(#"[3,"h1",{"currentTime":"2026-11-30T08:00:00Z"}]"#, .incoming, .result, action: nil)
        #expect(recorder.line(heartbeat, at: Self.time)?.contains("connectorId") == false)
    }

    @Test func frames_areTimedByTheHostsClock_notTheStationsSteppedOne() throws {
        let (tracePath, logPath) = (Self.temporaryFile(), Self.temporaryFile())
        let host = HostClock()
        let recordings = try FrameRecordings(
            frameLog: logPath, trace: tracePath, chargePointId: "CP-1", clock: host.clock)
        // The central system set the station's clock 90 s ahead at boot.
        let boot = Self.frame(
            #"[2,"b1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]"#, .outgoing, .call,
            action: "BootNotification", time: Timestamp(rfc3339: "2026-11-30T10:00:00.000Z")!)
        let heartbeat = Self.frame(
            #"[2,"h1","Heartbeat",{}]"#, .outgoing, .call, action: "Heartbeat",
            time: Timestamp(rfc3339: "2026-11-30T10:01:30.000Z")!)
        recordings.record([.frame(boot)])
        host.set("2026-11-30T10:00:01.000Z")
        recordings.record([.frame(heartbeat)])
        // The host's clock read back: never earlier than the frame before.
        host.set("2026-11-30T10:00:00.999Z")
        recordings.record([.frame(heartbeat)])
        recordings.close()
        let stamps = try String(contentsOfFile: logPath, encoding: .utf8).split(separator: "\n").map { $0.prefix(24) }
        #expect(stamps == ["2026-11-30T10:00:00.000Z", "2026-11-30T10:00:01.000Z", "2026-11-30T10:00:01.000Z"])
        let trace = try String(contentsOfFile: tracePath, encoding: .utf8).split(separator: "\n")
        #expect(trace.count == 3 && trace[1].contains(#""timestamp":"2026-11-30T10:00:01.000Z""#), "\(trace)")
        #expect(recordings.notices.isEmpty)
    }

    @Test func aTraceThatHoldsRecords_isAppendedTo_andSaysSo() throws {
        let path = Self.temporaryFile()
        try "{}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let recordings = try FrameRecordings(frameLog: nil, trace: path, chargePointId: "CP-1")
        recordings.record([.frame(Self.frame(#"[2,"m1","Heartbeat",{}]"#, .outgoing, .call, action: "Heartbeat"))])
        recordings.close()
        #expect(recordings.notices == ["appending to the existing trace \(path)"])
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("{}\n{\"schemaVersion\""))
    }
}
