import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// SIGINT, SIGTERM and SIGHUP (the terminal closed) end the console the way `quit`
/// does: the handler only wakes a dispatch source; the shutdown runs there, not in
/// signal context, and gives the exit status (3 when a headless command failed).
enum TerminationSignals {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func install(_ shutdown: @escaping @Sendable () -> Int32) {
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                exit(shutdown())
            }
            source.resume()
            sources.append(source)
        }
    }
}
