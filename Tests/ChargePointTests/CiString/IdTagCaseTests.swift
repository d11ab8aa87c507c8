import ChargePoint
import Testing

/// An idTag and a parentIdTag are IdTokens, CiString20Type, "case insensitive" (OCPP 1.6
/// §7.28, errata 3.74, 3.75; §3.9, §3.10): every place the station compares a presented
/// card with one it knows treats two spellings as one card.
@Suite("CiString: idTag and parentIdTag (OCPP 1.6 §7.28)")
struct IdTagCaseTests {
    static func all() throws -> StationHarness { try StationHarness.booted(profile: TestProfiles.everything) }

    @Test("§3.5.1, §7.28: the authorization cache knows a card in any spelling")
    func cache_anyCase() throws {
        var station = try StationHarness.booted(configuration: ["LocalAuthorizeOffline": "true"])
        station.plugAndSwipe(idTag: "Tag1", connector: 1)
        station.command(.stop(connector: 1))
        station.command(.unplug(connector: 1))
        station.command(.offline)
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        #expect(station.status(1) == .charging)
        #expect(station.snapshot.cachedIdTags == 1)
    }

    @Test("§3.5.2, §5.15, §7.28: the local list knows a card in any spelling, and its verdict is final")
    func localList_anyCase() throws {
        var station = try Self.all()
        station.sendFullLocalList(version: 1, ["List-OK": .accepted, "List-Blocked": .blocked])
        station.plugAndSwipe(idTag: "LIST-BLOCKED", connector: 1)
        #expect(station.sentCalls(.authorize).isEmpty)
        #expect(station.status(1) == .preparing)
        station.command(.offline)
        station.command(.swipe(idTag: "list-ok", connector: 1))
        #expect(station.status(1) == .charging)
        // A differential update removes the entry in another spelling.
        station.command(.online)
        _ = station.csmsRequest(
            SendLocalListRequest(
                listVersion: 2, localAuthorizationList: [AuthorizationData(idTag: "LIST-OK")],
                updateType: .differential))
        #expect(station.snapshot.localListVersion == 2)
        #expect(station.core.durableState.localList.entries.count == 1)
    }

    @Test("§3.11, §5.13, §7.28: a reservation admits its idTag, and its group, in any spelling")
    func reservation_anyCase() throws {
        var station = try Self.all()
        let expiry = StationHarness.start.adding(seconds: 600)
        _ = station.csmsRequest(ReserveNowRequest(connectorId: 1, expiryDate: expiry, idTag: "Tag1", reservationId: 7))
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        #expect(station.lastRequest(StartTransactionRequest.self)?.reservationId == 7)

        _ = station.csmsRequest(
            ReserveNowRequest(
                connectorId: 2, expiryDate: expiry, idTag: "SOMEONE", parentIdTag: "family", reservationId: 8))
        station.plugAndSwipe(idTag: "family-a", connector: 2)
        #expect(station.lastRequest(StartTransactionRequest.self)?.reservationId == 8)
    }

    @Test("§3.11, §5.11, §7.28: RemoteStartTransaction for the reserved idTag in another spelling is Accepted")
    func remoteStart_intoReservation_anyCase() throws {
        var station = try Self.all()
        let expiry = StationHarness.start.adding(seconds: 600)
        _ = station.csmsRequest(ReserveNowRequest(connectorId: 1, expiryDate: expiry, idTag: "TAG1", reservationId: 3))
        station.command(.plug(connector: 1))
        #expect(station.csmsRequest(RemoteStartTransactionRequest(connectorId: 1, idTag: "tag1"))?.status == .accepted)
        #expect(station.lastRequest(StartTransactionRequest.self)?.reservationId == 3)
    }

    @Test("§3.10, §7.28: a card whose parentIdTag matches in another spelling stops the transaction")
    func group_parentIdTag_anyCase() throws {
        var station = try StationHarness.booted()
        station.csms.idTags["family-c"] = IdTagInfo(parentIdTag: "Family", status: .accepted)
        station.plugAndSwipe(idTag: "FAMILY-A", connector: 1)
        station.command(.swipe(idTag: "FAMILY-C", connector: 1))
        let stop = try #require(station.lastRequest(StopTransactionRequest.self))
        #expect(stop.idTag == "FAMILY-C")
        #expect(stop.reason == .local)
    }

    @Test("§3.4, §7.28: without a connector number, the card's own transaction is found in any spelling")
    func swipeWithoutConnector_findsItsTransaction_anyCase() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 2)
        station.command(.swipe(idTag: "tag1", connector: nil))
        #expect(station.lastRequest(StopTransactionRequest.self)?.idTag == "tag1")
        #expect(station.errors.isEmpty)
    }

    @Test("§4.10, errata 3.5, §7.28: a cable kept locked after the stop is released by its card in any spelling")
    func lockedCable_releasedByItsCard_anyCase() throws {
        var station = try StationHarness.booted(configuration: ["UnlockConnectorOnEVSideDisconnect": "false"])
        station.plugAndSwipe(idTag: "Tag1", connector: 1)
        station.command(.unplug(connector: 1))
        #expect(station.snapshot.connectors[0].locked)
        station.command(.swipe(idTag: "tAG1", connector: 1))
        #expect(!station.snapshot.connectors[0].locked)
        #expect(station.status(1) == .available)
    }
}
