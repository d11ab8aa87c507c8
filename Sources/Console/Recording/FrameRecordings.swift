import ChargePoint
import Foundation
import Synchronization

/// `--frame-log FILE` and `--trace FILE` (issue 13): every frame of the run, in forms
/// other tools read, written by the log file's own thread (`FileLogHandler.Sink`):
/// - the frame log, one line per frame, `TIMESTAMP [2,"…",…]`, as OCPP log analysers
///   read it;
/// - the trace, one JSON object per frame in the implementation-independent OCPP trace
///   format, version 1.0 (`TraceRecorder`).
/// Frames are as the engine shows them (secrets masked), timed by the host's clock
/// (`RecordingClock`), not the station's. Both files are appended to.
final class FrameRecordings: Sendable {
    private let frameLog: FileLogHandler.Sink?
    private let trace: FileLogHandler.Sink?
    private let clock: RecordingClock
    private let recorder: Mutex<TraceRecorder>
    /// What the operator is told once the station runs: a trace appended to.
    let notices: [String]

    init(
        frameLog: String?, trace: String?, chargePointId: String, clock: RecordingClock = RecordingClock()
    ) throws(StationSetup.SetupError) {
        self.frameLog = try frameLog.map { path throws(StationSetup.SetupError) in
            try FileLogHandler.Sink(path: path, role: "frame log (--frame-log)")
        }
        // A trace that already holds records is added to, not replaced: said once.
        let existing = trace.map { path in
            ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) > 0
        }
        self.trace = try trace.map { path throws(StationSetup.SetupError) in
            try FileLogHandler.Sink(path: path, role: "trace file (--trace)")
        }
        notices = existing == true ? ["appending to the existing trace \(trace ?? "")"] : []
        self.clock = clock
        recorder = Mutex(TraceRecorder(chargePointId: chargePointId))
    }

    /// Records the frames among `events`; how many trace records that made.
    @discardableResult
    func record(_ events: [StationEvent]) -> Int {
        guard frameLog != nil || trace != nil else { return 0 }
        var traced = 0
        for case .frame(let frame) in events {
            let time = clock.now()
            frameLog?.write(Self.plainLine(frame, at: time))
            if let trace, let line = recorder.withLock({ $0.line(frame, at: time) }) {
                trace.write(line)
                traced += 1
            }
        }
        return traced
    }

    /// Writes what is queued; call before the process exits.
    func close() {
        frameLog?.close()
        trace?.close()
    }

    /// `2026-11-30T08:00:00.123Z [2,"…","Heartbeat",{}]`.
    static func plainLine(_ frame: FrameEvent, at time: Timestamp) -> String { "\(time.rfc3339) \(frame.text)" }
}
