import ChargePoint
import Testing

/// MinimumStatusDuration (OCPP 1.6 §4.9, §9.1.20): a status is reported once it has
/// lasted that long; one that did not is never sent.
@Suite("MinimumStatusDuration")
struct MinimumStatusDurationTests {
    @Test func shortLivedStatuses_areNotReported() throws {
        var station = try StationHarness.booted(configuration: ["MinimumStatusDuration": "5"])
        station.advance(seconds: 5)
        station.clearHistory()
        station.command(.plug(connector: 1))
        station.advance(seconds: 2)
        station.command(.swipe(idTag: "TAG1", connector: 1))
        station.advance(seconds: 4)
        #expect(station.reportedStatuses(1).isEmpty)
        station.advance(seconds: 1)
        #expect(station.reportedStatuses(1) == [.charging])
        // The operator saw every status at once.
        let shown = station.events.compactMap { event -> ChargePointStatus? in
            if case .connector(1, let status, _, _) = event { return status }
            return nil
        }
        #expect(shown == [.preparing, .charging])
    }
}
