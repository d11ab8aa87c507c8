import ChargePoint
import Testing

/// No connector delivers more than its rating: its maximum current (per phase, at the
/// voltage of the moment: a DC link's rises with the battery's SoC) and its maximum
/// power. The EV, the sampled values (OCPP 1.6 §3.16: Current.Import, Current.Offered,
/// Power.Offered) and the composite schedule in A (§5.7, §7.12) all stay within it.
@Suite("Connector rating")
struct ConnectorRatingTests {
    static let ratingMeasurands = "Power.Active.Import,Power.Offered,Current.Import,Current.Offered,Voltage,SoC"

    /// Every value of `measurand` in the MeterValues sent so far.
    static func sampled(_ station: StationHarness, _ measurand: Measurand, connector: Int) -> [Double] {
        station.sentRequests(MeterValuesRequest.self).filter { $0.connectorId == connector }
            .flatMap { Array($0.meterValue) }.flatMap { Array($0.sampledValue) }
            .filter { $0.measurand == measurand }.compactMap { Double($0.value) }
    }

    static func reading(_ snapshot: ConnectorSnapshot, _ measurand: Measurand) -> Double? {
        snapshot.readings.first { $0.measurand == measurand }.flatMap { Double($0.value) }
    }

    @Test func dcConnector_atLowSoC_drawsItsMaxCurrent_notItsMaxPower() throws {
        var station = try StationHarness.booted(configuration: ["MeterValuesSampledData": Self.ratingMeasurands])
        station.plugAndSwipe(idTag: "TAG1", connector: 2)
        // SoC 30 %: the link is at 400 V × (0.9 + 0.2 × 0.30) = 384 V; 125 A × 384 V = 48 kW.
        let connector = station.snapshot.connectors[1]
        #expect(connector.powerW == 48_000)
        #expect(connector.offeredW == 48_000)
        #expect(Self.reading(connector, .currentImport) == 125.0)
        #expect(Self.reading(connector, .currentOffered) == 125.0)
        #expect(Self.reading(connector, .powerOffered) == 48_000)
    }

    @Test func dcConnector_currentStaysWithinItsRating_untilTheBatteryIsFull() throws {
        var station = try StationHarness.booted(configuration: [
            "MeterValuesSampledData": Self.ratingMeasurands, "MeterValueSampleInterval": "20",
        ])
        station.plugAndSwipe(idTag: "TAG1", connector: 2)
        station.advance(seconds: 3600)
        #expect(station.status(2) == .suspendedEV)
        let imported = Self.sampled(station, .currentImport, connector: 2)
        let offered = Self.sampled(station, .currentOffered, connector: 2)
        let powerOffered = Self.sampled(station, .powerOffered, connector: 2)
        #expect(imported.count > 100)
        #expect(imported.allSatisfy { $0 <= 125.0 }, "\(imported.filter { $0 > 125 })")
        #expect(offered.allSatisfy { $0 <= 125.0 }, "\(offered.filter { $0 > 125 })")
        #expect(powerOffered.allSatisfy { $0 <= 50_000 })
        // The power follows the voltage up: from SoC 50 % the link is at 400 V and the
        // 50 kW maximum binds instead.
        let power = Self.sampled(station, .powerActiveImport, connector: 2)
        #expect(power.first.map { $0 >= 48_000 && $0 < 48_500 } == true)
        #expect(power.contains(50_000))
        #expect(abs(station.snapshot.connectors[1].meterWh - 42_000) < 1)
    }

    @Test func singlePhaseConnector_drawsAtMost32A_evenWhenRated7_4kW() throws {
        var station = try StationHarness.booted(
            profile: TestProfiles.oneFixedCable, configuration: ["MeterValuesSampledData": Self.ratingMeasurands])
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        // 32 A × 230 V = 7.36 kW, below the 7.4 kW maximum; the 11 kW EV takes that.
        let connector = station.snapshot.connectors[0]
        #expect(connector.powerW == 7360)
        #expect(Self.reading(connector, .currentImport) == 32.0)
        #expect(Self.reading(connector, .currentOffered) == 32.0)
    }

    @Test func acConnector_threePhase_staysWithin32APerPhase() throws {
        var station = try StationHarness.booted(configuration: ["MeterValuesSampledData": Self.ratingMeasurands])
        station.command(.plug(connector: 1))
        station.command(.evPower(connector: 1, kilowatts: 30))
        station.command(.swipe(idTag: "TAG1", connector: 1))
        // 22 kW over three phases at 230 V: 31.9 A, within 32 A (32 A would be 22.08 kW).
        let connector = station.snapshot.connectors[0]
        #expect(connector.powerW == 22_000)
        #expect(Self.reading(connector, .currentImport).map { $0 <= 32 } == true)
        #expect(Self.reading(connector, .currentOffered).map { $0 <= 32 } == true)
    }

    @Test func evPowerAboveTheRating_isAccepted_andTheDrawIsCappedAtTheRating() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 2)
        station.clearHistory()
        station.command(.evPower(connector: 2, kilowatts: 100))
        #expect(station.errors.isEmpty)
        let connector = station.snapshot.connectors[1]
        #expect(connector.evMaxPowerW == 100_000)
        #expect(connector.powerW == 48_000)
        #expect(station.notices.contains { $0.contains("100.0 kW") && $0.contains("rating") }, "\(station.notices)")
        // Below the rating, the EV's own maximum is the draw again.
        station.command(.evPower(connector: 2, kilowatts: 20))
        #expect(station.snapshot.connectors[1].powerW == 20_000)
    }

    @Test func compositeScheduleInAmperes_staysWithinTheRating_ocpp5_7() throws {
        var station = try StationHarness.booted(profile: TestProfiles.everything)
        station.plugAndSwipe(idTag: "TAG1", connector: 2)
        let dc = station.csmsRequest(
            GetCompositeScheduleRequest(connectorId: 2, duration: 600, chargingRateUnit: .amperes))
        let dcLimits = try #require(dc?.chargingSchedule).chargingSchedulePeriod.map(\.limit.value)
        #expect(dcLimits.allSatisfy { $0 <= 125 }, "\(dcLimits)")
        let ac = station.csmsRequest(
            GetCompositeScheduleRequest(connectorId: 1, duration: 600, chargingRateUnit: .amperes))
        let acLimits = try #require(ac?.chargingSchedule).chargingSchedulePeriod.map(\.limit.value)
        #expect(acLimits.allSatisfy { $0 <= 32 }, "\(acLimits)")
        // A TxDefaultProfile above the rating does not lift it.
        let high = ChargingProfile(
            chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: .txDefaultProfile,
            chargingProfileKind: .absolute,
            chargingSchedule: ChargingSchedule(
                startSchedule: StationHarness.start, chargingRateUnit: .amperes,
                chargingSchedulePeriod: [ChargingSchedulePeriod(startPeriod: 0, limit: 200)]))
        #expect(
            station.csmsRequest(SetChargingProfileRequest(connectorId: 2, csChargingProfiles: high))?.status
                == .accepted)
        let capped = station.csmsRequest(
            GetCompositeScheduleRequest(connectorId: 2, duration: 600, chargingRateUnit: .amperes))
        #expect(capped?.chargingSchedule?.chargingSchedulePeriod.map(\.limit) == [125])
        #expect(station.snapshot.connectors[1].powerW == 48_000)
    }

    @Test func dcTxProfileInAmperesAboveTheRating_isCappedAtTheRating() throws {
        var station = try StationHarness.booted(profile: TestProfiles.everything)
        station.plugAndSwipe(idTag: "TAG1", connector: 2)
        let tx = ChargingProfile(
            chargingProfileId: 2, stackLevel: 0, chargingProfilePurpose: .txProfile, chargingProfileKind: .relative,
            chargingSchedule: ChargingSchedule(
                chargingRateUnit: .amperes, chargingSchedulePeriod: [ChargingSchedulePeriod(startPeriod: 0, limit: 300)]
            ))
        #expect(
            station.csmsRequest(SetChargingProfileRequest(connectorId: 2, csChargingProfiles: tx))?.status == .accepted)
        #expect(station.snapshot.connectors[1].powerW == 48_000)
        #expect(station.snapshot.connectors[1].offeredW == 48_000)
    }
}
