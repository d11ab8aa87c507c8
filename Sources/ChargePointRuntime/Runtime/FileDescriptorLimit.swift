#if canImport(Glibc)
    import Glibc
#endif

/// The open-file limit (RLIMIT_NOFILE) a fleet needs (issue 15): each station holds its
/// data directory's lock, its SQLite database and write-ahead log, and its socket —
/// `perStation` descriptors — and the process a few dozen of its own.
public enum FileDescriptorLimit {
    public static let perStation = 4
    public static let reserve = 64

    /// Descriptors a fleet of `stations` needs.
    public static func needed(stations: Int) -> Int { stations * perStation + reserve }

    /// Raises the soft limit to the hard one (no privilege needed); the limit in force
    /// afterwards and the hard limit.
    @discardableResult
    public static func raiseToHard() -> (current: Int, hard: Int) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return (0, 0) }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return (Int(clamping: limit.rlim_cur), Int(clamping: limit.rlim_max))
    }
}
