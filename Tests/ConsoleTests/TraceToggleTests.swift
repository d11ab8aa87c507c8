import ChargePoint
import Foundation
import Testing

@testable import Console

/// The screen's `T` (issue 13): a trace recording started and stopped by a key, its
/// records those of `--trace`.
@Suite("Trace toggle")
struct TraceToggleTests {
    @Test func startRecordStop() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trace-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let toggle = TraceToggle(dataDirectory: directory, chargePointId: "CP-1")
        let time = Timestamp(rfc3339: "2026-11-30T08:00:00.000Z")!
        guard case .notice(let started) = toggle.toggle(at: time) else {
            Issue.record("no notice")
            return
        }
        #expect(started.hasPrefix("recording a trace to \(directory)/trace-20261130T080000Z.jsonl"))
        let frame = FrameEvent(
            direction: .outgoing, text: #"[2,"m1","Heartbeat",{}]"#, kind: .call, messageId: "m1",
            action: "Heartbeat", time: time)
        toggle.record([.frame(frame), .notice("not a frame")])
        #expect(toggle.toggle(at: time) == .notice("trace stopped: 1 frame in \(directory)/trace-20261130T080000Z.jsonl"))
        let text = try String(contentsOfFile: "\(directory)/trace-20261130T080000Z.jsonl", encoding: .utf8)
        #expect(text == (FrameRecordings.traceLine(frame, chargePointId: "CP-1") ?? "") + "\n")
        toggle.record([.frame(frame)])  // stopped: nothing more
    }
}
