import ChargePoint
import Testing

/// A power cut at any instant, and what the next start finds (OCPP 1.6 §4.2.1, §3.7;
/// OCTT TC_032, TC_034).
@Suite("Power loss")
struct PowerLossTests {
    @Test func powerCutDuringTransaction_stopsItWithPowerLoss_afterTheBoot() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.advance(seconds: 1800)
        try station.powerCut(restartAfter: 120)
        let stop = try #require(station.lastRequest(StopTransactionRequest.self))
        #expect(stop.reason == .powerLoss)
        #expect(stop.transactionId == 1)
        // Stamped at the last moment the station was alive, with the energy it had saved.
        #expect(stop.timestamp.rfc3339 == "2026-11-24T10:30:00.000Z")
        #expect(stop.meterStop == 5500)
        // The EV is still plugged in: Finishing.
        #expect(station.status(1) == .finishing)
        let boot = try #require(station.sent.lastIndex { $0.contains("BootNotification") })
        let stopIndex = try #require(station.sent.lastIndex { $0.contains("StopTransaction") })
        #expect(boot < stopIndex)
    }

    /// The reproduction: ten seconds into a session the register had moved, but
    /// the PowerLoss stop carried meterStop 0 and the start time (nothing was saved
    /// between the start and the 30 s checkpoint).
    @Test func powerCut_secondsIntoASession_stopsWithTheRegisterOfTheLastSecond_OCPP16_4_10() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        let started = station.now
        station.advance(seconds: 10.6)
        let shown = station.core.snapshot(at: station.now).connectors[0]
        try station.powerCut(restartAfter: 3)
        let stop = try #require(station.lastRequest(StopTransactionRequest.self))
        #expect(stop.reason == .powerLoss)
        // Saved every second: at most one second of energy behind what was shown.
        #expect(Double(stop.meterStop) >= shown.meterWh - shown.powerW / 3600 - 1)
        #expect(stop.meterStop > 0)
        let lag = stop.timestamp.milliseconds(until: started.adding(milliseconds: 10_600))
        #expect(lag >= 0 && lag <= 1000, "stamped \(stop.timestamp)")
        // The next session on the connector starts from there, not from a lower register.
        station.command(.unplug(connector: 1))
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        let next = try #require(station.lastRequest(StartTransactionRequest.self))
        #expect(next.meterStart == stop.meterStop)
    }

    /// Energy stopped flowing long before the cut (the EV suspended): the register is
    /// right, and the stop is still stamped within a second of the cut, not when the
    /// power last changed.
    @Test func powerCut_afterALongSuspension_isStampedWithinASecondOfTheCut() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.advance(seconds: 60)
        station.command(.evSuspend(connector: 1))
        let energy = station.core.snapshot(at: station.now).connectors[0].meterWh
        station.advance(seconds: 3600.5)
        let cut = station.now
        try station.powerCut(restartAfter: 10)
        let stop = try #require(station.lastRequest(StopTransactionRequest.self))
        #expect(stop.meterStop == Int((energy + 0.001).rounded(.down)))
        let lag = stop.timestamp.milliseconds(until: cut)
        #expect(lag >= 0 && lag <= 1000, "stamped \(stop.timestamp), cut at \(cut)")
    }

    @Test func powerCut_withResumeProfile_keepsTheTransactionRunning() throws {
        var profile = TestProfiles.twoConnectors
        profile.powerLoss = .resume
        var station = try StationHarness.booted(profile: profile)
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        try station.powerCut()
        #expect(station.sentCalls(.stopTransaction).isEmpty)
        #expect(station.status(1) == .charging)
        station.command(.swipe(idTag: "TAG1", connector: 1))
        #expect(station.lastRequest(StopTransactionRequest.self)?.transactionId == 1)
    }

    @Test func powerCut_whileOffline_deliversEverythingAfterwards_exactlyOnce() throws {
        var station = try StationHarness.booted()
        station.command(.swipe(idTag: "TAG1", connector: 1))
        station.command(.swipe(idTag: "TAG1", connector: 1))
        station.command(.offline)
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.advance(seconds: 60)
        try station.powerCut()
        // `offline` is the network's state: the power coming back does not restore it.
        #expect(station.sentCalls(.startTransaction).isEmpty)
        #expect(station.snapshot.heldOffline)
        station.command(.online)
        #expect(station.sentCalls(.startTransaction).count == 1)
        #expect(station.sentCalls(.stopTransaction).count == 1)
        #expect(station.lastRequest(StopTransactionRequest.self)?.reason == .powerLoss)
        try station.powerCut()
        #expect(station.sentCalls(.startTransaction).count == 1)
        #expect(station.sentCalls(.stopTransaction).count == 1)
    }

    @Test func theStoreAlwaysMatchesTheCore() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.advance(seconds: 100)
        _ = station.csmsRequest(ChangeConfigurationRequest(key: "HeartbeatInterval", value: "77"))
        var expected = station.core.durableState
        var stored = station.store
        stored.lastActivity = nil
        expected.lastActivity = nil
        // The store keeps the connector records it was sent; the core has them all.
        stored.connectors.sort { $0.id < $1.id }
        expected.connectors = expected.connectors.filter { record in stored.connectors.contains { $0.id == record.id } }
        #expect(stored == expected)
    }
}
