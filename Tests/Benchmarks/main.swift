import ChargePoint
import Foundation

// `make bench`: figures, not pass/fail. Each benchmark prints one line.
// Run in release mode on an otherwise idle machine; one core (no concurrency here).
// OCPP_BENCH_ONLY=<name> runs one of: codec, session, calls, backlog, screen.

let benchmarks = Benchmarks()
let only = ProcessInfo.processInfo.environment["OCPP_BENCH_ONLY"]
func wanted(_ name: String) -> Bool { only == nil || only == name }
print("ocpp-bench: \(ProcessInfo.processInfo.processorCount) cores, one used")
do {
    if wanted("codec") { benchmarks.codec() }
    if wanted("session") { try benchmarks.dayLongSession() }
    if wanted("calls") { try benchmarks.callHandling() }
    if wanted("backlog") { try benchmarks.backlog() }
    if wanted("screen") { try benchmarks.screen() }
} catch {
    print("ocpp-bench: \(error)")
    exit(1)
}
