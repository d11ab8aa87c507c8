import ChargePoint
import Testing

@testable import ConsoleScreen

/// The connectors pane shows each connector's share of a station-wide limit
/// (ChargePointMaxProfile, OCPP 1.6 §3.13.3), and a connector's own limit as before.
@Suite("Connector share rendering")
struct ConnectorShareRenderingTests {
    static let stationMax =
        #"[2,"cs-1","SetChargingProfile",{"connectorId":0,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,"#
        + #""chargingProfilePurpose":"ChargePointMaxProfile","chargingProfileKind":"Absolute","chargingSchedule":"#
        + #"{"startSchedule":"2026-11-24T10:00:00.000Z","chargingRateUnit":"W","#
        + #""chargingSchedulePeriod":[{"startPeriod":0,"limit":10000}]}}}]"#

    static func pane(_ snapshot: StationSnapshot, columns: Int = 80) -> String {
        var surface = Surface(rows: 7, columns: columns)
        ConnectorsPane(snapshot: snapshot, selected: 1, glyphs: .unicode)
            .draw(Rect(top: 0, left: 0, height: 7, width: columns), into: &surface)
        return surface.text
    }

    @Test func eachConnectorRow_showsItsShareOfTheStationLimit() throws {
        var station = try ScriptedStation()
        station.receive(Self.stationMax)
        station.command(.plug(connector: 1))
        station.command(.evPower(connector: 1, kilowatts: 3))
        station.command(.swipe(idTag: "04A1B2C3D4E5F6", connector: 1))
        station.command(.plug(connector: 2))
        station.command(.swipe(idTag: "04A1B2C3D4E5F7", connector: 2))
        station.advance(seconds: 10)
        let snapshot = station.snapshot
        #expect(snapshot.connectors.map(\.stationLimitW) == [10_000, 10_000])
        #expect(snapshot.connectors.map(\.powerW) == [3000, 7000])
        let text = Self.pane(snapshot)
        #expect(text.contains("3.0 kW  share 3.0/10.0 kW"), "\(text)")
        #expect(text.contains("7.0 kW  share 7.0/10.0 kW"), "\(text)")
        // The whole screen at the sizes people use: the share stays, less important
        // pieces (transaction id, elapsed time) give way first.
        for (rows, columns) in [(24, 80), (40, 120)] {
            var controller = ScreenController(
                info: StationInfo(
                    url: "ws://127.0.0.1:9000/ocpp/OCD-000001", stationId: "OCD-000001", cards: [], demo: true))
            var surface = Surface(rows: rows, columns: columns)
            controller.render(snapshot, configuration: [], at: station.now, into: &surface)
            #expect(surface.text.contains("share 3.0/10.0 kW"), "\(columns)x\(rows):\n\(surface.text)")
            #expect(surface.text.contains("share 7.0/10.0 kW"), "\(columns)x\(rows):\n\(surface.text)")
        }
    }

    @Test func withoutAStationLimit_theRowShowsTheConnectorsOwnLimit() throws {
        var station = try ScriptedStation()
        station.receive(
            Self.stationMax.replacingOccurrences(of: "ChargePointMaxProfile", with: "TxDefaultProfile")
                .replacingOccurrences(of: "10000", with: "4000"))
        station.command(.plug(connector: 1))
        station.command(.swipe(idTag: "04A1B2C3D4E5F6", connector: 1))
        let snapshot = station.snapshot
        #expect(snapshot.connectors[0].stationLimitW == nil)
        #expect(Self.pane(snapshot).contains("limit 4.0 kW"))
    }
}

/// The Connectors box never draws over its own frame (issue 12 §7): with a station-wide
/// fault line at 80x24 the last connector that does not fit is left out.
@Suite("Connectors pane frame")
struct ConnectorsPaneFrameTests {
    @Test func aStationFaultLine_neverPushesAConnectorOntoTheBorder() throws {
        var station = try ScriptedStation()
        station.command(.fault(connector: 0, code: .otherError, info: nil))
        for height in 4...8 {
            var surface = Surface(rows: height, columns: 48)
            ConnectorsPane(snapshot: station.snapshot, selected: 1, glyphs: .unicode)
                .draw(Rect(top: 0, left: 0, height: height, width: 48), into: &surface)
            let lines = surface.text.split(separator: "\n", omittingEmptySubsequences: false)
            let bottom = String(lines[height - 1])
            #expect(bottom.hasPrefix("└") && !bottom.contains("meter"), "height \(height):\n\(surface.text)")
        }
    }
}
