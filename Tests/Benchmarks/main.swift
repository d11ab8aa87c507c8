import ChargePoint
import Foundation

// `make bench`: figures, not pass/fail. Each benchmark prints one line.
// Run in release mode on an otherwise idle machine; one core (no concurrency here).

let benchmarks = Benchmarks()
print("ocpp-bench: \(ProcessInfo.processInfo.processorCount) cores, one used")
benchmarks.codec()
