import ChargePoint
import Foundation

/// The benchmarks `make bench` runs; each prints what it measured.
struct Benchmarks {
    /// Runs `body` repeatedly for about `seconds` of wall time; returns iterations/second.
    func rate(seconds: Double = 1.5, _ body: () -> Void) -> Double {
        for _ in 0..<1000 { body() }  // warm-up
        var iterations = 0
        let start = DispatchTime.now().uptimeNanoseconds
        var elapsed: UInt64 = 0
        while elapsed < UInt64(seconds * 1e9) {
            for _ in 0..<500 { body() }
            iterations += 500
            elapsed = DispatchTime.now().uptimeNanoseconds - start
        }
        return Double(iterations) / (Double(elapsed) / 1e9)
    }

    func report(_ name: String, _ value: Double, _ unit: String) {
        let number = value >= 100 ? String(Int(value.rounded())) : String(format: "%.2f", value)
        print("\(name.padding(toLength: 66, withPad: " ", startingAt: 0)) \(number) \(unit)")
    }
}
