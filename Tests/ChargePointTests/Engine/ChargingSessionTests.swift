import ChargePoint
import Testing

/// Sessions from cable and card to StartTransaction and StopTransaction
/// (OCPP 1.6 §4.1, §4.8, §4.10, §9.1.6; OCTT TC_003, TC_004, TC_068, TC_069, TC_023).
@Suite("Charging sessions")
struct ChargingSessionTests {
    @Test func plugFirst_thenCard_authorizesAndStarts() throws {
        var station = try StationHarness.booted()
        station.command(.plug(connector: 1))
        #expect(station.reportedStatuses(1) == [.available, .preparing])
        station.command(.swipe(idTag: "TAG1", connector: 1))
        #expect(station.sentRequests(AuthorizeRequest.self).map(\.idTag) == ["TAG1"])
        let start = try #require(station.lastRequest(StartTransactionRequest.self))
        #expect(start.connectorId == 1 && start.idTag == "TAG1" && start.meterStart == 0)
        #expect(station.reportedStatuses(1) == [.available, .preparing, .charging])
        #expect(station.snapshot.connectors[0].session?.transactionId == 1)
        #expect(station.snapshot.connectors[0].locked)
        station.expectNoInternalErrors()
    }

    @Test func cardFirst_thenCable_startsWhenPlugged() throws {
        var station = try StationHarness.booted()
        station.command(.swipe(idTag: "TAG1", connector: 1))
        #expect(station.reportedStatuses(1) == [.available, .preparing])
        #expect(station.sentCalls(.startTransaction).isEmpty)
        station.command(.plug(connector: 1))
        #expect(station.sentCalls(.startTransaction).count == 1)
        #expect(station.reportedStatuses(1) == [.available, .preparing, .charging])
    }

    @Test func cardFirst_connectionTimeOut_returnsToAvailable() throws {
        var station = try StationHarness.booted(configuration: ["ConnectionTimeOut": "30"])
        station.command(.swipe(idTag: "TAG1", connector: 1))
        station.advance(seconds: 29)
        #expect(station.status(1) == .preparing)
        station.advance(seconds: 1)
        #expect(station.reportedStatuses(1) == [.available, .preparing, .available])
        station.command(.plug(connector: 1))
        #expect(station.sentCalls(.startTransaction).isEmpty)
    }

    @Test func plugFirst_connectionTimeOut_goesFinishing_B6() throws {
        var station = try StationHarness.booted(configuration: ["ConnectionTimeOut": "30"])
        station.command(.plug(connector: 1))
        station.advance(seconds: 30)
        #expect(station.reportedStatuses(1) == [.available, .preparing, .finishing])
        // A card now restarts the session through Preparing (F2).
        station.command(.swipe(idTag: "TAG1", connector: 1))
        #expect(station.reportedStatuses(1) == [.available, .preparing, .finishing, .preparing, .charging])
        station.expectNoInternalErrors()
    }

    @Test func secondPresentationOfTheSameCard_cancelsThePreparedSession() throws {
        var station = try StationHarness.booted()
        station.command(.swipe(idTag: "TAG1", connector: 1))
        station.command(.swipe(idTag: "TAG1", connector: 1))
        #expect(station.reportedStatuses(1) == [.available, .preparing, .available])
    }

    @Test(arguments: [("BLOCKED", AuthorizationStatus.blocked), ("EXPIRED", .expired), ("NOBODY", .invalid)])
    func refusedCard_startsNothing(_ idTag: String, _ status: AuthorizationStatus) throws {
        var station = try StationHarness.booted()
        station.command(.plug(connector: 1))
        station.command(.swipe(idTag: idTag, connector: 1))
        #expect(station.sentCalls(.authorize).count == 1)
        #expect(station.sentCalls(.startTransaction).isEmpty)
        #expect(station.status(1) == .preparing)
        #expect(station.notices.contains { $0.contains(status.rawValue) })
    }

    @Test func sameCardStops_withoutAuthorize_reasonLocal() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.advance(seconds: 3600)
        station.command(.swipe(idTag: "tag1", connector: 1))
        #expect(station.sentCalls(.authorize).count == 1)
        let stop = try #require(station.lastRequest(StopTransactionRequest.self))
        #expect(stop.reason == .local)
        #expect(stop.idTag == "tag1")
        #expect(stop.transactionId == 1)
        // 1 hour at the EV's 11 kW.
        #expect(stop.meterStop == 11_000)
        #expect(station.reportedStatuses(1).suffix(1) == [.finishing])
        #expect(!station.snapshot.connectors[0].locked)
        station.command(.unplug(connector: 1))
        #expect(station.reportedStatuses(1).suffix(2) == [.finishing, .available])
    }

    @Test func cardOfTheSameGroup_stopsTheTransaction() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "FAMILY-A", connector: 1)
        station.command(.swipe(idTag: "FAMILY-B", connector: 1))
        #expect(station.sentRequests(AuthorizeRequest.self).map(\.idTag) == ["FAMILY-A", "FAMILY-B"])
        let stop = try #require(station.lastRequest(StopTransactionRequest.self))
        #expect(stop.idTag == "FAMILY-B")
        #expect(stop.reason == .local)
    }

    @Test func cardOfAnotherGroup_cannotStopTheTransaction() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "FAMILY-A", connector: 1)
        station.command(.swipe(idTag: "TAG2", connector: 1))
        #expect(station.sentCalls(.stopTransaction).isEmpty)
        #expect(station.status(1) == .charging)
    }

    @Test func stopButton_stopsWithReasonLocalAndNoIdTag() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 2)
        station.command(.stop(connector: 2))
        let stop = try #require(station.lastRequest(StopTransactionRequest.self))
        #expect(stop.reason == .local && stop.idTag == nil)
    }

    @Test func startTransactionInvalid_withStopTransactionOnInvalidId_stopsDeAuthorized() throws {
        var station = try StationHarness.booted(configuration: ["LocalPreAuthorize": "true"])
        station.csms.idTags["cached"] = IdTagInfo(status: .accepted)
        station.command(.swipe(idTag: "CACHED", connector: 1))  // Authorize: cache now knows it
        station.command(.swipe(idTag: "CACHED", connector: 1))  // second presentation cancels
        station.csms.idTags["cached"] = IdTagInfo(status: .blocked)
        station.command(.plug(connector: 1))
        station.command(.swipe(idTag: "CACHED", connector: 1))  // pre-authorized from the cache
        #expect(station.sentCalls(.authorize).count == 1)
        let stop = try #require(station.lastRequest(StopTransactionRequest.self))
        #expect(stop.reason == .deAuthorized)
        // The cable stays locked until the same card comes back (errata 3.5).
        #expect(station.snapshot.connectors[0].locked)
        station.command(.swipe(idTag: "CACHED", connector: 1))
        #expect(!station.snapshot.connectors[0].locked)
    }

    @Test func startTransactionInvalid_withoutStopTransactionOnInvalidId_suspendsEnergy() throws {
        var station = try StationHarness.booted(configuration: ["StopTransactionOnInvalidId": "false"])
        station.csms.idTags["tag1"] = IdTagInfo(status: .accepted)
        station.csms.behaviour[.startTransaction] = .hold
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.csms.idTags["tag1"] = IdTagInfo(status: .invalid)
        station.releaseHeld(.startTransaction)
        #expect(station.sentCalls(.stopTransaction).isEmpty)
        #expect(station.status(1) == .suspendedEVSE)
        #expect(station.snapshot.connectors[0].powerW == 0)
    }

    @Test func maxEnergyOnInvalidId_deliversThatMuchThenStops() throws {
        var station = try StationHarness.booted(configuration: ["MaxEnergyOnInvalidId": "1000"])
        station.csms.behaviour[.startTransaction] = .hold
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.csms.idTags["tag1"] = IdTagInfo(status: .invalid)
        station.releaseHeld(.startTransaction)
        #expect(station.status(1) == .charging)
        station.advance(seconds: 327)  // 1000 Wh at 11 kW takes 327.3 s
        #expect(station.sentCalls(.stopTransaction).isEmpty)
        station.advance(seconds: 1)
        let stop = try #require(station.lastRequest(StopTransactionRequest.self))
        #expect(stop.reason == .deAuthorized)
        #expect(stop.meterStop == 1000)
    }

    @Test func transactionIds_reachTheEventsAndTheSnapshot() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        let kinds = station.events.compactMap { event -> TransactionEvent.Kind? in
            if case .transaction(let transaction) = event { return transaction.kind }
            return nil
        }
        #expect(kinds == [.started, .updated])
    }

    @Test func evFull_goesSuspendedEV_andEnergyMatchesTheBattery() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 2)
        // 60 kWh battery at 30 %: 42 kWh. 125 A at the link's 384 V (SoC 30 %) to 400 V
        // (SoC 50 %) is 48 to 50 kW, then the 50 kW maximum: about 50.7 minutes.
        station.advance(seconds: 3000)
        #expect(station.status(2) == .charging)
        station.advance(seconds: 60)
        #expect(station.status(2) == .suspendedEV)
        #expect(station.snapshot.connectors[1].socPercent == 100)
        #expect(abs(station.snapshot.connectors[1].meterWh - 42_000) < 1)
    }

    @Test func evSuspendAndResume_switchBetweenSuspendedEVAndCharging() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.command(.evSuspend(connector: 1))
        station.command(.evResume(connector: 1))
        #expect(station.reportedStatuses(1) == [.available, .preparing, .charging, .suspendedEV, .charging])
    }

    /// A tester sets the car up, then plugs it in: `ev power` before the cable is the
    /// next EV's maximum draw, used once.
    @Test func evPower_beforeTheCableIsPlugged_isTheNextEVsMaximum() throws {
        var station = try StationHarness.booted()
        station.command(.evPower(connector: 1, kilowatts: 7))
        #expect(station.errors.isEmpty)
        #expect(station.notices.last?.contains("next EV") == true)
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        #expect(station.snapshot.connectors[0].evMaxPowerW == 7000)
        #expect(station.snapshot.connectors[0].powerW == 7000)
        station.command(.swipe(idTag: "TAG1", connector: 1))
        station.command(.unplug(connector: 1))
        station.command(.plug(connector: 1))
        // Used once: the following EV is the profile's default again (11 kW AC).
        #expect(station.snapshot.connectors[0].evMaxPowerW == 11_000)
    }

    /// `clear 0` answers like `clear <c>`: a fault to clear, or why not.
    @Test func clearingTheStation_withoutAFault_says_so() throws {
        var station = try StationHarness.booted()
        station.command(.fault(connector: 0, code: .otherError, info: "test"))
        #expect(station.status(0) == .faulted)
        station.command(.clear(connector: 0))
        #expect(station.status(0) == .available)
        #expect(station.errors.isEmpty)
        station.command(.clear(connector: 0))
        #expect(station.errors == ["the station has no fault to clear"])
    }

    @Test func badCommands_changeNothing_andSayWhy() throws {
        var station = try StationHarness.booted()
        station.clearHistory()
        station.command(.plug(connector: 3))
        station.command(.unplug(connector: 1))
        station.command(.swipe(idTag: "THIS-IDTAG-IS-TOO-LONG-FOR-OCPP", connector: 1))
        station.command(.swipe(idTag: "TAG1", connector: nil))
        station.command(.stop(connector: 1))
        station.command(.evPower(connector: 1, kilowatts: 0))
        station.command(.lockJam(connector: 2))
        #expect(station.errors.count == 7)
        #expect(station.errors[0].contains("connector 3 does not exist"))
        #expect(station.sent.isEmpty)
        #expect(station.status(1) == .available)
    }
}
