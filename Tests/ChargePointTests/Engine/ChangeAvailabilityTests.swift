import ChargePoint
import Testing

/// ChangeAvailability (OCPP 1.6 §5.2; OCTT TC_013, TC_034).
@Suite("ChangeAvailability")
struct ChangeAvailabilityTests {
    @Test func inoperativeConnector_becomesUnavailable_andBackAvailable() throws {
        var station = try StationHarness.booted()
        #expect(station.csmsRequest(ChangeAvailabilityRequest(connectorId: 1, type: .inoperative))?.status == .accepted)
        #expect(station.status(1) == .unavailable)
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        #expect(station.sentCalls(.startTransaction).isEmpty)
        #expect(station.csmsRequest(ChangeAvailabilityRequest(connectorId: 1, type: .operative))?.status == .accepted)
        #expect(station.reportedStatuses(1) == [.available, .unavailable, .preparing])
    }

    @Test func sameAvailabilityAgain_isAccepted() throws {
        var station = try StationHarness.booted()
        #expect(station.csmsRequest(ChangeAvailabilityRequest(connectorId: 1, type: .operative))?.status == .accepted)
    }

    @Test func connectorZero_appliesToTheStationAndEveryConnector() throws {
        var station = try StationHarness.booted()
        #expect(station.csmsRequest(ChangeAvailabilityRequest(connectorId: 0, type: .inoperative))?.status == .accepted)
        #expect([0, 1, 2].map(station.status) == [.unavailable, .unavailable, .unavailable])
    }

    @Test func duringATransaction_isScheduled_andAppliesWhenItEnds() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        #expect(
            station.csmsRequest(ChangeAvailabilityRequest(connectorId: 1, type: .inoperative))?.status == .scheduled)
        #expect(station.status(1) == .charging)
        station.command(.swipe(idTag: "TAG1", connector: 1))
        station.command(.unplug(connector: 1))
        #expect(station.reportedStatuses(1).suffix(3) == [.charging, .finishing, .unavailable])
        station.expectNoInternalErrors()
    }

    @Test func unknownConnector_isRejected() throws {
        var station = try StationHarness.booted()
        #expect(station.csmsRequest(ChangeAvailabilityRequest(connectorId: 5, type: .inoperative))?.status == .rejected)
    }

    @Test func unavailability_survivesAPowerCut() throws {
        var station = try StationHarness.booted()
        _ = station.csmsRequest(ChangeAvailabilityRequest(connectorId: 0, type: .inoperative))
        try station.powerCut()
        let afterBoot = station.sentRequests(StatusNotificationRequest.self).suffix(3)
        #expect(afterBoot.map(\.status) == [.unavailable, .unavailable, .unavailable])
    }
}
