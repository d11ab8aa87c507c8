import ChargePoint
import Foundation

extension Benchmarks {
    /// Issue 9: what a long offline spell costs. A station is offline for `backlog`
    /// seconds of a session sampled every second (one queued MeterValues each); then
    /// the cost of one ordinary input (a DataTransfer from the central system) with that
    /// backlog and without one, and the rate at which the backlog drains once the link is
    /// back and every CALL is answered at once.
    func backlog() throws {
        let sizes = [0, Int(ProcessInfo.processInfo.environment["OCPP_BENCH_BACKLOG"] ?? "") ?? 100_000]
        for size in sizes {
            var loop = try Self.offlineSession(queued: size)
            let queued = loop.core.snapshot.queuedTransactionMessages
            var samples: [Double] = []
            for iteration in 0..<2000 {
                let text = #"[2,"b\#(iteration)","DataTransfer",{"vendorId":"bench"}]"#
                let begin = DispatchTime.now().uptimeNanoseconds
                _ = loop.driver.handle(.received(text), at: loop.now, link: &loop.link, store: loop.store)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1000)
            }
            samples.sort()
            print(
                "\("engine: one input with \(queued) transaction messages queued".padding(toLength: 66, withPad: " ", startingAt: 0)) p50 \(String(format: "%.1f", samples[samples.count / 2])) µs, p99 \(String(format: "%.1f", samples[samples.count * 99 / 100])) µs"
            )
            guard queued > 0 else { continue }
            loop.link.reachable = true
            let begin = DispatchTime.now().uptimeNanoseconds
            loop.handle(.command(.online))
            while loop.core.snapshot.queuedTransactionMessages > 0 { loop.handle(.tick) }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e9
            report("engine: backlog of \(queued) drained after reconnecting", Double(queued) / seconds, "messages/s")
        }
    }

    /// A charging session on the default station whose link went down `queued` seconds
    /// ago, sampled every second: `queued` MeterValues wait in the transaction queue.
    static func offlineSession(queued: Int) throws -> Loop {
        let profile = try Self.profile(sampleInterval: 1)
        let start = Self.start
        var ev = profile.ev
        ev.batteryWh = 100_000_000  // never full
        var bigBattery = profile
        bigBattery.ev = ev
        var loop = try Self.loop(bigBattery)
        loop.handle(.powerOn)
        loop.handle(.command(.plug(connector: 1)))
        loop.handle(.command(.swipe(idTag: "04A1B2C3D4E5F6", connector: 1)))
        loop.link.reachable = false
        loop.handle(.command(.offline))
        loop.run(until: start.adding(seconds: queued))
        return loop
    }
}
