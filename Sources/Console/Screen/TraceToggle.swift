import ChargePoint
import Foundation

/// The screen's `T` (issue 13): starts recording the frames that cross the link as a
/// trace (the OCPP trace format 1.0, `FrameRecordings.traceLine`) into the data
/// directory, and stops it. One recording at a time; secrets masked as everywhere.
final class TraceToggle {
    private let dataDirectory: String
    private let chargePointId: String
    private var recording: FrameRecordings?
    private var path = ""
    private var frames = 0

    init(dataDirectory: String, chargePointId: String) {
        self.dataDirectory = dataDirectory
        self.chargePointId = chargePointId
    }

    /// Starts or stops; what the feedback line says.
    func toggle(at time: Timestamp) -> StationEvent {
        if let recording {
            recording.close()
            self.recording = nil
            return .notice("trace stopped: \(frames) frame\(frames == 1 ? "" : "s") in \(path)")
        }
        path = dataDirectory + "/trace-" + time.rfc3339.prefix(19).filter { $0 != "-" && $0 != ":" } + "Z.jsonl"
        do {
            recording = try FrameRecordings(frameLog: nil, trace: path, chargePointId: chargePointId)
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
