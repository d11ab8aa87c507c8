import ChargePoint
import Testing

/// The feature profiles beyond Core: local list, reservations, remote trigger and smart
/// charging (OCPP 1.6 §5.1, §5.5, §5.7, §5.10, §5.13, §5.15–§5.17).
@Suite("Optional feature profiles")
struct OptionalProfileTests {
    static func all() throws -> StationHarness { try StationHarness.booted(profile: TestProfiles.everything) }

    @Test func localList_fullAndDifferential_andItsVersion() throws {
        var station = try Self.all()
        #expect(station.csmsRequest(GetLocalListVersionRequest())?.listVersion == 0)
        #expect(station.sendFullLocalList(version: 3, ["LIST-OK": .accepted, "LIST-BLOCKED": .blocked]) == .accepted)
        #expect(station.csmsRequest(GetLocalListVersionRequest())?.listVersion == 3)
        let stale = SendLocalListRequest(listVersion: 3, localAuthorizationList: [], updateType: .differential)
        #expect(station.csmsRequest(stale)?.status == .versionMismatch)
        let remove = SendLocalListRequest(
            listVersion: 4, localAuthorizationList: [AuthorizationData(idTag: "LIST-BLOCKED")],
            updateType: .differential)
        #expect(station.csmsRequest(remove)?.status == .accepted)
        #expect(station.snapshot.localListVersion == 4)
        let tooMany = SendLocalListRequest(
            listVersion: 5,
            localAuthorizationList: (1...6).map {
                AuthorizationData(idTag: IdToken("T\($0)")!, idTagInfo: IdTagInfo(status: .accepted))
            },
            updateType: .full)
        #expect(station.csmsRequest(tooMany)?.status == .failed)
    }

    // The local list authorizing offline, its verdict final: IdTagCaseTests.localList_anyCase.

    @Test func reserveNow_reservesTheConnector_forItsIdTagOnly() throws {
        var station = try Self.all()
        let expiry = StationHarness.start.adding(seconds: 600)
        let reply = station.csmsRequest(
            ReserveNowRequest(connectorId: 1, expiryDate: expiry, idTag: "TAG1", reservationId: 7))
        #expect(reply?.status == .accepted)
        #expect(station.status(1) == .reserved)
        station.plugAndSwipe(idTag: "TAG2", connector: 1)
        #expect(station.sentCalls(.startTransaction).isEmpty)
        station.command(.swipe(idTag: "TAG1", connector: 1))
        #expect(station.lastRequest(StartTransactionRequest.self)?.reservationId == 7)
        #expect(station.snapshot.reservations.isEmpty)
    }

    @Test func reservation_expires_andCanBeCancelled() throws {
        var station = try Self.all()
        let expiry = StationHarness.start.adding(seconds: 60)
        _ = station.csmsRequest(ReserveNowRequest(connectorId: 1, expiryDate: expiry, idTag: "TAG1", reservationId: 1))
        station.advance(seconds: 60)
        #expect(station.reportedStatuses(1) == [.available, .reserved, .available])
        _ = station.csmsRequest(
            ReserveNowRequest(connectorId: 2, expiryDate: expiry.adding(seconds: 600), idTag: "TAG1", reservationId: 2))
        #expect(station.csmsRequest(CancelReservationRequest(reservationId: 2))?.status == .accepted)
        #expect(station.csmsRequest(CancelReservationRequest(reservationId: 2))?.status == .rejected)
        #expect(station.status(2) == .available)
    }

    @Test func reserveNow_answersOccupiedFaultedUnavailable() throws {
        var station = try Self.all()
        let expiry = StationHarness.start.adding(seconds: 600)
        station.command(.plug(connector: 1))
        #expect(
            station.csmsRequest(ReserveNowRequest(connectorId: 1, expiryDate: expiry, idTag: "A", reservationId: 1))?
                .status == .occupied)
        station.command(.fault(connector: 2, code: .highTemperature, info: nil))
        #expect(
            station.csmsRequest(ReserveNowRequest(connectorId: 2, expiryDate: expiry, idTag: "A", reservationId: 2))?
                .status == .faulted)
        station.command(.clear(connector: 2))
        _ = station.csmsRequest(ChangeAvailabilityRequest(connectorId: 2, type: .inoperative))
        #expect(
            station.csmsRequest(ReserveNowRequest(connectorId: 2, expiryDate: expiry, idTag: "A", reservationId: 3))?
                .status == .unavailable)
    }

    @Test func triggerMessage_sendsTheResponseFirst_thenTheMessage() throws {
        var station = try Self.all()
        station.clearHistory()
        _ = station.csmsCall(TriggerMessageRequest(requestedMessage: .statusNotification, connectorId: 1))
        #expect(station.sent.first?.hasPrefix("[3,") == true)
        #expect(station.sentRequests(StatusNotificationRequest.self).map(\.connectorId) == [1])
        _ = station.csmsCall(TriggerMessageRequest(requestedMessage: .statusNotification))
        #expect(station.sentRequests(StatusNotificationRequest.self).map(\.connectorId) == [1, 0, 1, 2])
        #expect(station.csmsRequest(TriggerMessageRequest(requestedMessage: .heartbeat))?.status == .accepted)
        #expect(station.sentCalls(.heartbeat).count == 1)
        #expect(station.csmsRequest(TriggerMessageRequest(requestedMessage: .bootNotification))?.status == .rejected)
        #expect(
            station.csmsRequest(TriggerMessageRequest(requestedMessage: .meterValues, connectorId: 9))?.status
                == .rejected)
        _ = station.csmsRequest(TriggerMessageRequest(requestedMessage: .meterValues, connectorId: 2))
        #expect(station.lastRequest(MeterValuesRequest.self)?.meterValue.first.sampledValue.first.context == .trigger)
        _ = station.csmsRequest(TriggerMessageRequest(requestedMessage: .firmwareStatusNotification))
        #expect(station.lastRequest(FirmwareStatusNotificationRequest.self)?.status == .idle)
    }

    @Test func triggerMessage_worksWhilePending() throws {
        var station = try StationHarness(profile: TestProfiles.everything)
        station.csms.bootStatus = .pending
        station.powerOn()
        _ = station.csmsRequest(TriggerMessageRequest(requestedMessage: .statusNotification, connectorId: 0))
        #expect(station.sentRequests(StatusNotificationRequest.self).map(\.connectorId) == [0])
        #expect(station.csmsRequest(TriggerMessageRequest(requestedMessage: .bootNotification))?.status == .accepted)
        #expect(station.sentCalls(.bootNotification).count == 2)
    }

    static func profile(
        id: Int, purpose: ChargingProfilePurposeType, stackLevel: Int = 0, unit: ChargingRateUnitType = .watts,
        periods: [(Int, Double)], transactionId: Int? = nil, duration: Int? = nil,
        kind: ChargingProfileKindType = .relative
    ) -> ChargingProfile {
        ChargingProfile(
            chargingProfileId: id, transactionId: transactionId, stackLevel: stackLevel,
            chargingProfilePurpose: purpose,
            chargingProfileKind: kind,
            chargingSchedule: ChargingSchedule(
                duration: duration, chargingRateUnit: unit,
                chargingSchedulePeriod: periods.map {
                    ChargingSchedulePeriod(startPeriod: $0.0, limit: ChargingRate(rounding: $0.1))
                }))
    }

    @Test func txDefaultProfile_limitsPower_periodByPeriod() throws {
        var station = try Self.all()
        let profile = Self.profile(id: 1, purpose: .txDefaultProfile, periods: [(0, 3000), (600, 0), (900, 7000)])
        #expect(
            station.csmsRequest(SetChargingProfileRequest(connectorId: 0, csChargingProfiles: profile))?.status
                == .accepted)
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        #expect(station.snapshot.connectors[0].powerW == 3000)
        station.advance(seconds: 600)
        #expect(station.status(1) == .suspendedEVSE)
        station.advance(seconds: 300)
        #expect(station.snapshot.connectors[0].powerW == 7000)
        #expect(station.reportedStatuses(1).suffix(3) == [.charging, .suspendedEVSE, .charging])
        #expect(station.snapshot.connectors[0].limitW == 7000)
    }

    @Test func txProfile_needsARunningTransaction_andOverridesTheDefault() throws {
        var station = try Self.all()
        let tx = Self.profile(id: 2, purpose: .txProfile, unit: .amperes, periods: [(0, 8)])
        #expect(
            station.csmsRequest(SetChargingProfileRequest(connectorId: 1, csChargingProfiles: tx))?.status == .rejected)
        let fallback = Self.profile(id: 1, purpose: .txDefaultProfile, periods: [(0, 2000)])
        _ = station.csmsRequest(SetChargingProfileRequest(connectorId: 0, csChargingProfiles: fallback))
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        #expect(
            station.csmsRequest(SetChargingProfileRequest(connectorId: 1, csChargingProfiles: tx))?.status == .accepted)
        // 8 A × 230 V × 3 phases.
        #expect(station.snapshot.connectors[0].powerW == 5520)
        station.command(.stop(connector: 1))
        #expect(station.snapshot.chargingProfiles == 1)
    }

    @Test func chargePointMaxProfile_capsEveryConnector() throws {
        var station = try Self.all()
        let cap = Self.profile(id: 3, purpose: .chargePointMaxProfile, periods: [(0, 4000)], kind: .absolute)
        #expect(
            station.csmsRequest(SetChargingProfileRequest(connectorId: 1, csChargingProfiles: cap))?.status == .rejected
        )
        #expect(
            station.csmsRequest(SetChargingProfileRequest(connectorId: 0, csChargingProfiles: cap))?.status == .accepted
        )
        station.plugAndSwipe(idTag: "TAG1", connector: 2)
        #expect(station.snapshot.connectors[1].powerW == 4000)
    }

    @Test func setChargingProfile_validatesTheSchedule() throws {
        var station = try Self.all()
        let late = Self.profile(id: 4, purpose: .txDefaultProfile, periods: [(60, 1000)])
        #expect(
            station.csmsRequest(SetChargingProfileRequest(connectorId: 0, csChargingProfiles: late))?.status
                == .rejected)
        let deep = Self.profile(id: 5, purpose: .txDefaultProfile, stackLevel: 9, periods: [(0, 1000)])
        #expect(
            station.csmsRequest(SetChargingProfileRequest(connectorId: 0, csChargingProfiles: deep))?.status
                == .rejected)
    }

    @Test func clearChargingProfile_byIdOrCriteria() throws {
        var station = try Self.all()
        for id in 1...3 {
            let profile = Self.profile(id: id, purpose: .txDefaultProfile, stackLevel: id, periods: [(0, 1000)])
            _ = station.csmsRequest(SetChargingProfileRequest(connectorId: 0, csChargingProfiles: profile))
        }
        #expect(station.csmsRequest(ClearChargingProfileRequest(id: 2))?.status == .accepted)
        #expect(station.csmsRequest(ClearChargingProfileRequest(id: 2))?.status == .unknown)
        #expect(
            station.csmsRequest(ClearChargingProfileRequest(chargingProfilePurpose: .txDefaultProfile))?.status
                == .accepted)
        #expect(station.snapshot.chargingProfiles == 0)
    }

    @Test func compositeSchedule_combinesProfilesAndTheConnectorMaximum() throws {
        var station = try Self.all()
        let profile = Self.profile(
            id: 1, purpose: .txDefaultProfile, periods: [(0, 3000), (600, 6000)], kind: .absolute)
        var absolute = profile
        absolute.chargingSchedule.startSchedule = StationHarness.start
        _ = station.csmsRequest(SetChargingProfileRequest(connectorId: 1, csChargingProfiles: absolute))
        let reply = station.csmsRequest(
            GetCompositeScheduleRequest(connectorId: 1, duration: 1200, chargingRateUnit: .watts))
        let schedule = try #require(reply?.chargingSchedule)
        #expect(schedule.chargingSchedulePeriod.map(\.startPeriod) == [0, 600])
        #expect(schedule.chargingSchedulePeriod.map(\.limit) == [3000, 6000])
        let none = station.csmsRequest(GetCompositeScheduleRequest(connectorId: 2, duration: 60))
        #expect(none?.chargingSchedule?.chargingSchedulePeriod.first?.limit == ChargingRate(rounding: 125))
        #expect(station.csmsRequest(GetCompositeScheduleRequest(connectorId: 7, duration: 60))?.status == .rejected)
    }

    @Test func remoteStart_withTxProfile_appliesItToTheTransaction() throws {
        var station = try Self.all()
        station.command(.plug(connector: 1))
        let profile = Self.profile(id: 9, purpose: .txProfile, periods: [(0, 2500)])
        #expect(
            station.csmsRequest(RemoteStartTransactionRequest(connectorId: 1, idTag: "TAG1", chargingProfile: profile))?
                .status == .accepted)
        #expect(station.snapshot.connectors[0].powerW == 2500)
        let wrongPurpose = Self.profile(id: 10, purpose: .txDefaultProfile, periods: [(0, 2500)])
        station.command(.plug(connector: 2))
        #expect(
            station.csmsRequest(
                RemoteStartTransactionRequest(connectorId: 2, idTag: "TAG1", chargingProfile: wrongPurpose))?.status
                == .rejected)
    }
}
