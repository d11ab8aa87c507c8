import ChargePoint
import Testing

@testable import ChargePoint

/// MemoryExhaustion (security whitepaper §8): the durable transaction message queue
/// against the storage the profile budgets for it (`queue-capacity`).
@Suite("MemoryExhaustion (whitepaper §8)")
struct MemoryExhaustionTests {
    /// A booted station with the security extension whose queue holds `capacity`
    /// messages; offline, each `tamper` queues one SecurityEventNotification.
    static func station(capacity: Int = 20) throws -> StationHarness {
        var profile = TestProfiles.everything
        profile.queueCapacity = capacity
        return try StationHarness.booted(profile: profile)
    }

    static func raised(_ station: StationHarness) -> Int {
        station.store.securityLog.filter { $0.kind == .memoryExhaustion }.count
    }

    @Test("§8 MemoryExhaustion: the queue at 90 % of its capacity is a critical event, raised once per crossing")
    func highWaterMark_raisesOnce() throws {
        var station = try Self.station()
        station.command(.offline)
        for _ in 0..<17 { station.command(.tamper) }
        #expect(Self.raised(station) == 0)
        station.command(.tamper)
        #expect(Self.raised(station) == 1)
        #expect(station.store.messageQueue.contains { $0.payload.contains("MemoryExhaustion") })
        for _ in 0..<10 { station.command(.tamper) }
        #expect(Self.raised(station) == 1, "the queue stays full: no flood of events")
        #expect(station.store.messageQueue.count == 29, "nothing is dropped past the capacity")
    }

    @Test("§8 MemoryExhaustion: delivered once the link is back; raised again after the queue fell below 75 %")
    func drainedQueue_rearms() throws {
        var station = try Self.station()
        station.command(.offline)
        for _ in 0..<18 { station.command(.tamper) }
        station.command(.online)
        #expect(station.store.messageQueue.isEmpty)
        #expect(SecurityEventTests.notified(station).filter { $0 == "MemoryExhaustion" }.count == 1)
        station.command(.offline)
        for _ in 0..<18 { station.command(.tamper) }
        #expect(Self.raised(station) == 2)
    }

    @Test("§8 MemoryExhaustion: a restart with the queue still above the mark is no new crossing")
    func restartAboveTheMark_raisesNothingNew() throws {
        var station = try Self.station()
        station.command(.offline)
        for _ in 0..<18 { station.command(.tamper) }
        try station.powerCut()
        #expect(station.store.securityLog.last?.kind == .startupOfTheDevice)
        #expect(Self.raised(station) == 1)
        station.command(.online)
        #expect(SecurityEventTests.notified(station).filter { $0 == "MemoryExhaustion" }.count == 1)
    }

    @Test("§8 MemoryExhaustion: a queue that stays between 75 % and 90 % is not raised again")
    func hysteresis_betweenTheMarks() throws {
        var station = try Self.station()
        station.command(.offline)
        for _ in 0..<18 { station.command(.tamper) }
        // 19 queued (the event itself is the 19th); the central system takes 3 of them.
        station.csms.behaviour[.securityEventNotification] = .hold
        station.command(.online)
        for _ in 0..<3 { station.releaseHeld(.securityEventNotification) }
        #expect(station.store.messageQueue.count == 16)
        station.command(.offline)
        station.command(.tamper)
        station.command(.tamper)
        #expect(Self.raised(station) == 1)
    }
}
