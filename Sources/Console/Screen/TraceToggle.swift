import ChargePoint
import Foundation

/// The screen's `T` (issue 13): starts recording the frames that cross the link as a
/// trace (the OCPP trace format 1.0, `FrameRecordings.traceLine`) into the data
/// directory, and stops it. One recording at a time; secrets masked as everywhere.
final class TraceToggle {
    private let dataDirectory: String
    private let chargePointId: String
    private var sink: FileLogHandler.Sink?
    private var path = ""
    private var frames = 0

    init(dataDirectory: String, chargePointId: String) {
        self.dataDirectory = dataDirectory
        self.chargePointId = chargePointId
    }

    /// Starts or stops; what the feedback line says.
    func toggle(at time: Timestamp) -> StationEvent {
        if let sink {
            sink.close()
            self.sink = nil
            return .notice("trace stopped: \(frames) frame\(frames == 1 ? "" : "s") in \(path)")
        }
        path = dataDirectory + "/trace-" + time.rfc3339.prefix(19).filter { $0 != "-" && $0 != ":" } + "Z.jsonl"
        do {
            sink = try FileLogHandler.Sink(path: path)
        } catch {
            return .error("cannot record a trace: \(error)")
        }
        frames = 0
        return .notice("recording a trace to \(path) (T stops)")
    }

    /// Records the frames among `events` while a recording runs.
    func record(_ events: [StationEvent]) {
        guard let sink else { return }
        for case .frame(let frame) in events {
            if let line = FrameRecordings.traceLine(frame, chargePointId: chargePointId) {
                sink.write(line)
                frames += 1
            }
        }
    }

    /// Ends a recording still running (the console quits).
    func close() { sink?.close() }
}
