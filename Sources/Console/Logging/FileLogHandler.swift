import ChargePoint
import ChargePointRuntime
import Foundation
import Logging

/// `--log FILE`: one line per record, `<RFC 3339 time> <level> <label>: <message>`,
/// appended. Records come from every thread (the station, the link, libwebsockets);
/// they are queued whole and written, in order, by the log's own `LineWriter` thread,
/// so a slow disk or a stalled file system never holds up the link. Up to `capacity`
/// bytes of records wait; past that records are lost and one line says how many:
/// `<time> warning log: N log records dropped`.
struct FileLogHandler: LogHandler {
    /// The open log file, shared by every logger of the process.
    final class Sink: Sendable {
        /// 16 MiB: about 100,000 records of typical size.
        static let capacity = 16 << 20

        private let writer: LineWriter

        /// Opens `path` for appending; throws a message naming the file, as `role` says
        /// what it is for ("log file", "trace file"), when it cannot.
        init(path: String, role: String = "log file") throws(StationSetup.SetupError) {
            let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else {
                throw StationSetup.SetupError(
                    description: "cannot open the \(role) \(path): \(String(cString: strerror(errno)))")
            }
            let file = DescriptorSink(descriptor: descriptor)
            writer = LineWriter(
                name: "log file", capacity: Self.capacity, sink: file.write,
                droppedLine: { count, since in "\(since.rfc3339) warning log: \(count) log records dropped" })
        }

        /// Queues one record's line; never waits for the file.
        func write(_ line: String) {
            writer.write(line)
        }

        /// Writes every queued record; call before the process exits.
        func close() {
            writer.close()
        }
    }

    let label: String
    let sink: Sink
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var line = "\(Timestamp.now().rfc3339) \(event.level) \(label): \(event.message)"
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        if !merged.isEmpty {
            line += " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
        sink.write(line)
    }
}
