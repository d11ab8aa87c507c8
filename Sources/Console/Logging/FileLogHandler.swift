import ChargePoint
import ChargePointRuntime
import Foundation
import Logging

/// `--log FILE`: one line per record, `<RFC 3339 time> <level> <label>: <message>`,
/// appended and flushed per line so that a crash or a power cut leaves the log
/// readable up to its last moment. Records come from every thread (the station, the
/// link, libwebsockets); the file lock keeps their lines whole.
struct FileLogHandler: LogHandler {
    /// The open log file, shared by every logger of the process.
    final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private let file: UnsafeMutablePointer<FILE>

        /// Opens `path` for appending; throws a message naming the file when it cannot.
        init(path: String) throws(StationSetup.SetupError) {
            guard let file = fopen(path, "a") else {
                throw StationSetup.SetupError(
                    description: "cannot open the log file \(path): \(String(cString: strerror(errno)))")
            }
            self.file = file
        }

        func write(_ line: String) {
            lock.withLock {
                fputs(line, file)
                fputc(0x0A, file)
                fflush(file)
            }
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
