import ChargePoint
import Testing

/// UnlockConnector (OCPP 1.6 §5.18, errata 3.87; OCTT TC_017, TC_018, TC_030, TC_031).
@Suite("UnlockConnector")
struct UnlockConnectorTests {
    @Test func unlock_withoutSession_unlocks() throws {
        var station = try StationHarness.booted()
        #expect(station.csmsRequest(UnlockConnectorRequest(connectorId: 1))?.status == .unlocked)
    }

    @Test func unlock_fixedCable_isNotSupported() throws {
        var station = try StationHarness.booted()
        #expect(station.csmsRequest(UnlockConnectorRequest(connectorId: 2))?.status == .notSupported)
    }

    @Test(arguments: [0, 3, 99])
    func unlock_unknownConnector_isNotSupported(_ connector: Int) throws {
        var station = try StationHarness.booted()
        #expect(station.csmsRequest(UnlockConnectorRequest(connectorId: connector))?.status == .notSupported)
    }

    @Test func unlock_duringSession_stopsItWithReasonUnlockCommand() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        #expect(station.csmsRequest(UnlockConnectorRequest(connectorId: 1))?.status == .unlocked)
        #expect(station.lastRequest(StopTransactionRequest.self)?.reason == .unlockCommand)
        #expect(!station.snapshot.connectors[0].locked)
    }

    @Test func unlock_brokenLock_failsAndTheTransactionCannotStart() throws {
        var station = try StationHarness.booted()
        station.command(.fault(connector: 1, code: .connectorLockFailure, info: nil))
        #expect(station.csmsRequest(UnlockConnectorRequest(connectorId: 1))?.status == .unlockFailed)
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        #expect(station.sentCalls(.startTransaction).isEmpty)
        // OCTT TC_024: ConnectorLockFailure with status Faulted.
        let last = try #require(station.lastRequest(StatusNotificationRequest.self))
        #expect(last.errorCode == .connectorLockFailure)
        #expect(last.status == .faulted)
        station.command(.clear(connector: 1))
        #expect(station.status(1) == .preparing)
    }

    /// `lock jam` / `lock free` (issue 8 §7): a jammed lock faults the session that
    /// starts there, with no energy transfer (OCTT TC_024), fails UnlockConnector
    /// (TC_030), and works again once freed.
    @Test func lockJam_faultsTheNextSession_failsUnlock_andLockFreeClearsIt_TC024_TC030() throws {
        var station = try StationHarness.booted()
        station.command(.lockJam(connector: 1))
        #expect(station.snapshot.connectors[0].lockBroken)
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        #expect(station.sentCalls(.startTransaction).isEmpty)
        #expect(station.snapshot.connectors[0].powerW == 0)
        let faulted = try #require(station.lastRequest(StatusNotificationRequest.self))
        #expect(faulted.status == .faulted && faulted.errorCode == .connectorLockFailure)
        #expect(station.csmsRequest(UnlockConnectorRequest(connectorId: 1))?.status == .unlockFailed)
        station.command(.lockFree(connector: 1))
        #expect(!station.snapshot.connectors[0].lockBroken)
        #expect(station.status(1) == .preparing)
        #expect(station.lastRequest(StatusNotificationRequest.self)?.errorCode == .noError)
        station.command(.swipe(idTag: "TAG1", connector: 1))
        #expect(station.status(1) == .charging)
        #expect(station.snapshot.connectors[0].locked)
    }

    @Test func lockJam_onAFixedCable_orTwice_isRefused_andChangesNothing() throws {
        var station = try StationHarness.booted()
        station.command(.lockJam(connector: 2))
        station.command(.lockFree(connector: 1))
        station.command(.lockJam(connector: 1))
        station.command(.lockJam(connector: 1))
        #expect(station.errors.count == 3)
        #expect(station.errors[0].contains("no cable lock"))
    }

    /// A lock that jams during a session cannot open at its end; freed, it opens and the
    /// connector becomes Available once the EV is gone.
    @Test func lockJammedDuringASession_opensWhenFreed_andTheConnectorIsAvailable() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.command(.lockJam(connector: 1))
        station.command(.stop(connector: 1))
        station.command(.unplug(connector: 1))
        #expect(station.snapshot.connectors[0].locked)
        #expect(station.status(1) == .finishing)
        station.command(.lockFree(connector: 1))
        #expect(!station.snapshot.connectors[0].locked)
        #expect(station.status(1) == .available)
    }
}
