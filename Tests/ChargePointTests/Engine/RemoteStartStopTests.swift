import ChargePoint
import Testing

/// RemoteStartTransaction and RemoteStopTransaction (OCPP 1.6 §5.11, §5.12;
/// OCTT TC_010, TC_011, TC_012, TC_026, TC_027, TC_028).
@Suite("Remote start and stop")
struct RemoteStartStopTests {
    @Test func remoteStart_cablePluggedFirst_startsAtOnce() throws {
        var station = try StationHarness.booted()
        station.command(.plug(connector: 1))
        let answer = station.csmsRequest(RemoteStartTransactionRequest(connectorId: 1, idTag: "TAG1"))
        #expect(answer?.status == .accepted)
        #expect(station.sentCalls(.authorize).isEmpty)
        #expect(station.lastRequest(StartTransactionRequest.self)?.idTag == "TAG1")
        #expect(station.status(1) == .charging)
    }

    @Test func remoteStart_beforeTheCable_waitsInPreparing_thenStarts() throws {
        var station = try StationHarness.booted()
        #expect(station.csmsRequest(RemoteStartTransactionRequest(connectorId: 1, idTag: "TAG1"))?.status == .accepted)
        #expect(station.status(1) == .preparing)
        station.command(.plug(connector: 1))
        #expect(station.reportedStatuses(1) == [.available, .preparing, .charging])
    }

    @Test func remoteStart_timesOutWithoutCable() throws {
        var station = try StationHarness.booted(configuration: ["ConnectionTimeOut": "45"])
        _ = station.csmsRequest(RemoteStartTransactionRequest(connectorId: 1, idTag: "TAG1"))
        station.advance(seconds: 45)
        #expect(station.reportedStatuses(1) == [.available, .preparing, .available])
        #expect(station.sentCalls(.startTransaction).isEmpty)
    }

    @Test func remoteStart_withAuthorizeRemoteTxRequests_authorizesFirst() throws {
        var station = try StationHarness.booted(configuration: ["AuthorizeRemoteTxRequests": "true"])
        station.command(.plug(connector: 1))
        _ = station.csmsRequest(RemoteStartTransactionRequest(connectorId: 1, idTag: "TAG1"))
        #expect(station.sentRequests(AuthorizeRequest.self).map(\.idTag) == ["TAG1"])
        #expect(station.sentCalls(.startTransaction).count == 1)
        _ = station.csmsRequest(RemoteStartTransactionRequest(connectorId: 2, idTag: "BLOCKED"))
        station.command(.plug(connector: 2))
        #expect(station.sentCalls(.startTransaction).count == 1)
    }

    @Test func remoteStart_onConnectorZero_isRejected() throws {
        var station = try StationHarness.booted()
        #expect(station.csmsRequest(RemoteStartTransactionRequest(connectorId: 0, idTag: "TAG1"))?.status == .rejected)
    }

    @Test func remoteStart_whenConnectorFaulted_isRejected() throws {
        var station = try StationHarness.booted()
        station.command(.fault(connector: 1, code: .groundFailure, info: nil))
        #expect(station.csmsRequest(RemoteStartTransactionRequest(connectorId: 1, idTag: "TAG1"))?.status == .rejected)
    }

    @Test func remoteStart_whenConnectorBusy_orUnknown_isRejected() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        #expect(station.csmsRequest(RemoteStartTransactionRequest(connectorId: 1, idTag: "TAG2"))?.status == .rejected)
        #expect(station.csmsRequest(RemoteStartTransactionRequest(connectorId: 9, idTag: "TAG2"))?.status == .rejected)
    }

    @Test func remoteStart_withoutConnector_picksTheOneWithACable() throws {
        var station = try StationHarness.booted()
        station.command(.plug(connector: 2))
        #expect(station.csmsRequest(RemoteStartTransactionRequest(idTag: "TAG1"))?.status == .accepted)
        #expect(station.lastRequest(StartTransactionRequest.self)?.connectorId == 2)
    }

    @Test func remoteStop_stopsWithReasonRemote() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        #expect(station.csmsRequest(RemoteStopTransactionRequest(transactionId: 1))?.status == .accepted)
        let stop = try #require(station.lastRequest(StopTransactionRequest.self))
        #expect(stop.reason == .remote && stop.transactionId == 1)
        #expect(station.status(1) == .finishing)
    }

    @Test func remoteStop_unknownTransaction_isRejected() throws {
        var station = try StationHarness.booted()
        #expect(station.csmsRequest(RemoteStopTransactionRequest(transactionId: 77))?.status == .rejected)
    }
}
