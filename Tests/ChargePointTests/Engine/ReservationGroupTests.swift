import ChargePoint
import Testing

/// A connector reserved for an idTag with a parentIdTag takes any idTag of that group,
/// whether it arrives as a card or as a RemoteStartTransaction (OCPP 1.6 §5.13, §3.11):
/// the group of the idTag is learnt from the local sources or the central system, the
/// transaction starts with the reservationId, and an idTag of another group is refused.
@Suite("Reservations for a group")
struct ReservationGroupTests {
    static let expiry = StationHarness.start.adding(seconds: 3600)

    /// Connector 1 reserved for FAMILY-A of group FAMILY (reservation 5).
    static func reserved(_ configuration: [String: String] = [:]) throws -> StationHarness {
        var station = try StationHarness.booted(profile: TestProfiles.everything, configuration: configuration)
        let reply = station.csmsRequest(
            ReserveNowRequest(
                connectorId: 1, expiryDate: expiry, idTag: "FAMILY-A", parentIdTag: "FAMILY", reservationId: 5))
        #expect(reply?.status == .accepted)
        #expect(station.status(1) == .reserved)
        return station
    }

    @Test func remoteStart_forAnotherIdTagOfTheGroup_learnsItsGroup_andStartsWithTheReservation_OCPP16_5_13() throws {
        var station = try Self.reserved()
        station.command(.plug(connector: 1))
        let answer = station.csmsRequest(RemoteStartTransactionRequest(connectorId: 1, idTag: "FAMILY-B"))
        #expect(answer?.status == .accepted)
        // The station did not know FAMILY-B's group: it asked.
        #expect(station.lastRequest(AuthorizeRequest.self)?.idTag.value == "FAMILY-B")
        let start = try #require(station.lastRequest(StartTransactionRequest.self))
        #expect(start.idTag.value == "FAMILY-B")
        #expect(start.reservationId == 5)
        #expect(station.snapshot.reservations.isEmpty)
        #expect(station.status(1) == .charging)
    }

    @Test func remoteStart_ofAGroupKnownFromTheCache_startsWithoutAsking_OCPP16_5_13() throws {
        var station = try Self.reserved()
        // FAMILY-B and its group are learnt by an earlier Authorize on connector 2.
        station.command(.swipe(idTag: "FAMILY-B", connector: 2))
        station.command(.swipe(idTag: "FAMILY-B", connector: 2))
        let asked = station.sentCalls(.authorize).count
        station.command(.plug(connector: 1))
        let answer = station.csmsRequest(RemoteStartTransactionRequest(connectorId: 1, idTag: "FAMILY-B"))
        #expect(answer?.status == .accepted)
        #expect(station.sentCalls(.authorize).count == asked)
        #expect(station.lastRequest(StartTransactionRequest.self)?.reservationId == 5)
    }

    @Test func remoteStart_forAnIdTagOfAnotherGroup_doesNotStart_andTheReservationStays_OCPP16_5_13() throws {
        var station = try Self.reserved()
        station.csms.idTags["stranger"] = IdTagInfo(parentIdTag: "OTHER", status: .accepted)
        let answer = station.csmsRequest(RemoteStartTransactionRequest(connectorId: 1, idTag: "STRANGER"))
        // "Will attempt": the group is only known once the central system answers.
        #expect(answer?.status == .accepted)
        station.command(.plug(connector: 1))
        #expect(station.sentCalls(.startTransaction).isEmpty)
        #expect(station.snapshot.reservations.map(\.id) == [5])
        station.command(.unplug(connector: 1))
        #expect(station.status(1) == .reserved)
    }

    @Test func remoteStart_forAnIdTagCachedInAnotherGroup_isRejected_OCPP16_5_13() throws {
        var station = try Self.reserved()
        station.csms.idTags["stranger"] = IdTagInfo(parentIdTag: "OTHER", status: .accepted)
        station.command(.swipe(idTag: "STRANGER", connector: 2))
        station.command(.swipe(idTag: "STRANGER", connector: 2))
        let answer = station.csmsRequest(RemoteStartTransactionRequest(connectorId: 1, idTag: "STRANGER"))
        #expect(answer?.status == .rejected)
        #expect(station.status(1) == .reserved)
    }

    @Test func remoteStart_forAReservationWithoutGroup_takesOnlyTheReservedIdTag_OCPP16_5_13() throws {
        var station = try StationHarness.booted(profile: TestProfiles.everything)
        _ = station.csmsRequest(
            ReserveNowRequest(connectorId: 1, expiryDate: Self.expiry, idTag: "TAG1", reservationId: 6))
        #expect(station.csmsRequest(RemoteStartTransactionRequest(connectorId: 1, idTag: "TAG2"))?.status == .rejected)
        #expect(station.csmsRequest(RemoteStartTransactionRequest(connectorId: 1, idTag: "tag1"))?.status == .accepted)
        station.command(.plug(connector: 1))
        #expect(station.lastRequest(StartTransactionRequest.self)?.reservationId == 6)
    }

    /// The card path, for comparison: the same rules through the same decision.
    @Test func card_ofTheGroup_startsWithTheReservation_andOfAnotherGroupIsRefused_OCPP16_5_13() throws {
        var station = try Self.reserved()
        station.csms.idTags["stranger"] = IdTagInfo(parentIdTag: "OTHER", status: .accepted)
        station.plugAndSwipe(idTag: "STRANGER", connector: 1)
        #expect(station.sentCalls(.startTransaction).isEmpty)
        station.command(.swipe(idTag: "FAMILY-B", connector: 1))
        #expect(station.lastRequest(StartTransactionRequest.self)?.reservationId == 5)
    }

    /// §4.9 lists no Preparing → Reserved: a cable plugged into a reserved connector and
    /// taken out again without a session goes Available, then Reserved.
    @Test func cableInAndOut_onAReservedConnector_goesAvailableThenReserved_OCPP16_4_9() throws {
        var station = try Self.reserved()
        station.command(.plug(connector: 1))
        station.command(.unplug(connector: 1))
        #expect(station.reportedStatuses(1).suffix(4) == [.reserved, .preparing, .available, .reserved])
        station.expectNoInternalErrors()
    }

    /// A station-wide reservation (connector 0) for a group: a remote start for another
    /// idTag of the group consumes it (reservationId in StartTransaction).
    @Test func remoteStart_ofTheGroupOfAStationWideReservation_carriesItsReservationId_OCPP16_5_13() throws {
        var station = try StationHarness.booted(
            profile: TestProfiles.everything, configuration: ["ReserveConnectorZeroSupported": "true"])
        let reply = station.csmsRequest(
            ReserveNowRequest(
                connectorId: 0, expiryDate: Self.expiry, idTag: "FAMILY-A", parentIdTag: "FAMILY", reservationId: 7))
        #expect(reply?.status == .accepted)
        station.command(.plug(connector: 1))
        #expect(station.csmsRequest(RemoteStartTransactionRequest(connectorId: 1, idTag: "FAMILY-B"))?.status == .accepted)
        #expect(station.lastRequest(StartTransactionRequest.self)?.reservationId == 7)
        #expect(station.snapshot.reservations.isEmpty)
    }
}
