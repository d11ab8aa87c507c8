import ChargePoint
import Testing

/// A transaction's start or end reaches the central system before the status it led to
/// (OCPP 1.6 §4.9, §3.7): online, offline and across a power cut. Statuses of other
/// connectors and other messages may still overtake an offline backlog (§3.7).
@Suite("Message order")
struct MessageOrderTests {
    /// The index in `sent` of the first StatusNotification for `connector` after `from`.
    static func statusIndex(_ station: StationHarness, connector: Int, from: Int = 0) -> Int? {
        station.sent.indices.first { index in
            index >= from && station.sent[index].contains("\"StatusNotification\"")
                && station.sent[index].contains("\"connectorId\":\(connector),")
        }
    }

    static func index(of action: String, in station: StationHarness, from: Int = 0) -> Int? {
        station.sent.indices.first { $0 >= from && station.sent[$0].contains("\"\(action)\"") }
    }

    @Test func online_stopThenFinishingThenAvailable_OCPP16_4_9() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.advance(seconds: 60)
        station.clearHistory()
        station.command(.stop(connector: 1))
        station.command(.unplug(connector: 1))
        #expect(station.sentActions == ["StopTransaction", "StatusNotification", "StatusNotification"])
        #expect(station.reportedStatuses(1) == [.finishing, .available])
    }

    @Test func powerCutDuringSession_sendsStopTransactionBeforeTheFinishingItCaused_OCPP16_4_9() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.advance(seconds: 30)
        let before = station.sent.count
        try station.powerCut(restartAfter: 5)
        let stop = try #require(Self.index(of: "StopTransaction", in: station, from: before))
        let finishing = try #require(Self.statusIndex(station, connector: 1, from: before))
        #expect(stop < finishing, "\(station.sentActions.suffix(6))")
        #expect(station.reportedStatuses(1).last == .finishing)
        // Connector 2 had nothing to do with it: its status is not held back.
        let other = try #require(Self.statusIndex(station, connector: 2, from: before))
        #expect(other < stop)
    }

    @Test func offlineStopAndUnplug_sendsStopTransactionBeforeAvailable_andNoHistoricalFinishing_OCPP16_4_9() throws {
        var station = try StationHarness.booted()
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.advance(seconds: 60)
        station.command(.offline)
        station.command(.stop(connector: 1))
        station.command(.unplug(connector: 1))
        station.advance(seconds: 30)
        let before = station.sent.count
        station.command(.online)
        let stop = try #require(Self.index(of: "StopTransaction", in: station, from: before))
        let available = try #require(Self.statusIndex(station, connector: 1, from: before))
        #expect(stop < available, "\(station.sentActions.suffix(6))")
        // §4.9 rule 3: the historical Finishing is not reported; the current status is.
        let after = station.sentRequests(StatusNotificationRequest.self).filter { $0.connectorId == 1 }.suffix(1)
        #expect(after.map(\.status) == [.available])
    }

    @Test func offlineSessionStartedAndStopped_sendsStartAndStopBeforeTheStatus_OCPP16_3_7() throws {
        var station = try StationHarness.booted(configuration: ["AllowOfflineTxForUnknownId": "true"])
        station.command(.offline)
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.advance(seconds: 120)
        station.command(.unplug(connector: 1))
        let before = station.sent.count
        station.command(.online)
        let start = try #require(Self.index(of: "StartTransaction", in: station, from: before))
        let stop = try #require(Self.index(of: "StopTransaction", in: station, from: before))
        let status = try #require(Self.statusIndex(station, connector: 1, from: before))
        #expect(start < stop && stop < status, "\(station.sentActions.suffix(8))")
    }

    /// Another connector's status is not kept waiting behind connector 1's offline
    /// backlog (§3.7: new messages that are not transaction-related MAY be delivered
    /// immediately).
    @Test func otherConnectorsStatus_overtakesTheOfflineBacklog_OCPP16_3_7() throws {
        var station = try StationHarness.booted(configuration: ["MeterValueSampleInterval": "10"])
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.command(.offline)
        station.advance(seconds: 600)
        station.csms.behaviour[.meterValues] = .hold
        let before = station.sent.count
        station.command(.online)
        station.command(.plug(connector: 2))
        station.releaseHeld(.meterValues)
        let actions = station.sentActions.suffix(3)
        #expect(Array(actions) == ["MeterValues", "StatusNotification", "MeterValues"], "\(actions)")
        #expect(Self.statusIndex(station, connector: 2, from: before) != nil)
    }
}
