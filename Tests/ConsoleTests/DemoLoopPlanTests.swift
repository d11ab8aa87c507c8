import ChargePoint
import Testing

@testable import Console

/// The trade-show loop reacts to what the station really does, one step at a time.
@Suite("Demo loop")
struct DemoLoopPlanTests {
    typealias Station = DemoLoopPlan.Station
    let start = Timestamp(millisecondsSince1970: 1_800_000_000_000)
    let timing = DemoLoopPlan.Timing(
        idleSeconds: 5, plugToStartSeconds: 2, chargeSeconds: 30, stopToUnplugSeconds: 3, patienceSeconds: 20)

    func station(_ connectors: [Station.Connector], connected: Bool = true) -> Station {
        Station(connected: connected, connectors: connectors)
    }

    func idle(_ id: Int) -> Station.Connector {
        .init(id: id, status: .available, evConnected: false, inSession: false)
    }

    func at(_ seconds: Int64) -> Timestamp { start.adding(milliseconds: seconds * 1000) }

    @Test func fullCycle_onOneConnector_thenTheNext() {
        var plan = DemoLoopPlan(startingAt: start, timing: timing)
        var connectors = [idle(1), idle(2)]
        #expect(plan.next(station(connectors), at: at(4)) == nil)
        #expect(plan.next(station(connectors), at: at(5)) == .plug(connector: 1))
        connectors[0] = .init(id: 1, status: .preparing, evConnected: true, inSession: false)
        #expect(plan.next(station(connectors), at: at(6)) == nil)
        #expect(plan.next(station(connectors), at: at(7)) == .remoteStart(connector: 1))
        connectors[0] = .init(id: 1, status: .charging, evConnected: true, inSession: true)
        #expect(plan.next(station(connectors), at: at(8)) == nil)  // charging since 8
        #expect(plan.next(station(connectors), at: at(37)) == nil)
        #expect(plan.next(station(connectors), at: at(38)) == .remoteStop(connector: 1))
        connectors[0] = .init(id: 1, status: .finishing, evConnected: true, inSession: false)
        #expect(plan.next(station(connectors), at: at(40)) == nil)
        #expect(plan.next(station(connectors), at: at(41)) == .unplug(connector: 1))
        connectors[0] = idle(1)
        #expect(plan.next(station(connectors), at: at(46)) == .plug(connector: 2))
    }

    @Test func refusedStart_givesUpAfterThePatience_andUnplugs() {
        var plan = DemoLoopPlan(startingAt: start, timing: timing)
        let plugged = [Station.Connector(id: 1, status: .preparing, evConnected: true, inSession: false)]
        #expect(plan.next(station([idle(1)]), at: at(5)) == .plug(connector: 1))
        #expect(plan.next(station(plugged), at: at(7)) == .remoteStart(connector: 1))
        #expect(plan.next(station(plugged), at: at(26)) == nil)
        #expect(plan.next(station(plugged), at: at(27)) == .unplug(connector: 1))
    }

    @Test func sessionStoppedByHand_leavesAtOnce() {
        var plan = DemoLoopPlan(startingAt: start, timing: timing)
        #expect(plan.next(station([idle(1)]), at: at(5)) == .plug(connector: 1))
        let charging = [Station.Connector(id: 1, status: .charging, evConnected: true, inSession: true)]
        #expect(plan.next(station(charging), at: at(7)) == .remoteStart(connector: 1))
        #expect(plan.next(station(charging), at: at(8)) == nil)
        let stopped = [Station.Connector(id: 1, status: .finishing, evConnected: true, inSession: false)]
        #expect(plan.next(station(stopped), at: at(9)) == .unplug(connector: 1))
    }

    @Test func busyOrOfflineConnectors_areSkipped() {
        var plan = DemoLoopPlan(startingAt: start, timing: timing)
        let faulted = Station.Connector(id: 1, status: .faulted, evConnected: false, inSession: false)
        #expect(plan.next(station([faulted, idle(2)]), at: at(5)) == nil)
        #expect(plan.next(station([faulted, idle(2)]), at: at(10)) == .plug(connector: 2))
        var offline = DemoLoopPlan(startingAt: start, timing: timing)
        #expect(offline.next(station([idle(1)], connected: false), at: at(5)) == nil)
    }

    /// Runs ordinary rounds on connector 1 until the next one to begin is the third.
    func afterTwoRounds(_ plan: inout DemoLoopPlan) -> Timestamp {
        var now = start
        for _ in 0..<2 {
            now = now.adding(milliseconds: timing.idleSeconds * 1000)
            #expect(plan.next(station([idle(1)]), at: now) == .plug(connector: 1))
            let plugged = [Station.Connector(id: 1, status: .preparing, evConnected: true, inSession: false)]
            #expect(plan.next(station(plugged), at: now.adding(milliseconds: 2000)) == .remoteStart(connector: 1))
            // Refused: the loop gives up after its patience and the EV leaves.
            now = now.adding(milliseconds: 22_000)
            #expect(plan.next(station(plugged), at: now) == .unplug(connector: 1))
        }
        return now
    }

    let charging = [Station.Connector(id: 1, status: .charging, evConnected: true, inSession: true)]
    let finishing = [Station.Connector(id: 1, status: .finishing, evConnected: true, inSession: false)]

    /// Two ordinary rounds, then the showcase's reservation, the EV, the reserved card
    /// swiped; the session charges from 8 s after the returned time.
    func showcaseCharging(_ plan: inout DemoLoopPlan) -> Timestamp {
        let now = afterTwoRounds(&plan).adding(milliseconds: timing.idleSeconds * 1000)
        func later(_ seconds: Int64) -> Timestamp { now.adding(milliseconds: seconds * 1000) }
        #expect(plan.next(station([idle(1)]), at: now) == .reserve(connector: 1))
        let reserved = [Station.Connector(id: 1, status: .reserved, evConnected: false, inSession: false)]
        #expect(plan.next(station(reserved), at: later(4)) == nil)
        #expect(plan.next(station(reserved), at: later(5)) == .plug(connector: 1))
        let plugged = [Station.Connector(id: 1, status: .preparing, evConnected: true, inSession: false)]
        #expect(plan.next(station(plugged), at: later(7)) == .swipe(connector: 1), "the reserved card, not a remote start")
        #expect(plan.next(station(charging), at: later(8)) == nil)  // charging since 8
        return now
    }

    @Test("issue 14 §3: one round in three reserves, swipes the reserved card, limits the station, triggers")
    func everyThirdRound_showsReservationLimitAndTrigger() {
        var plan = DemoLoopPlan(startingAt: start, timing: timing)
        let now = showcaseCharging(&plan)
        func later(_ seconds: Int64) -> Timestamp { now.adding(milliseconds: seconds * 1000) }
        #expect(plan.next(station(charging), at: later(17)) == nil)
        #expect(plan.next(station(charging), at: later(18)) == .stationLimit)  // a third of 30 s
        #expect(plan.next(station(charging), at: later(22)) == nil)
        #expect(plan.next(station(charging), at: later(23)) == .trigger(connector: 1))  // halfway
        #expect(plan.next(station(charging), at: later(38)) == .remoteStop(connector: 1))
        #expect(plan.next(station(finishing), at: later(39)) == .clearLimits)
        #expect(plan.next(station(finishing), at: later(41)) == .unplug(connector: 1))
        // The next round is an ordinary one again.
        #expect(plan.next(station([idle(1)]), at: later(46)) == .plug(connector: 1))
    }

    @Test("issue 14 §3: a refused reservation makes the showcase an ordinary round")
    func refusedReservation_fallsBackToAnOrdinaryRound() {
        var plan = DemoLoopPlan(startingAt: start, timing: timing)
        let now = afterTwoRounds(&plan).adding(milliseconds: timing.idleSeconds * 1000)
        #expect(plan.next(station([idle(1)]), at: now) == .reserve(connector: 1))
        #expect(plan.next(station([idle(1)]), at: now.adding(milliseconds: 5000)) == .plug(connector: 1))
        let plugged = [Station.Connector(id: 1, status: .preparing, evConnected: true, inSession: false)]
        #expect(plan.next(station(plugged), at: now.adding(milliseconds: 7000)) == .remoteStart(connector: 1))
    }

    @Test("issue 14 §3: a showcase session stopped by hand takes the limit back before the EV leaves")
    func showcaseStoppedByHand_clearsTheLimitFirst() {
        var plan = DemoLoopPlan(startingAt: start, timing: timing)
        let now = showcaseCharging(&plan)
        func later(_ seconds: Int64) -> Timestamp { now.adding(milliseconds: seconds * 1000) }
        #expect(plan.next(station(charging), at: later(18)) == .stationLimit)
        #expect(plan.next(station(finishing), at: later(19)) == .clearLimits)
        #expect(plan.next(station(finishing), at: later(20)) == .unplug(connector: 1))
    }
}
