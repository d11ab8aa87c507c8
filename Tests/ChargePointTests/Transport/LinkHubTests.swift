import DemoCentralSystem
import Foundation
import Testing

@testable import ChargePoint
@testable import ChargePointRuntime

/// Issue 15: one libwebsockets context and one service thread carry many stations'
/// connections (`LinkHub`); the pace of openings (`--ramp`) spaces them evenly.
@Suite("Link hub")
struct LinkHubTests {
    @Test func pace_spacesOpeningsEvenly_andSavesNoBurstWhileIdle() {
        var pace = OpeningPace(perSecond: 50)
        #expect(pace.take(at: 0) == nil)
        #expect(pace.take(at: 0) == 20)
        #expect(pace.take(at: 19) == 1)
        #expect(pace.take(at: 20) == nil)
        // Idle for a second: the next goes at once, the one after waits its 20 ms.
        #expect(pace.take(at: 1000) == nil)
        #expect(pace.take(at: 1000) == 20)
    }

    @Test func pace_aboveAThousandASecond_opensSeveralInOneMillisecond() {
        var pace = OpeningPace(perSecond: 4000)
        var opened = 0
        while pace.take(at: 7) == nil { opened += 1 }
        #expect(opened == 4)
    }

    /// What the connections reported, from the hub's thread (asserted on the test's own).
    final class Reports: @unchecked Sendable {
        private let condition = NSCondition()
        private var connected = Set<Int>()
        private var closed = Set<Int>()
        private(set) var onTheHubsThread = true
        private var threads = Set<ObjectIdentifier>()
        /// Each connection's events in a word each, in order.
        private var sequences: [Int: [String]] = [:]

        static func word(_ event: LinkEvent) -> String {
            switch event {
            case .connected: "connected"
            case .disconnected: "disconnected"
            case .received: "received"
            case .waiting: "waiting"
            case .opening: "opening"
            }
        }

        func sequence(_ station: Int) -> [String] { condition.withLock { sequences[station] ?? [] } }

        func record(_ station: Int, _ event: LinkEvent, onHub: Bool) {
            condition.withLock {
                if !onHub { onTheHubsThread = false }
                threads.insert(ObjectIdentifier(Thread.current))
                sequences[station, default: []].append(Self.word(event))
                switch event {
                case .connected: connected.insert(station)
                case .disconnected: closed.insert(station)
                case .received, .waiting, .opening: break
                }
                condition.broadcast()
            }
        }

        func wait(until done: (_ connected: Int, _ closed: Int) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(10)
            return condition.withLock {
                while !done(connected.count, closed.count) {
                    if !condition.wait(until: deadline) { return false }
                }
                return true
            }
        }

        var threadCount: Int { condition.withLock { threads.count } }
    }

    /// The demo central system (stop it) and a started hub opening `perSecond` a second.
    private func demoAndHub(perSecond: Double) throws -> (server: DemoServer, url: String, hub: LinkHub) {
        let server = DemoServer(cards: [])
        let url = try server.start()
        let hub = LinkHub(openingsPerSecond: perSecond, fileDescriptorLimit: 0)
        try hub.start()
        return (server, url, hub)
    }

    @Test func oneHub_carriesTwentyStations_onItsOneThread() throws {
        let (server, url, hub) = try demoAndHub(perSecond: 500)
        defer { server.stop() }
        let reports = Reports()
        let stations = (1...20).map { number in
            WebSocketClient(hub: hub) { [hub] event in reports.record(number, event, onHub: hub.isServiceThread) }
        }
        for (index, station) in stations.enumerated() {
            let id = "HUB-\(index + 1)"
            station.connect(LinkSettings(endpoint: try Endpoint(url: url, stationId: id), stationId: id))
        }
        #expect(reports.wait { connected, _ in connected == 20 })
        for station in stations { station.beginClosing() }
        let deadline = Date().addingTimeInterval(5)
        #expect(stations.allSatisfy { $0.waitUntilClosed(before: deadline) })
        #expect(reports.wait { _, closed in closed == 20 })
        hub.stop()
        #expect(reports.onTheHubsThread)
        #expect(reports.threadCount == 1)
    }

    /// Issue 15 §3: connections held back by the pace are told so once, then told when
    /// their turn comes; the first, opened at once, never waits.
    @Test func pacedConnections_sayTheyWait_thenOpen() throws {
        let (server, url, hub) = try demoAndHub(perSecond: 20)
        defer { server.stop() }
        let reports = Reports()
        let stations = (1...4).map { number in
            WebSocketClient(hub: hub) { event in reports.record(number, event, onHub: true) }
        }
        for (index, station) in stations.enumerated() {
            let id = "PACE-\(index + 1)"
            station.connect(LinkSettings(endpoint: try Endpoint(url: url, stationId: id), stationId: id))
        }
        #expect(reports.wait { connected, _ in connected == 4 })
        #expect(reports.sequence(1) == ["connected"])
        for station in 2...4 { #expect(reports.sequence(station) == ["waiting", "opening", "connected"]) }
        for station in stations { station.beginClosing() }
        let deadline = Date().addingTimeInterval(5)
        #expect(stations.allSatisfy { $0.waitUntilClosed(before: deadline) })
        hub.stop()
    }

    /// Two stations' runners on one hub: both boot against the demo central system, each
    /// core on the hub's thread, and quit together.
    @Test func twoStationRunners_onOneHub_bootAndQuitTogether() throws {
        let (server, url, hub) = try demoAndHub(perSecond: 100)
        defer { server.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hub-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let onHub = Reports()
        let runners = try ["HUB-A", "HUB-B"].enumerated().map { index, id in
            let path = directory + "/\(id).sqlite"
            let configuration = StationRunner.Configuration(
                profile: TestProfiles.oneSocket, databasePath: path, stationId: id,
                endpoint: try Endpoint(url: url, stationId: id))
            return try StationRunner(
                configuration: configuration, store: try SQLiteStore(path: path),
                onEvents: { [hub] events in
                    for case .connection(let state, _) in events where state == .connected {
                        onHub.record(index, .connected(server: nil), onHub: hub.isServiceThread)
                    }
                },
                onFailure: { _ in })
        }
        for runner in runners { try runner.start(on: hub) }
        #expect(runners.allSatisfy { $0.waitUntilOnline(milliseconds: 10_000) })
        for runner in runners { runner.beginShutdown() }
        let deadline = Date().addingTimeInterval(2)
        for runner in runners { runner.finishShutdown(before: deadline) }
        hub.stop()
        #expect(onHub.wait { connected, _ in connected == 2 })
        #expect(onHub.onTheHubsThread && onHub.threadCount == 1)
    }
}
