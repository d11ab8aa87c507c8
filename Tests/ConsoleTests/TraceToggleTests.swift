import ChargePoint
import Foundation
import Testing

@testable import Console

/// The screen's `T` (issue 13): a trace recording started and stopped by a key, its
/// records those of `--trace`, its file named after the moment of the key press.
@Suite("Trace toggle")
struct TraceToggleTests {
    @Test func startRecordStop_namedAfterTheKeyPress() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trace-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let host = FrameRecordingsTests.HostClock()
        host.set("2026-11-30T10:04:03.250Z")
        let toggle = TraceToggle(dataDirectory: directory, chargePointId: "CP-1", clock: host.clock)
        guard case .notice(let started) = toggle.toggle() else {
            Issue.record("no notice")
            return
        }
        let path = "\(directory)/trace-20261130T100403Z.jsonl"
        #expect(started.hasPrefix("recording a trace to \(path)"))
        // The station's clock, minutes behind: not what the file or its records say.
        let frame = FrameEvent(
            direction: .outgoing, text: #"[2,"m1","Heartbeat",{}]"#, kind: .call, messageId: "m1",
            action: "Heartbeat", time: Timestamp(rfc3339: "2026-11-30T09:58:00.000Z")!)
        toggle.record([.frame(frame), .notice("not a frame")])
        #expect(toggle.toggle() == .notice("trace stopped: 1 frame in \(path)"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var recorder = TraceRecorder(chargePointId: "CP-1")
        #expect(text == (recorder.line(frame, at: Timestamp(rfc3339: "2026-11-30T10:04:03.250Z")!) ?? "") + "\n")
        toggle.record([.frame(frame)])  // stopped: nothing more
    }
}
