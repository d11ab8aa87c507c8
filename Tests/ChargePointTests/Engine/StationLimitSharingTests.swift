import ChargePoint
import Testing

/// The station-wide limit: "In the case the Charge Point is equipped with more than one
/// Connector, the limit value of ChargePointMaxProfile is the limit for all connectors
/// combined. The combined energy flow of all connectors SHALL NOT be greater than the
/// limit set by ChargePointMaxProfile" (OCPP 1.6 §3.13.3, §3.13.1), and the composite
/// schedule of connector 0 reports it (§5.7, errata 3.30).
///
/// The station: connector 1 is 22 kW AC (32 A, three phases at 230 V), connector 2 is
/// 50 kW DC (125 A at 400 V nominal: 48 kW at the EV's 30 % SoC). EVs: 11 kW AC, 50 kW DC.
@Suite("Station-wide limit (ChargePointMaxProfile)")
struct StationLimitSharingTests {
    static func station(ev: EVDefaults? = nil) throws -> StationHarness {
        var profile = TestProfiles.everything
        if let ev { profile.ev = ev }
        return try StationHarness.booted(profile: profile)
    }

    static func profile(
        id: Int, purpose: ChargingProfilePurposeType = .chargePointMaxProfile, stackLevel: Int = 0,
        kind: ChargingProfileKindType = .absolute, recurrency: RecurrencyKindType? = nil,
        unit: ChargingRateUnitType = .watts, start: Timestamp? = StationHarness.start,
        periods: [(Int, Double)], phases: Int? = nil
    ) -> ChargingProfile {
        ChargingProfile(
            chargingProfileId: id, stackLevel: stackLevel, chargingProfilePurpose: purpose, chargingProfileKind: kind,
            recurrencyKind: recurrency,
            chargingSchedule: ChargingSchedule(
                startSchedule: kind == .relative ? nil : start, chargingRateUnit: unit,
                chargingSchedulePeriod: periods.map {
                    ChargingSchedulePeriod(startPeriod: $0.0, limit: ChargingRate(rounding: $0.1), numberPhases: phases)
                }))
    }

    static func install(_ station: inout StationHarness, _ profile: ChargingProfile, connector: Int = 0) {
        let status = station.csmsRequest(
            SetChargingProfileRequest(connectorId: connector, csChargingProfiles: profile))?
            .status
        #expect(status == .accepted, "profile \(profile.chargingProfileId)")
    }

    static func startSession(_ station: inout StationHarness, _ connector: Int) {
        station.command(.plug(connector: connector))
        station.command(.swipe(idTag: IdToken("TAG\(connector)")!.value, connector: connector))
    }

    /// A station (with `ev` for its EVs) under a ChargePointMaxProfile of `periods`, a session
    /// started on connector 1, then on connector 2.
    static func twoSessions(under periods: [(Int, Double)], ev: EVDefaults? = nil) throws -> StationHarness {
        var station = try Self.station(ev: ev)
        install(&station, profile(id: 1, periods: periods))
        startSession(&station, 1)
        startSession(&station, 2)
        return station
    }

    static func powers(_ station: StationHarness) -> [Double] { station.snapshot.connectors.map(\.powerW) }

    /// Each connector's power once `seconds` have passed.
    static func powers(_ station: inout StationHarness, after seconds: Double) -> [Double] {
        station.advance(seconds: seconds)
        return powers(station)
    }

    static func composite(
        _ station: inout StationHarness, connector: Int, duration: Int = 1200, unit: ChargingRateUnitType = .watts
    ) -> [String] {
        let reply = station.csmsRequest(
            GetCompositeScheduleRequest(connectorId: connector, duration: duration, chargingRateUnit: unit))
        return (reply?.chargingSchedule?.chargingSchedulePeriod ?? []).map { "\($0.startPeriod):\($0.limit)" }
    }

    // MARK: Sharing

    @Test func chargePointMax_isTheLimitForAllConnectorsCombined_ocpp3_13_3() throws {
        let station = try Self.twoSessions(under: [(0, 10_000)])
        #expect(Self.powers(station) == [5000, 5000])
        #expect(station.snapshot.connectors.map(\.limitW) == [5000, 5000])
        #expect(station.status(1) == .charging && station.status(2) == .charging)
    }

    @Test func aSessionAlone_takesTheWholeLimit_andSharesItWhenAnotherStarts() throws {
        var station = try Self.station()
        Self.install(&station, Self.profile(id: 1, periods: [(0, 10_000)]))
        Self.startSession(&station, 1)
        #expect(Self.powers(station) == [10_000, 0])
        Self.startSession(&station, 2)
        #expect(Self.powers(station) == [5000, 5000])
        station.command(.stop(connector: 1))
        #expect(Self.powers(station) == [0, 10_000])
    }

    @Test func anEVWithALowMaximum_leavesWhatItDoesNotUseToTheOther() throws {
        var station = try Self.twoSessions(under: [(0, 10_000)])
        station.command(.evPower(connector: 1, kilowatts: 3))
        #expect(Self.powers(station) == [3000, 7000])
        #expect(station.snapshot.connectors[1].limitW == 7000)
        station.command(.evPower(connector: 1, kilowatts: 11))
        #expect(Self.powers(station) == [5000, 5000])
    }

    @Test func aSuspendedEV_givesItsShareBack_andStaysSuspendedEV() throws {
        var station = try Self.twoSessions(under: [(0, 10_000)])
        station.command(.evSuspend(connector: 2))
        #expect(Self.powers(station) == [10_000, 0])
        #expect(station.status(2) == .suspendedEV)
        station.command(.evResume(connector: 2))
        #expect(Self.powers(station) == [5000, 5000])
        #expect(station.reportedStatuses(2).suffix(3) == [.charging, .suspendedEV, .charging])
    }

    @Test func aFaultedConnector_givesItsShareBack() throws {
        var station = try Self.twoSessions(under: [(0, 10_000)])
        station.command(.fault(connector: 2, code: .groundFailure, info: nil))
        #expect(Self.powers(station) == [10_000, 0])
        station.command(.clear(connector: 2))
        #expect(Self.powers(station) == [5000, 5000])
    }

    @Test func aFullBattery_givesItsShareBack() throws {
        // 10 kWh batteries at 90 %: 1 kWh to go each.
        var station = try Self.twoSessions(under: [(0, 10_000)], ev: EVDefaults(batteryWh: 10_000, initialSoC: 90))
        station.command(.evSuspend(connector: 1))
        // Connector 2 alone for 3 minutes at 10 kW: 0.5 kWh; then 5 kW each.
        station.advance(seconds: 180)
        station.command(.evResume(connector: 1))
        #expect(Self.powers(station) == [5000, 5000])
        // Connector 2's last 0.5 kWh at 5 kW takes 6 minutes.
        station.advance(seconds: 359)
        #expect(station.status(2) == .charging)
        station.advance(seconds: 2)
        #expect(station.status(2) == .suspendedEV)
        #expect(Self.powers(station) == [10_000, 0])
    }

    @Test func aTransactionLimitBelowTheShare_leavesTheRestToTheOther() throws {
        var station = try Self.twoSessions(under: [(0, 10_000)])
        Self.install(
            &station, Self.profile(id: 2, purpose: .txProfile, kind: .relative, periods: [(0, 2000)]), connector: 1)
        #expect(Self.powers(station) == [2000, 8000])
        Self.install(&station, Self.profile(id: 3, purpose: .txDefaultProfile, periods: [(0, 3000)]), connector: 2)
        #expect(Self.powers(station) == [2000, 3000])
        #expect(station.csmsRequest(ClearChargingProfileRequest(id: 2))?.status == .accepted)
        #expect(Self.powers(station) == [7000, 3000])
    }

    @Test func atAPeriodBoundary_theNewLimitIsShared() throws {
        var station = try Self.twoSessions(under: [(0, 10_000), (600, 6000)])
        #expect(Self.powers(&station, after: 599) == [5000, 5000])
        #expect(Self.powers(&station, after: 1) == [3000, 3000])
    }

    @Test func aTransactionLimitsPeriodBoundary_reshares_ocpp3_13_3() throws {
        var station = try Self.station()
        Self.install(&station, Self.profile(id: 1, periods: [(0, 10_000)]))
        Self.install(
            &station, Self.profile(id: 2, purpose: .txDefaultProfile, periods: [(0, 2000), (300, 20_000)]),
            connector: 1)
        Self.startSession(&station, 1)
        Self.startSession(&station, 2)
        #expect(Self.powers(station) == [2000, 8000])
        #expect(Self.powers(&station, after: 300) == [5000, 5000])
    }

    @Test func aRelativeChargePointMax_runsFromTheFirstTransaction_ocpp7_9() throws {
        var station = try Self.station()
        Self.install(&station, Self.profile(id: 1, kind: .relative, periods: [(0, 8000), (300, 4000)]))
        station.advance(seconds: 100)
        Self.startSession(&station, 1)
        station.advance(seconds: 60)
        Self.startSession(&station, 2)
        #expect(Self.powers(station) == [4000, 4000])
        #expect(Self.powers(&station, after: 239) == [4000, 4000])
        #expect(Self.powers(&station, after: 1) == [2000, 2000])
    }

    /// With no transaction yet, the composite schedule of connector 0 still never
    /// exceeds a Relative ChargePointMaxProfile: it is taken to run from the schedule's
    /// start, as it would should a session start then (§3.13.3, §5.7).
    @Test func aRelativeChargePointMax_boundsTheStationComposite_beforeAnyTransaction_ocpp5_7() throws {
        var station = try Self.station()
        Self.install(&station, Self.profile(id: 1, kind: .relative, periods: [(0, 7000), (600, 4000)]))
        #expect(Self.composite(&station, connector: 0, duration: 3600) == ["0:7000.0", "600:4000.0"])
        #expect(Self.composite(&station, connector: 1, duration: 3600) == ["0:7000.0", "600:4000.0"])
    }

    /// A limit set in A for one phase is given back per phase on that phase, with
    /// numberPhases (§7.12), for the station and for a connector: 16 A on one phase, not
    /// 5.3 A spread over three.
    @Test func aSinglePhaseLimitInAmperes_isReportedOnItsPhase_ocpp7_12() throws {
        var station = try Self.station()
        Self.install(&station, Self.profile(id: 1, unit: .amperes, periods: [(0, 16)], phases: 1))
        let reply = station.csmsRequest(
            GetCompositeScheduleRequest(connectorId: 0, duration: 600, chargingRateUnit: .amperes))
        let period = try #require(reply?.chargingSchedule?.chargingSchedulePeriod.first)
        #expect(period.limit == ChargingRate(rounding: 16))
        #expect(period.numberPhases == 1)
        let connector = station.csmsRequest(
            GetCompositeScheduleRequest(connectorId: 1, duration: 600, chargingRateUnit: .amperes))
        let own = try #require(connector?.chargingSchedule?.chargingSchedulePeriod.first)
        #expect(own.limit == ChargingRate(rounding: 16))
        #expect(own.numberPhases == 1)
        // In W it is what it is: 16 A × 230 V.
        #expect(Self.composite(&station, connector: 0, duration: 600) == ["0:3680.0"])
    }

    @Test func aRecurringDailyChargePointMax_isSharedInEachPeriod_ocpp7_9() throws {
        var station = try Self.station()
        // Began an hour ago: 6 kW for two hours, then 12 kW, every day.
        let profile = Self.profile(
            id: 1, kind: .recurring, recurrency: .daily, start: StationHarness.start.adding(seconds: -3600),
            periods: [(0, 6000), (7200, 12_000)])
        Self.install(&station, profile)
        Self.startSession(&station, 1)
        Self.startSession(&station, 2)
        #expect(Self.powers(station) == [3000, 3000])
        #expect(Self.powers(&station, after: 3600) == [6000, 6000])
        #expect(Self.composite(&station, connector: 0, duration: 86_400) == ["0:12000.0", "79200:6000.0"])
    }

    @Test func aChargePointMaxInAmperes_isPerPhaseOfTheSupply_withNumberPhases_ocpp7_12_errata3_34() throws {
        var station = try Self.station()
        // 16 A on each of the three phases at 230 V: 11.04 kW for the whole station.
        Self.install(&station, Self.profile(id: 1, unit: .amperes, periods: [(0, 16)]))
        Self.startSession(&station, 1)
        Self.startSession(&station, 2)
        #expect(Self.powers(station) == [5520, 5520])
        // numberPhases 1: 16 A on one phase, 3.68 kW.
        Self.install(&station, Self.profile(id: 1, unit: .amperes, periods: [(0, 16)], phases: 1))
        #expect(Self.powers(station) == [1840, 1840])
    }

    @Test func theCombinedDraw_neverExceedsTheLimit_throughAnyEvents() throws {
        var station = try Self.station(ev: EVDefaults(batteryWh: 20_000, initialSoC: 80))
        Self.install(&station, Self.profile(id: 1, periods: [(0, 9000), (900, 30_000), (1800, 4000)]))
        var steps: [(String, (inout StationHarness) -> Void)] = [
            ("start 1", { Self.startSession(&$0, 1) }),
            ("start 2", { Self.startSession(&$0, 2) }),
            ("ev power 1 2", { $0.command(.evPower(connector: 1, kilowatts: 2)) }),
            ("wait", { $0.advance(seconds: 400) }),
            ("suspend 1", { $0.command(.evSuspend(connector: 1)) }),
            ("wait", { $0.advance(seconds: 400) }),
            ("resume 1", { $0.command(.evResume(connector: 1)) }),
            ("ev power 1 40", { $0.command(.evPower(connector: 1, kilowatts: 40)) }),
            ("fault 1", { $0.command(.fault(connector: 1, code: .overCurrentFailure, info: nil)) }),
            ("wait", { $0.advance(seconds: 300) }),
            ("clear 1", { $0.command(.clear(connector: 1)) }),
            ("wait", { $0.advance(seconds: 800) }),
            ("stop 2", { $0.command(.stop(connector: 2)) }),
            ("wait", { $0.advance(seconds: 100) }),
        ]
        steps += [
            (
                "start 2 again",
                {
                    $0.command(.unplug(connector: 2)); Self.startSession(&$0, 2)
                }
            )
        ]
        for (name, step) in steps {
            step(&station)
            let elapsed = StationHarness.start.milliseconds(until: station.snapshot.time) / 1000
            let limit: Double = elapsed < 900 ? 9000 : elapsed < 1800 ? 30_000 : 4000
            let total = Self.powers(station).reduce(0, +)
            #expect(total <= limit + 0.001, "after \(name): \(Self.powers(station)) over \(limit) W")
        }
        station.expectNoInternalErrors()
    }

    // MARK: Composite schedule of connector 0 (§5.7, errata 3.30)

    @Test func compositeOfConnectorZero_neverExceedsTheChargePointMax_ocpp5_7() throws {
        var station = try Self.twoSessions(under: [(0, 10_000)])
        #expect(Self.composite(&station, connector: 0) == ["0:10000.0"])
        Self.install(&station, Self.profile(id: 2, purpose: .txDefaultProfile, periods: [(0, 8000)]))
        #expect(Self.composite(&station, connector: 0) == ["0:10000.0"])
        // Two 3 kW TxDefault limits: 6 kW together, below the station's 10 kW.
        Self.install(&station, Self.profile(id: 2, purpose: .txDefaultProfile, periods: [(0, 3000)]))
        #expect(Self.composite(&station, connector: 0) == ["0:6000.0"])
    }

    @Test func compositeOfConnectorZero_followsTheChargePointMaxPeriods() throws {
        var station = try Self.station()
        Self.install(&station, Self.profile(id: 1, periods: [(0, 10_000), (600, 6000)]))
        #expect(Self.composite(&station, connector: 0) == ["0:10000.0", "600:6000.0"])
        Self.install(&station, Self.profile(id: 2, purpose: .txDefaultProfile, periods: [(0, 4000)]))
        #expect(Self.composite(&station, connector: 0) == ["0:8000.0", "600:6000.0"])
        // The connectors' own composites are as before: each under both profiles.
        #expect(Self.composite(&station, connector: 1) == ["0:4000.0"])
        #expect(Self.composite(&station, connector: 2) == ["0:4000.0"])
    }

    @Test func compositeOfConnectorZero_inAmperes_isTheSupplyCurrent_errata3_30() throws {
        var station = try Self.station()
        Self.install(&station, Self.profile(id: 1, unit: .amperes, periods: [(0, 16)]))
        #expect(Self.composite(&station, connector: 0, unit: .amperes) == ["0:16.0"])
        #expect(Self.composite(&station, connector: 0, unit: .watts) == ["0:11040.0"])
        // 10 kW over three phases at 230 V is 14.49 A; a limit is rounded down.
        Self.install(&station, Self.profile(id: 1, periods: [(0, 10_000)]))
        #expect(Self.composite(&station, connector: 0, unit: .amperes) == ["0:14.4"])
    }
}
