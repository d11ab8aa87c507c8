import ChargePoint
import ChargePointRuntime
import Foundation

extension Benchmarks {
    /// CPU time of this process so far, seconds.
    static func cpuSeconds() -> Double {
        var usage = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &usage)
        return Double(usage.tv_sec) + Double(usage.tv_nsec) / 1e9
    }

    /// When every benchmark's station starts: midnight UTC.
    static let start = Timestamp(rfc3339: "2026-11-24T00:00:00Z")!

    /// A fresh station of `profile`, nothing stored yet, its clock at `start`; not powered on.
    static func loop(_ profile: StationProfile) throws -> Loop {
        Loop(core: try StationCore(profile: profile, durable: DurableState(), now: start, seed: 1), now: start)
    }

    static func profile(_ name: String = "default", sampleInterval: Int) throws -> StationProfile {
        guard let assets = AssetLocator.locate() else { throw ProfileError(field: "", reason: "no Assets folder") }
        var profile = try StationProfileLoader.load(name, assets: assets)
        profile.configuration["MeterValueSampleInterval"] = String(sampleInterval)
        profile.configuration["ClockAlignedDataInterval"] = "0"
        profile.configuration["ConnectionTimeOut"] = "0"
        return profile
    }

    /// The benchmarks' link: answers every CALL of the station at once (see `Loop.answer`)
    /// and counts frames.
    struct AnsweringLink: LinkTransport {
        var now = Timestamp(millisecondsSince1970: 0)
        var frames = 0
        var inbox: [StationInput] = []
        /// false: the network is down (connecting fails).
        var reachable = true

        mutating func send(_ frame: String) {
            frames += 1
            if let (id, action) = Loop.callHeader(frame), let answer = Loop.answer(id, action, now) {
                inbox.append(.received(answer))
            }
        }
        mutating func connect(_ plan: LinkPlan) {
            inbox.append(reachable ? .linkUp() : .linkDown(reason: "unreachable"))
        }
        mutating func disconnect(reason: String) { inbox.append(.linkDown(reason: reason)) }
        mutating func abort() -> Bool { false }
    }

    /// A store that keeps nothing and counts the changes.
    final class CountingStore: StationStore, @unchecked Sendable {
        var persisted = 0
        func load() throws -> DurableState { DurableState() }
        func apply(_ changes: [StoreChange]) throws { persisted += changes.count }
    }

    /// A minimal driver over the real driver loop: answers every CALL of the station at once.
    struct Loop {
        var driver: StationDriver
        var now: Timestamp
        var link = AnsweringLink()
        let store = CountingStore()
        var core: StationCore { driver.core }
        var wake: Timestamp? { driver.nextWakeUp }
        var frames: Int { link.frames }
        var persisted: Int { store.persisted }
        /// Time spent inside the driver and the station core, as opposed to this loop's
        /// central system.
        var engineNanoseconds: UInt64 = 0

        init(core: StationCore, now: Timestamp) {
            driver = StationDriver(core: core)
            self.now = now
        }

        mutating func handle(_ input: StationInput) {
            link.inbox.append(input)
            while !link.inbox.isEmpty {
                let next = link.inbox.removeFirst()
                link.now = now
                let begin = DispatchTime.now().uptimeNanoseconds
                _ = driver.handle(next, at: now, link: &link, store: store)
                engineNanoseconds += DispatchTime.now().uptimeNanoseconds - begin
            }
        }

        mutating func run(until end: Timestamp) {
            while let next = wake, next <= end {
                now = next
                handle(.tick)
            }
            now = end
        }

        /// The message id and action of a CALL, read from its start without parsing the
        /// payload: this central system's own cost should not count against the station.
        static func callHeader(_ text: String) -> (String, String)? {
            guard text.hasPrefix("[2,\"") else { return nil }
            let parts = text.split(separator: "\"", maxSplits: 4, omittingEmptySubsequences: false)
            guard parts.count >= 4 else { return nil }
            return (String(parts[1]), String(parts[3]))
        }

        static func answer(_ call: Frame.Call, _ now: Timestamp) -> String? {
            answer(call.messageId, call.action, now)
        }

        static func answer(_ id: String, _ action: String, _ now: Timestamp) -> String? {
            switch action {
            case "BootNotification":
                return #"[3,"\#(id)",{"status":"Accepted","currentTime":"\#(now.rfc3339)","interval":86400}]"#
            case "StartTransaction":
                return #"[3,"\#(id)",{"idTagInfo":{"status":"Accepted"},"transactionId":1}]"#
            case "Authorize", "StopTransaction":
                return #"[3,"\#(id)",{"idTagInfo":{"status":"Accepted"}}]"#
            case "Heartbeat":
                return #"[3,"\#(id)",{"currentTime":"\#(now.rfc3339)"}]"#
            default:
                return #"[3,"\#(id)",{}]"#
            }
        }
    }

    /// Issue 3: CPU time to simulate a 24-hour session with a sample every second, for
    /// the default profile (9 sampled values per MeterValues) and the JST-CON-03 (1).
    func dayLongSession() throws {
        try dayLongSession("default")
        try dayLongSession("jst-con-03")
    }

    func dayLongSession(_ name: String) throws {
        let profile = try Self.profile(name, sampleInterval: 1)
        let start = Self.start
        var ev = profile.ev
        ev.batteryWh = 10_000_000  // never full within the day
        var bigBattery = profile
        bigBattery.ev = ev
        var loop = try Self.loop(bigBattery)
        let before = Self.cpuSeconds()
        loop.handle(.powerOn)
        loop.handle(.command(.plug(connector: 1)))
        loop.handle(.command(.swipe(idTag: "04A1B2C3D4E5F6", connector: 1)))
        guard loop.core.snapshot.connectors[0].session != nil else {
            throw ProfileError(field: "", reason: "no session")
        }
        let seconds = Int(ProcessInfo.processInfo.environment["OCPP_BENCH_SESSION_SECONDS"] ?? "") ?? 86_400
        loop.run(until: start.adding(seconds: seconds))
        loop.handle(.command(.stop(connector: 1)))
        let cpu = Self.cpuSeconds() - before
        let values = profile.configuration["MeterValuesSampledData"]?.split(separator: ",").count ?? 1
        report("engine: 24 h at 1 s sampling, \(name) (\(values) measurands), total", cpu, "s CPU")
        report("engine:   of which inside the station core", Double(loop.engineNanoseconds) / 1e9, "s")
        report("engine:   per sample (measure, queue, send, answer, persist)", cpu / Double(seconds) * 1e6, "µs CPU")
    }

    /// Issue 3: the core's handling time of one incoming CALL, p50 and p99.
    func callHandling() throws {
        let profile = try Self.profile(sampleInterval: 60)
        var loop = try Self.loop(profile)
        loop.handle(.powerOn)
        let calls = [
            #"[2,"c%d","GetConfiguration",{"key":["HeartbeatInterval","MeterValuesSampledData"]}]"#,
            #"[2,"c%d","ChangeConfiguration",{"key":"HeartbeatInterval","value":"300"}]"#,
            #"[2,"c%d","RemoteStartTransaction",{"connectorId":1,"idTag":"04A1B2C3D4E5F6"}]"#,
            #"[2,"c%d","RemoteStopTransaction",{"transactionId":1}]"#,
            #"[2,"c%d","GetConfiguration",{}]"#,
            #"[2,"c%d","TriggerMessage",{"requestedMessage":"StatusNotification","connectorId":1}]"#,
        ]
        for (kind, (name, template)) in zip(
            [
                "GetConfiguration (2 keys)", "ChangeConfiguration", "RemoteStartTransaction",
                "RemoteStopTransaction", "GetConfiguration (all)", "TriggerMessage",
            ], calls
        ).enumerated() {
            var samples: [Double] = []
            for iteration in 0..<5000 {
                // A message id used once on the connection (OCPP-J §4.1.4): a repeated
                // one would be refused as a replay, not handled.
                let text = template.replacingOccurrences(of: "%d", with: "\(kind)-\(iteration)")
                let begin = DispatchTime.now().uptimeNanoseconds
                _ = loop.driver.handle(.received(text), at: loop.now, link: &loop.link, store: loop.store)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1000)
                // Finish what the call started (answers to the station's own calls).
                loop.handle(.tick)
            }
            samples.sort()
            let p50 = samples[samples.count / 2]
            let p99 = samples[samples.count * 99 / 100]
            print(
                "\("engine: \(name) handling".padding(toLength: 66, withPad: " ", startingAt: 0)) p50 \(String(format: "%.1f", p50)) µs, p99 \(String(format: "%.1f", p99)) µs"
            )
        }
    }
}
