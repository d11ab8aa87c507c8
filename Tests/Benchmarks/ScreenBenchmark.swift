import ChargePoint
import ConsoleScreen
import Foundation

extension Benchmarks {
    /// Issue 5: composing a frame of the screen (all panes into the cell grid, then the
    /// rows that changed against the previous frame) while the log takes 500 frames a
    /// second, and handling a key up to the next frame; then the memory the log keeps
    /// after a million frames. The terminal write itself (curses, doupdate) is measured
    /// end to end by Tests/ScreenTest/screen_bench.py.
    func screen() throws {
        let profile = try Self.profile(sampleInterval: 10)
        let start = Self.start
        var loop = try Self.loop(profile)
        loop.handle(.powerOn)
        loop.handle(.command(.plug(connector: 1)))
        loop.handle(.command(.swipe(idTag: "04A1B2C3D4E5F6", connector: 1)))
        var controller = ScreenController(info: StationInfo(url: "ws://127.0.0.1:9000/ocpp", stationId: "BENCH"))
        let frame =
            #"[2,"%d","MeterValues",{"connectorId":1,"transactionId":1,"meterValue":[{"timestamp":"2026-11-24T00:00:01.000Z","sampledValue":[{"value":"1234","measurand":"Energy.Active.Import.Register","unit":"Wh"}]}]}]"#
        var previous = Surface(rows: 40, columns: 120)
        var renders: [Double] = []
        var keys: [Double] = []
        var sequence = 0
        // 30 frames a second for 20 simulated seconds, 500 log frames a second between them.
        for tick in 0..<600 {
            let now = start.adding(milliseconds: Int64(tick) * 33)
            var events: [StationEvent] = []
            for _ in 0..<(tick % 3 == 0 ? 17 : 16) {
                sequence += 1
                events.append(
                    .frame(
                        FrameEvent(
                            direction: .outgoing, text: frame.replacingOccurrences(of: "%d", with: "m\(sequence)"),
                            kind: .call, messageId: "m\(sequence)", action: "MeterValues", time: now)))
            }
            let begin = DispatchTime.now().uptimeNanoseconds
            controller.ingest(events, at: now)
            let snapshot = loop.core.snapshot(at: now)
            controller.sample(snapshot, at: now)
            var surface = Surface(rows: 40, columns: 120)
            controller.render(snapshot, configuration: [], at: now, into: &surface)
            let changedRows = (0..<surface.rows).filter { row in !surface.rowEquals(previous, row: row) }
            previous = surface
            renders.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1000)
            precondition(!changedRows.isEmpty || tick > 0)
            if tick % 10 == 0 {
                let keyBegin = DispatchTime.now().uptimeNanoseconds
                let configuration = loop.core.configurationEntries
                _ = controller.handle(.character("c"), snapshot: snapshot, configuration: configuration, at: now)
                var next = Surface(rows: 40, columns: 120)
                controller.render(snapshot, configuration: configuration, at: now, into: &next)
                keys.append(Double(DispatchTime.now().uptimeNanoseconds - keyBegin) / 1000)
                _ = controller.handle(.character("c"), snapshot: snapshot, configuration: configuration, at: now)
            }
        }
        renders.sort()
        keys.sort()
        func line(_ name: String, _ samples: [Double]) {
            let p50 = samples[samples.count / 2]
            let p99 = samples[min(samples.count - 1, samples.count * 99 / 100)]
            print(
                "\(name.padding(toLength: 66, withPad: " ", startingAt: 0)) p50 \(String(format: "%.0f", p50)) µs, p99 \(String(format: "%.0f", p99)) µs"
            )
        }
        line("screen: frame composed at 120x40, log taking 500 frames/s", renders)
        line("screen: key handled to next frame composed (view switch)", keys)

        var log = MessageLog()
        let before = Self.residentKiB()
        for n in 0..<1_000_000 {
            log.append(.outgoing, frame.replacingOccurrences(of: "%d", with: "x\(n)"), at: start)
        }
        let after = Self.residentKiB()
        report("screen: resident memory after 1,000,000 logged frames (log)", Double(after) / 1024, "MiB")
        report(
            "screen:   of which the log's growth (keeps the newest \(log.count))", Double(after - before) / 1024, "MiB")
    }

    static func residentKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        return line.flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true)[1]) } ?? 0
    }
}
