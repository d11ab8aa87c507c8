@testable import ChargePoint
import Testing

/// Time: the central system's clock adjustments and steps of the host's wall clock
/// (issue "Nothing lost at a power cut" §8; OCPP 1.6 §4.2, §4.6, §3.16; StationClock.swift).
/// Deadlines run on the station's monotonic clock; only the timestamps sent follow the
/// wall clock, and within a transaction they never go backwards.
@Suite("Clock")
struct ClockTests {
    /// Connector 1 charging at 11 kW (the default AC EV), samples every 60 s.
    static func charging(_ configuration: [String: String] = [:]) throws -> StationHarness {
        var base = ["MeterValueSampleInterval": "60"]
        base.merge(configuration) { $1 }
        var station = try StationHarness.booted(configuration: base)
        // The boot's interval (300 s) is longer than the samples' 60 s: heartbeats only
        // go out (and bring the central system's time) with a shorter one.
        _ = station.csmsRequest(ChangeConfigurationRequest(key: "HeartbeatInterval", value: "30"))
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        return station
    }

    /// Timestamp and energy of every message of the transaction, in the order sent.
    static func transactionTimeline(_ station: StationHarness) -> [(action: String, time: Timestamp, energyWh: Int)] {
        var timeline: [(String, Timestamp, Int)] = []
        for call in station.csms.received {
            switch call.action {
            case .startTransaction:
                if let start = try? PayloadDecoder.decode(StartTransactionRequest.self, from: call.payload) {
                    timeline.append(("StartTransaction", start.timestamp, start.meterStart))
                }
            case .meterValues:
                guard let request = try? PayloadDecoder.decode(MeterValuesRequest.self, from: call.payload),
                    request.transactionId != nil
                else { continue }
                for value in request.meterValue.elements {
                    let energy = value.sampledValue.elements.first { $0.measurand == nil || $0.measurand == .energyActiveImportRegister }
                    timeline.append(("MeterValues", value.timestamp, energy.flatMap { Int($0.value) } ?? -1))
                }
            case .stopTransaction:
                if let stop = try? PayloadDecoder.decode(StopTransactionRequest.self, from: call.payload) {
                    timeline.append(("StopTransaction", stop.timestamp, stop.meterStop))
                }
            default:
                continue
            }
        }
        return timeline
    }

    static func expectNeverBackwards(_ station: StationHarness, sourceLocation: SourceLocation = #_sourceLocation) {
        let timeline = transactionTimeline(station)
        for (earlier, later) in zip(timeline, timeline.dropFirst()) {
            #expect(
                earlier.time <= later.time,
                "\(later.action) stamped \(later.time), before the \(earlier.action) of \(earlier.time)",
                sourceLocation: sourceLocation)
            #expect(earlier.energyWh <= later.energyWh, sourceLocation: sourceLocation)
        }
    }

    /// The reproduction: the CSMS answers a heartbeat 0.3 s behind; the first
    /// sample was stamped at the transaction's start with energy above meterStart.
    @Test func csmsMovesTheClockBackALittle_samplesAreStampedWhenRead_OCPP16_4_6() throws {
        var station = try Self.charging()
        station.csms.clockSkew = -300
        station.advance(seconds: 150)
        station.command(.stop(connector: 1))
        Self.expectNeverBackwards(station)
        let timeline = Self.transactionTimeline(station)
        let start = try #require(timeline.first)
        for sample in timeline where sample.action == "MeterValues" {
            // 11 kW: the energy matches the moment it is stamped with (±1 Wh, ±0.3 s).
            let seconds = Double(start.time.milliseconds(until: sample.time)) / 1000
            #expect(sample.time > start.time)
            #expect(abs(Double(sample.energyWh) - seconds * 11_000 / 3600) <= 2, "\(sample)")
        }
    }

    /// Issue 12 review: a central system a few ms behind (its time on the way, its
    /// rounding) leaves the clock where it is: no CALL is stamped before the answer that
    /// caused it. A second or more still moves it.
    @Test func aCorrectionUnderASecond_leavesTheClock_OCPP16_4_2() throws {
        var station = try StationHarness.booted()
        _ = station.csmsRequest(ChangeConfigurationRequest(key: "HeartbeatInterval", value: "30"))
        station.advance(seconds: 31)
        func offset() -> Int64 { station.core.now.milliseconds(until: station.core.wallClock) }
        let before = offset()
        station.csms.clockSkew = -3
        station.advance(seconds: 31)
        #expect(offset() == before)
        station.csms.clockSkew = -1500
        station.advance(seconds: 31)
        #expect(offset() == before - 1500)
    }

    /// Issue 11 review: a station whose central system is two hours ahead of the host
    /// keeps that time through a reset and a power cut (its clock has a battery): no
    /// SettingSystemTime back and forth at every reboot (whitepaper §8).
    @Test(arguments: [ResetType.soft, .hard])
    func theCentralSystemsTime_survivesAReboot(_ type: ResetType) throws {
        var station = try StationHarness.booted()
        station.csms.clockSkew = 7_200_000
        _ = station.csmsRequest(ChangeConfigurationRequest(key: "HeartbeatInterval", value: "30"))
        station.advance(seconds: 31)
        station.clearHistory()
        _ = station.csmsRequest(ResetRequest(type: type))
        station.advance(seconds: 120)
        try station.powerCut()
        station.advance(seconds: 60)
        #expect(!station.notices.contains { $0.hasPrefix("the clock moved") }, "\(station.notices)")
    }

    /// An hour back during a session: the StopTransaction was stamped an hour before its
    /// StartTransaction. The correction waits until no transaction runs.
    @Test func csmsMovesTheClockBackAnHour_duringASession_waitsUntilItEnds_OCPP16_4_6() throws {
        var station = try Self.charging()
        station.advance(seconds: 90)
        station.csms.clockSkew = -3_600_000
        station.advance(seconds: 600)  // heartbeats answered an hour behind
        station.command(.stop(connector: 1))
        Self.expectNeverBackwards(station)
        let stop = try #require(station.lastRequest(StopTransactionRequest.self))
        #expect(stop.timestamp == StationHarness.start.adding(seconds: 690))
        // Once nothing runs, the station takes the central system's time.
        station.command(.unplug(connector: 1))
        let status = try #require(station.lastRequest(StatusNotificationRequest.self))
        #expect(status.timestamp == StationHarness.start.adding(seconds: 690 - 3600))
        #expect(station.notices.contains { $0.contains("clock moved back by 60.0 min") })
    }

    /// An hour forward during a session: applied at once; the schedule goes on from
    /// where it was (no burst of samples for the hour skipped, no energy added).
    @Test func csmsMovesTheClockForwardAnHour_samplesFollowTheNewTime_withoutABurst_OCPP16_4_6() throws {
        var station = try Self.charging()
        station.advance(seconds: 90)
        station.csms.clockSkew = 3_600_000
        station.advance(seconds: 600)
        station.command(.stop(connector: 1))
        Self.expectNeverBackwards(station)
        let samples = Self.transactionTimeline(station).filter { $0.action == "MeterValues" }
        #expect(samples.count == 11)
        let stop = try #require(station.lastRequest(StopTransactionRequest.self))
        #expect(stop.meterStop == Int(690 * 11_000 / 3600.0))
        #expect(stop.timestamp == StationHarness.start.adding(seconds: 690 + 3600))
    }

    /// NTP (or an operator) steps the host's wall clock by an hour, before the central
    /// system gave its time: heartbeats neither burst nor stall, energy is unchanged.
    @Test(arguments: [Int64(3_600_000), -3_600_000])
    func hostClockSteps_neitherBurstNorStallTimers_norChangeEnergy(_ step: Int64) throws {
        var reference = try StationHarness(configuration: ["HeartbeatInterval": "60"])
        var stepped = try StationHarness(configuration: ["HeartbeatInterval": "60"])
        stepped.hostClockOffset = 0
        for index in [0, 1] {
            var station = index == 0 ? reference : stepped
            station.csms.behaviour[.bootNotification] = .answer
            station.powerOn()
            station.plugAndSwipe(idTag: "TAG1", connector: 1)
            station.advance(seconds: 100)
            if index == 1 { station.hostClockOffset = step }
            station.advance(seconds: 600)
            if index == 0 { reference = station } else { stepped = station }
        }
        #expect(stepped.sentCalls(.heartbeat).count == reference.sentCalls(.heartbeat).count)
        #expect(stepped.snapshot.connectors[0].meterWh == reference.snapshot.connectors[0].meterWh)
        Self.expectNeverBackwards(stepped)
    }

    /// The host clock is what the station stamps with until the central system gives
    /// its time (BootNotification.conf), and a step of it moves the stamps.
    @Test func hostClock_stampsMessages_untilTheCentralSystemGivesItsTime() throws {
        var station = try StationHarness(configuration: [:])
        station.hostClockOffset = 86_400_000
        station.csms.behaviour[.bootNotification] = .hold
        station.powerOn()
        let boot = try #require(station.csms.held.first)
        _ = boot
        station.command(.plug(connector: 1))
        #expect(station.snapshot.time == StationHarness.start.adding(seconds: 86_400))
        station.releaseHeld(.bootNotification)
        #expect(station.snapshot.time == StationHarness.start)
    }
}
