import ChargePoint
import ConsoleScreen
import Foundation

/// The files the screen writes when the operator asks (`s` in a frame, `:save-log`):
/// the console's business, never the engine's. Names without a directory land in the
/// data directory; every answer is a line for the feedback, saying where.
struct ScreenExports {
    let dataDirectory: String

    /// One frame, one line of JSON, in the data directory.
    func saveFrame(_ text: String, fileName: String) -> StationEvent {
        let path = dataDirectory + "/" + fileName
        return write(text + "\n", to: path).map { .error("cannot save the frame to \(path): \($0)") }
            ?? .notice("frame saved to \(path)")
    }

    /// Every frame the log keeps, oldest first, one JSON line each as `--headless`
    /// prints them (`ts`, `type`, `dir`, `raw`). `path`: relative to the current
    /// directory; none names a file in the data directory.
    func saveLog(_ log: MessageLog, path: String?, at now: Timestamp = .now()) -> StationEvent {
        let target = path.map(Self.absolute) ?? dataDirectory + "/" + Self.logFileName(at: now)
        var text = ""
        var count = 0
        for sequence in log.firstSequence..<(log.appended + 1) {
            guard let frame = log.entry(sequence)?.frameEvent else { continue }
            text += EventEncoder.line(.frame(frame), at: frame.time) + "\n"
            count += 1
        }
        if let problem = write(text, to: target) { return .error("cannot save the log to \(target): \(problem)") }
        let gone = log.firstSequence - 1
        let note = gone > 0 ? " (the \(gone) oldest are gone: the screen keeps the last \(log.capacity))" : ""
        return .notice("\(count) frame\(count == 1 ? "" : "s") saved to \(target)\(note)")
    }

    /// "log-20261130T081500Z.jsonl".
    static func logFileName(at time: Timestamp) -> String {
        "log-" + time.rfc3339.prefix(19).filter { $0 != "-" && $0 != ":" } + "Z.jsonl"
    }

    static func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        guard !expanded.hasPrefix("/") else { return expanded }
        return FileManager.default.currentDirectoryPath + "/" + expanded
    }

    /// nil when written; else what went wrong, as the system says it ("No such file or
    /// directory", "Permission denied").
    private func write(_ text: String, to path: String) -> String? {
        guard let file = fopen(path, "w") else { return String(cString: strerror(errno)) }
        let written = fputs(text, file) >= 0
        let problem = written ? nil : String(cString: strerror(errno))
        if fclose(file) != 0, written { return String(cString: strerror(errno)) }
        return problem
    }
}

extension MessageLog.Entry {
    /// The entry as the station reported it, for the headless line format; nil for a
    /// line that is no frame (the link going down).
    var frameEvent: FrameEvent? {
        kind.frameKind.map {
            FrameEvent(direction: direction, text: raw, kind: $0, messageId: messageId, action: action, time: time)
        }
    }
}
