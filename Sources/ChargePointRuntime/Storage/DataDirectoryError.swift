import ChargePoint
/// Why a station's data directory cannot be used. Each is one line for the operator,
/// naming the directory; the console exits with status 2 on any of them (README
/// "Command line"), before the station starts.
public enum DataDirectoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process holds the directory's lock: one process per station, since two
    /// would number their transactions alike and one's sessions would be lost at the
    /// next start. `pid` as the holder wrote it into the lock file.
    case inUse(directory: String, pid: Int32?)
    /// The directory, or a directory it should be created in (`path`), is a file.
    case notADirectory(directory: String, path: String)
    /// The directory does not exist and cannot be made.
    case cannotCreate(directory: String, reason: String)
    /// The directory exists but this process may not write into it.
    case notWritable(directory: String, reason: String)
    /// The lock file cannot be opened, locked or written for another reason.
    case cannotLock(directory: String, reason: String)

    public var description: String {
        switch self {
        case .inUse(let directory, let pid):
            let holder = pid.map { "another ocpp-console (pid \($0))" } ?? "another ocpp-console"
            return "the data directory \(directory) is in use by \(holder); one process per station: "
                + "stop that one, or give this one another --data-dir or --id"
        case .notADirectory(let directory, let path) where path == directory:
            return "the data directory \(directory) is a file, not a directory"
        case .notADirectory(let directory, let path):
            return "the data directory \(directory) cannot be created: \(path) is a file, not a directory"
        case .cannotCreate(let directory, let reason):
            return "the data directory \(directory) cannot be created: \(reason)"
        case .notWritable(let directory, let reason):
            return "the data directory \(directory) is not writable: \(reason)"
        case .cannotLock(let directory, let reason):
            return "the data directory \(directory) cannot be locked: \(reason)"
        }
    }
}
