#if canImport(Glibc)
    import Glibc
#endif

/// One-line messages for the operator on standard error, which stays free when standard
/// output carries the screen or the JSON event stream.
enum StandardError {
    static func write(_ line: String) {
        let text = line + "\n"
        // write(2) rather than the `stderr` FILE global, which Swift 6 rejects as shared
        // mutable state; one call keeps lines from different threads whole.
        _ = text.withCString { Glibc.write(2, $0, strlen($0)) }
    }
}
