import Testing

@testable import ChargePoint

/// A fault's info text reaches the central system in the StatusNotification that reports
/// it (OCPP 1.6 §6.47 `info`, CiString50), for a connector and for the station (issue 12
/// review: the screen showed it, the central system never got it).
@Suite("Fault info")
struct FaultInfoTests {
    @Test(arguments: [0, 1])
    func aFaultsInfo_isInItsStatusNotification(_ connector: Int) throws {
        var station = try StationHarness.booted()
        station.command(.fault(connector: connector, code: .groundFailure, info: "RCD tripped"))
        station.advance(seconds: 1)
        let report = try #require(
            station.sentRequests(StatusNotificationRequest.self).last { $0.connectorId == connector })
        #expect(report.status == .faulted && report.errorCode == .groundFailure)
        #expect(report.info?.value == "RCD tripped")
        station.command(.clear(connector: connector))
        station.advance(seconds: 1)
        let cleared = try #require(
            station.sentRequests(StatusNotificationRequest.self).last { $0.connectorId == connector })
        #expect(cleared.errorCode == .noError && cleared.info == nil)
    }
}
