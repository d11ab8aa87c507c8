import ChargePoint
import Testing

/// Cable unplugged at the EV during a transaction (OCPP 1.6 §4.9, §4.10, errata 3.80,
/// 3.84; OCTT TC_005_1, TC_005_2, TC_005_3).
@Suite("EV side disconnect")
struct EVSideDisconnectTests {
    @Test func stopOnDisconnect_andUnlock_stopsWithEVDisconnected_thenAvailable() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.command(.unplug(connector: 1))
        #expect(station.lastRequest(StopTransactionRequest.self)?.reason == .evDisconnected)
        #expect(station.reportedStatuses(1).suffix(3) == [.charging, .finishing, .available])
        station.expectNoInternalErrors()
    }

    @Test func stopOnDisconnect_withoutUnlock_keepsTheCableLockedInTheSocket() throws {
        var station = try StationHarness.booted(configuration: ["UnlockConnectorOnEVSideDisconnect": "false"])
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.command(.unplug(connector: 1))
        #expect(station.lastRequest(StopTransactionRequest.self)?.reason == .evDisconnected)
        #expect(station.status(1) == .finishing)
        #expect(station.snapshot.connectors[0].locked)
        #expect(station.csmsRequest(UnlockConnectorRequest(connectorId: 1))?.status == .unlocked)
        #expect(station.status(1) == .available)
    }

    @Test func keepTransactionOnDisconnect_goesSuspendedEV_withInfo_andResumesOnReconnect() throws {
        var station = try StationHarness.booted(configuration: ["StopTransactionOnEVSideDisconnect": "false"])
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.command(.unplug(connector: 1))
        #expect(station.sentCalls(.stopTransaction).isEmpty)
        let suspended = try #require(station.lastRequest(StatusNotificationRequest.self))
        #expect(suspended.status == .suspendedEV)
        #expect(suspended.info == "EV side disconnected")
        #expect(station.snapshot.connectors[0].locked)
        station.command(.plug(connector: 1))
        #expect(station.status(1) == .charging)
        // TC_005_3: a remote stop then ends it.
        station.command(.unplug(connector: 1))
        #expect(station.csmsRequest(RemoteStopTransactionRequest(transactionId: 1))?.status == .accepted)
        #expect(station.lastRequest(StopTransactionRequest.self)?.reason == .remote)
    }

    @Test func fixedCable_disconnectAtTheEV_finishesThenAvailable() throws {
        var station = try StationHarness.booted(profile: TestProfiles.oneFixedCable)
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.command(.unplug(connector: 1))
        #expect(station.reportedStatuses(1).suffix(3) == [.charging, .finishing, .available])
    }
}
