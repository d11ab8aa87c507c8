import Foundation
import Testing

@testable import ChargePoint

/// One station's behaviour generator (issue 15), input by input on a manual clock: what
/// it does and when, and that the same seed does the same.
@Suite("Station behaviour")
struct StationBehaviourTests {
    static let start = Timestamp(millisecondsSince1970: 1_000_000)

    /// Exact numbers: a 60-minute stay, 5.5 kWh at 11 kW (the profile's EV on the 22 kW
    /// socket: half an hour), a swipe 20 s after the plug, a leave 60 s after the stop.
    static func exact(remoteShare: Double = 0) -> FleetBehaviour {
        FleetBehaviour(
            arrivalsPerHour: 1, stayMinutes: .fixed(60), energyKWh: .fixed(5.5), swipeDelaySeconds: .fixed(20),
            leaveDelaySeconds: .fixed(60), remoteStartShare: remoteShare, remoteStartTimeoutSeconds: 90,
            idTags: ["TAG1"])
    }

    static func available(_ behaviour: inout StationBehaviour, at time: Timestamp) {
        behaviour.observe(
            [1, 2].map { .connector(id: $0, status: .available, errorCode: .noError, info: nil) }, at: time)
    }

    /// Runs `behaviour` until `end`, answering each step as `station` says; the steps with
    /// their times.
    static func run(
        _ behaviour: inout StationBehaviour, until end: Timestamp,
        station: (StationBehaviour.Step, Timestamp) -> [StationEvent] = { _, _ in [] }
    ) -> [(Timestamp, StationBehaviour.Step)] {
        var steps: [(Timestamp, StationBehaviour.Step)] = []
        while let wake = behaviour.nextWakeUp, wake <= end {
            for step in behaviour.due(at: wake) {
                steps.append((wake, step))
                behaviour.observe(station(step, wake), at: wake)
            }
        }
        return steps
    }

    @Test func aStationsGenerator_takesUnderAKilobyte() {
        // Inline, plus its connectors (each with an EV's visit) on the heap.
        let bytes =
            MemoryLayout<StationBehaviour>.stride + 2 * MemoryLayout<StationBehaviour.Bay>.stride
        #expect(bytes < 1024, "\(bytes) bytes")
    }

    @Test func withoutRates_theStationIdles() {
        var behaviour = StationBehaviour(
            plan: FleetBehaviour(), profile: TestProfiles.twoConnectors, seed: 1, now: Self.start)
        Self.available(&behaviour, at: Self.start)
        #expect(behaviour.nextWakeUp == nil)
        #expect(behaviour.due(at: Self.start.adding(seconds: 86_400 * 365)).isEmpty)
    }

    @Test func swipeSession_plugSwipeFullStopUnplug_atTheirTimes() throws {
        var behaviour = StationBehaviour(plan: Self.exact(), profile: TestProfiles.oneSocket, seed: 7, now: Self.start)
        behaviour.observe([.connector(id: 1, status: .available, errorCode: .noError, info: nil)], at: Self.start)
        let arrival = try #require(behaviour.nextWakeUp)
        let plug = behaviour.due(at: arrival)
        #expect(plug == [.init(command: .plug(connector: 1), why: "an EV arrives for 60 min")])
        #expect(behaviour.nextWakeUp == arrival.adding(seconds: 20))
        let swipe = behaviour.due(at: arrival.adding(seconds: 20))
        #expect(swipe.map(\.command) == [.swipe(idTag: "TAG1", connector: 1)])
        #expect(swipe.map(\.line) == ["swipe TAG1 1"])
        let started = arrival.adding(seconds: 22)
        behaviour.observe(
            [.transaction(TransactionEvent(kind: .started, connector: 1, transactionId: nil, idTag: "TAG1"))],
            at: started)
        // 5.5 kWh at 11 kW: half an hour.
        #expect(behaviour.nextWakeUp == started.adding(seconds: 1800))
        #expect(behaviour.due(at: started.adding(seconds: 1800)).map(\.command) == [.evSuspend(connector: 1)])
        // The stay is counted from the plug.
        let back = arrival.adding(seconds: 3600)
        #expect(behaviour.due(at: back).map(\.command) == [.stop(connector: 1)])
        behaviour.observe(
            [
                .transaction(
                    TransactionEvent(kind: .stopped, connector: 1, transactionId: 5, idTag: "TAG1", reason: .local))
            ],
            at: back)
        #expect(behaviour.due(at: back.adding(seconds: 60)).map(\.command) == [.unplug(connector: 1)])
    }

    @Test func remoteStart_noSwipeWhenTheCentralSystemStartsIt() throws {
        var behaviour = StationBehaviour(
            plan: Self.exact(remoteShare: 1), profile: TestProfiles.oneSocket, seed: 7, now: Self.start)
        behaviour.observe([.connector(id: 1, status: .available, errorCode: .noError, info: nil)], at: Self.start)
        let arrival = try #require(behaviour.nextWakeUp)
        let plug = behaviour.due(at: arrival)
        #expect(plug.first?.why.contains("a remote start is awaited for 90 s") == true)
        #expect(behaviour.nextWakeUp == arrival.adding(seconds: 90))
        behaviour.observe(
            [.transaction(TransactionEvent(kind: .started, connector: 1, transactionId: nil, idTag: "APP"))],
            at: arrival.adding(seconds: 30))
        #expect(behaviour.due(at: arrival.adding(seconds: 90)).isEmpty)
    }

    @Test func remoteStart_withoutOne_theDriverSwipesAtTheTimeout() throws {
        var behaviour = StationBehaviour(
            plan: Self.exact(remoteShare: 1), profile: TestProfiles.oneSocket, seed: 7, now: Self.start)
        behaviour.observe([.connector(id: 1, status: .available, errorCode: .noError, info: nil)], at: Self.start)
        let arrival = try #require(behaviour.nextWakeUp)
        _ = behaviour.due(at: arrival)
        #expect(behaviour.due(at: arrival.adding(seconds: 89)).isEmpty)
        let fallback = behaviour.due(at: arrival.adding(seconds: 90))
        #expect(
            fallback == [
                .init(
                    command: .swipe(idTag: "TAG1", connector: 1), why: "no remote start came: the driver swipes a card")
            ])
    }

    @Test func noTransaction_theEVLeavesWhenItsDriverIsBack() throws {
        var behaviour = StationBehaviour(plan: Self.exact(), profile: TestProfiles.oneSocket, seed: 7, now: Self.start)
        behaviour.observe([.connector(id: 1, status: .available, errorCode: .noError, info: nil)], at: Self.start)
        let arrival = try #require(behaviour.nextWakeUp)
        _ = behaviour.due(at: arrival)
        _ = behaviour.due(at: arrival.adding(seconds: 20))  // swiped, refused: nothing started
        #expect(behaviour.due(at: arrival.adding(seconds: 3600)).map(\.command) == [.unplug(connector: 1)])
    }

    @Test func everyConnectorBusy_theEVDrivesOn() throws {
        var behaviour = StationBehaviour(plan: Self.exact(), profile: TestProfiles.oneSocket, seed: 7, now: Self.start)
        behaviour.observe([.connector(id: 1, status: .charging, errorCode: .noError, info: nil)], at: Self.start)
        let arrival = try #require(behaviour.nextWakeUp)
        #expect(behaviour.due(at: arrival).isEmpty)
        #expect(behaviour.turnedAway == 1)
    }

    @Test func faultsAndOfflinePeriods_endAfterTheirLength() {
        let plan = FleetBehaviour(
            faultsPerDay: 24, faultMinutes: .fixed(10), faultCodes: [.groundFailure], offlinePerDay: 24,
            offlineMinutes: .fixed(5))
        var behaviour = StationBehaviour(plan: plan, profile: TestProfiles.oneSocket, seed: 11, now: Self.start)
        let steps = Self.run(&behaviour, until: Self.start.adding(seconds: 86_400 * 10))
        let faults = steps.filter { if case .fault = $0.1.command { true } else { false } }
        let clears = steps.filter { $0.1.command == .clear(connector: 1) }
        let offline = steps.filter { $0.1.command == .offline }
        let online = steps.filter { $0.1.command == .online }
        // About 24 a day, fewer where one was still running (it is not raised twice).
        #expect((150...240).contains(faults.count), "\(faults.count) faults")
        #expect((150...240).contains(offline.count), "\(offline.count) offline periods")
        #expect(clears.count >= faults.count - 1 && online.count >= offline.count - 1)
        for (time, step) in faults {
            #expect(step.command == .fault(connector: 1, code: .groundFailure, info: nil))
            #expect(clears.contains { $0.0 == time.adding(seconds: 600) })
        }
        for (time, _) in offline { #expect(online.contains { $0.0 == time.adding(seconds: 300) }) }
    }

    @Test func arrivals_areAPoissonProcessOfTheGivenRate() {
        var plan = Self.exact()
        plan.arrivalsPerHour = 2
        var behaviour = StationBehaviour(plan: plan, profile: TestProfiles.twoConnectors, seed: 21, now: Self.start)
        Self.available(&behaviour, at: Self.start)
        // Every EV finds a free connector: the station reports it Available again at once.
        var arrivals = 0
        _ = Self.run(&behaviour, until: Self.start.adding(seconds: 3600 * 1000)) { step, _ in
            switch step.command {
            case .plug(let id):
                arrivals += 1
                return [.connector(id: id, status: .available, errorCode: .noError, info: nil)]
            default: return []
            }
        }
        #expect(abs(Double(arrivals + behaviour.turnedAway) - 2000) < 100, "\(arrivals) arrivals")
    }

    @Test func sameSeed_sameRun_otherSeed_otherRun() {
        func steps(seed: UInt64) -> [String] {
            var plan = Self.exact(remoteShare: 0.5)
            plan.stayMinutes = .logNormal(mean: 60, spread: 40, min: 5, max: 600)
            plan.faultsPerDay = 2
            plan.offlinePerDay = 2
            plan.idTags = ["A", "B", "C"]
            var behaviour = StationBehaviour(
                plan: plan, profile: TestProfiles.twoConnectors, seed: seed, now: Self.start)
            Self.available(&behaviour, at: Self.start)
            return Self.run(&behaviour, until: Self.start.adding(seconds: 86_400)).map { "\($0.0) \($0.1.line)" }
        }
        #expect(steps(seed: 15) == steps(seed: 15))
        #expect(steps(seed: 15) != steps(seed: 16))
        #expect(steps(seed: 15).count > 20)
    }
}
