import ChargePoint
import Foundation

/// The screen's `T` (issue 13): starts recording the frames that cross the link as a
/// trace (the OCPP trace format 1.0, `FrameRecordings.traceLine`) into the data
/// directory, and stops it. One recording at a time; secrets masked as everywhere. The
/// file is named after the moment of the key press, on the host's clock, as its records
/// are timed (`RecordingClock`).
final class TraceToggle {
    private let dataDirectory: String
    private let chargePointId: String
    private let clock: RecordingClock
    private var recording: FrameRecordings?
    private var path = ""
    private var frames = 0

    init(dataDirectory: String, chargePointId: String, clock: RecordingClock = RecordingClock()) {
        self.dataDirectory = dataDirectory
        self.chargePointId = chargePointId
        self.clock = clock
    }

    /// Starts or stops, now; what the feedback line says.
    func toggle() -> StationEvent {
        if let recording {
            recording.close()
            self.recording = nil
            return .notice("trace stopped: \(frames) frame\(frames == 1 ? "" : "s") in \(path)")
        }
        path = dataDirectory + "/trace-" + clock.now().rfc3339.prefix(19).filter { $0 != "-" && $0 != ":" } + "Z.jsonl"
        do {
            recording = try FrameRecordings(frameLog: nil, trace: path, chargePointId: chargePointId, clock: clock)
        } catch {
            return .error("cannot record a trace: \(error)")
        }
        frames = 0
        return .notice("recording a trace to \(path) (T stops)")
    }

    /// Records the frames among `events` while a recording runs.
    func record(_ events: [StationEvent]) {
        frames += recording?.record(events) ?? 0
    }

    /// Ends a recording still running (the console quits).
    func close() { recording?.close() }
}
