import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes whole lines to standard output from any thread without interleaving them.
final class OutputLines: @unchecked Sendable {
    private let lock = NSLock()

    func write(_ line: String) {
        let text = line + "\n"
        lock.withLock {
            _ = text.withCString { Glibc.write(1, $0, strlen($0)) }
        }
    }
}
