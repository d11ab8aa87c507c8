import ChargePoint
import Testing

/// Offline operation and the delivery of transaction-related messages
/// (OCPP 1.6 §3.5, §3.7, §3.7.1, errata 3.18; OCTT TC_036 to TC_039).
@Suite("Offline and delivery")
struct OfflineAndDeliveryTests {
    @Test func offlineTransaction_withLocallyKnownCard_isQueuedAndDeliveredInOrder() throws {
        var station = try StationHarness.booted()
        // The cache learns TAG1.
        station.command(.swipe(idTag: "TAG1", connector: 1))
        station.command(.swipe(idTag: "TAG1", connector: 1))
        station.command(.offline)
        #expect(station.linkRequests.last == .disconnect(reason: "held offline (until 'online')"))
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        #expect(station.status(1) == .charging)
        station.advance(seconds: 600)
        station.command(.swipe(idTag: "TAG1", connector: 1))
        station.command(.unplug(connector: 1))
        #expect(station.snapshot.queuedTransactionMessages == 2)
        station.advance(seconds: 3600)
        #expect(station.sentCalls(.startTransaction).isEmpty)
        station.command(.online)
        let start = try #require(station.lastRequest(StartTransactionRequest.self))
        let stop = try #require(station.lastRequest(StopTransactionRequest.self))
        // Original timestamps, and the transactionId learnt from the queued start.
        #expect(start.timestamp.rfc3339 == "2026-11-24T10:00:00.000Z")
        #expect(stop.timestamp.rfc3339 == "2026-11-24T10:10:00.000Z")
        #expect(stop.transactionId == 1)
        #expect(stop.reason == .local)
        #expect(station.snapshot.queuedTransactionMessages == 0)
        // Statuses: only the current one after reconnecting (§4.9).
        #expect(station.reportedStatuses(1) == [.available, .preparing, .available, .available])
    }

    /// Online, messages leave in the order they were made: StartTransaction before the
    /// StatusNotification (Charging) it caused, StopTransaction before Finishing (the
    /// OCTT TC_003 sequence).
    @Test func online_transactionMessagesAndStatusesLeaveInTheOrderTheyWereMade() throws {
        var station = try StationHarness.booted()
        station.command(.plug(connector: 1))
        station.clearHistory()
        station.command(.swipe(idTag: "TAG1", connector: 1))
        #expect(station.sentActions == ["Authorize", "StartTransaction", "StatusNotification"])
        station.clearHistory()
        station.command(.stop(connector: 1))
        #expect(station.sentActions == ["StopTransaction", "StatusNotification"])
    }

    /// A backlog made offline does not hold up what is new: the current status goes
    /// first after the reconnection (OCPP 1.6 §3.7 "MAY be delivered immediately").
    @Test func offlineBacklog_isOvertakenByNewStatusNotifications() throws {
        var station = try StationHarness.booted(configuration: ["MeterValueSampleInterval": "60"])
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.command(.offline)
        station.advance(seconds: 600)
        station.command(.evSuspend(connector: 1))
        station.clearHistory()
        station.command(.online)
        let actions = station.sentActions
        #expect(actions.first == "StatusNotification")
        #expect(actions.dropFirst().allSatisfy { $0 == "MeterValues" } && actions.count == 11)
    }

    @Test func offline_unknownCard_isRefused_unlessAllowOfflineTxForUnknownId() throws {
        var station = try StationHarness.booted()
        station.command(.offline)
        station.plugAndSwipe(idTag: "STRANGER", connector: 1)
        #expect(station.status(1) == .preparing)
        station.command(.configSet(key: "AllowOfflineTxForUnknownId", value: "true"))
        station.command(.swipe(idTag: "STRANGER", connector: 1))
        #expect(station.status(1) == .charging)
    }

    @Test func offline_withoutLocalAuthorizeOffline_refusesEvenKnownCards() throws {
        var station = try StationHarness.booted(configuration: ["LocalAuthorizeOffline": "false"])
        station.command(.swipe(idTag: "TAG1", connector: 1))
        station.command(.swipe(idTag: "TAG1", connector: 1))
        station.command(.offline)
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        #expect(station.status(1) == .preparing)
    }

    @Test func connectionLossDuringTransaction_queuesMeterValues_thenDeliversThemInOrder() throws {
        var station = try StationHarness.booted(configuration: ["MeterValueSampleInterval": "60"])
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.expectSent(.meterValues, count: 1, afterAdvancing: 60)
        station.dropLink()
        station.expectSent(.meterValues, count: 1, afterAdvancing: 300)
        #expect(station.snapshot.queuedTransactionMessages == 5)
        station.restoreNetwork()
        station.advance(seconds: 60)
        let values = station.sentRequests(MeterValuesRequest.self)
        #expect(values.count == 7)
        let times = values.map { $0.meterValue.first.timestamp.rfc3339 }
        #expect(times == (1...7).map { "2026-11-24T10:\(String(format: "%02d", $0)):00.000Z" })
        #expect(values.allSatisfy { $0.transactionId == 1 })
        let energy = values.compactMap { Int($0.meterValue.first.sampledValue.first.value) }
        #expect(energy == energy.sorted())
    }

    @Test func stopTransactionCallError_isRetriedWithGrowingIntervals_thenDropped() throws {
        var station = try StationHarness.booted(configuration: [
            "TransactionMessageAttempts": "3", "TransactionMessageRetryInterval": "10",
        ])
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.csms.behaviour[.stopTransaction] = .callError(.internalError)
        station.command(.stop(connector: 1))
        #expect(station.sentCalls(.stopTransaction).count == 1)
        station.expectSent(.stopTransaction, count: 1, afterAdvancing: 9)
        station.expectSent(.stopTransaction, count: 2, afterAdvancing: 1)
        station.expectSent(.stopTransaction, count: 2, afterAdvancing: 19)
        station.expectSent(.stopTransaction, count: 3, afterAdvancing: 1)
        station.expectSent(.stopTransaction, count: 3, afterAdvancing: 3600)
        #expect(station.snapshot.queuedTransactionMessages == 0)
    }

    @Test func stopTransactionCallError_thenSuccess_deliversOnce() throws {
        var station = try StationHarness.booted(configuration: ["TransactionMessageRetryInterval": "10"])
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.csms.behaviour[.stopTransaction] = .callError(.genericError)
        station.csms.behaviourCounts[.stopTransaction] = 1
        station.command(.stop(connector: 1))
        station.expectSent(.stopTransaction, count: 2, afterAdvancing: 10)
        station.expectSent(.stopTransaction, count: 2, afterAdvancing: 600)
        #expect(station.snapshot.queuedTransactionMessages == 0)
    }

    @Test func abandonedStartTransaction_laterMessagesCarryMinusOne() throws {
        var station = try StationHarness.booted(configuration: [
            "TransactionMessageAttempts": "1", "MeterValueSampleInterval": "30",
        ])
        station.csms.behaviour[.startTransaction] = .callError(.internalError)
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.csms.behaviour[.startTransaction] = .answer
        station.advance(seconds: 30)
        #expect(station.lastRequest(MeterValuesRequest.self)?.transactionId == -1)
        station.command(.stop(connector: 1))
        #expect(station.lastRequest(StopTransactionRequest.self)?.transactionId == -1)
    }

    @Test func nonTransactionRequests_overtakeTheQueue() throws {
        var station = try StationHarness.booted(configuration: ["MeterValueSampleInterval": "10"])
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.dropLink()
        station.advance(seconds: 100)
        station.command(.plug(connector: 2))
        station.restoreNetwork()
        station.clearHistory()
        station.advance(seconds: 70)
        let actions = station.sent.compactMap { text -> String? in
            if case .success(.call(let call)) = Frame.parse(text) { return call.action }
            return nil
        }
        let firstMeterValues = try #require(actions.firstIndex(of: "MeterValues"))
        let status = try #require(actions.firstIndex(of: "StatusNotification"))
        #expect(status < firstMeterValues)
    }

    @Test func reconnect_backsOffExponentially_withJitter_capped() throws {
        var station = try StationHarness.booted()
        station.dropLink()
        station.clearHistory()
        station.advance(seconds: 600)
        let attempts = station.linkRequests.filter { $0 == .connect }.count
        // 1 s, then ~2, 4, 8, 16, 32 s, then at most ~60 s (plus jitter): about 13 tries in 10 min.
        #expect(attempts >= 10 && attempts <= 16)
        station.restoreNetwork()
        station.advance(seconds: 80)
        #expect(station.snapshot.connection == .connected)
    }

    @Test func offlineCommand_holdsTheLinkDown_untilOnline() throws {
        var station = try StationHarness.booted()
        station.command(.offline)
        station.advance(seconds: 3600)
        #expect(station.snapshot.connection == .disconnected)
        #expect(station.snapshot.heldOffline)
        station.command(.online)
        #expect(station.snapshot.connection == .connected)
    }

    @Test func unansweredTransactionMessage_countsAsAFailedAttempt() throws {
        var station = try StationHarness.booted(configuration: ["TransactionMessageRetryInterval": "10"])
        station.command(.plug(connector: 1))
        station.csms.behaviour[.startTransaction] = .silent
        station.csms.behaviourCounts[.startTransaction] = 1
        station.command(.swipe(idTag: "TAG1", connector: 1))
        station.advance(seconds: 30)
        station.expectSent(.startTransaction, count: 2, afterAdvancing: 10)
        #expect(station.snapshot.connectors[0].session?.transactionId == 1)
    }

    /// §3.7 "try the same message again": a StartTransaction whose answer the lost link
    /// took goes again on the next connection with the same message id (OCPP-J §4.1.3
    /// forbids an id twice on one connection only), so that the central system can tell
    /// the resend from a second transaction (issue 15 review). A retry after a CALLERROR,
    /// on the same connection, takes a new id.
    @Test func aTransactionMessageInFlightAtALinkLoss_goesAgainWithItsMessageId() throws {
        var station = try StationHarness.booted()
        station.csms.behaviour[.startTransaction] = .hold
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        let first = try #require(station.csms.received.last { $0.action == .startTransaction })
        station.csms.held.removeAll()
        station.dropLink()
        station.restoreNetwork()
        station.advance(seconds: 30)
        let starts = station.csms.received.filter { $0.action == .startTransaction }
        #expect(starts.count == 2)
        #expect(starts.last?.messageId == first.messageId)
        #expect(starts.last?.text == first.text)
        station.csms.behaviour[.startTransaction] = .callError(.internalError)
        station.releaseHeld(.startTransaction)
        station.dropLink()
        station.restoreNetwork()
        station.advance(seconds: 30)
        station.csms.behaviour[.startTransaction] = .answer
        station.advance(seconds: 120)
        let ids = station.csms.received.filter { $0.action == .startTransaction }.map(\.messageId)
        #expect(Set(ids.dropFirst(2)).count == ids.count - 2 && !ids.dropFirst(2).contains(first.messageId), "\(ids)")
    }
}
