import ChargePoint
import Testing

@testable import ConsoleScreen

/// The meter pane of the certified `jst-con-03` (issue 12, sales engineer): its lists
/// hold only Energy.Active.Export.Register, which stays at 0 while the car charges, and
/// the pane says so, so that nobody takes the meter for broken.
@Suite("Meter pane")
struct MeterPaneTests {
    @Test func jstCon03_saysItMetersOnlyTheExportRegister_at80x24() throws {
        var station = try ScriptedStation(profile: "jst-con-03")
        station.command(.plug(connector: 1))
        station.command(.swipe(idTag: "04A1B2C3D4E5F6", connector: 1))
        station.advance(seconds: 65)
        let text = DashboardPanesTests.screen(station, rows: 24, columns: 80)
        try Golden.check(text, "jst-con-03-meter-80x24")
        #expect(text.contains("Energy.Active.Export"), "\(text)")
        #expect(text.contains("│export register only (0 Wh) │"), "one line at 80 columns: \(text)")
        let wide = DashboardPanesTests.screen(station, rows: 40, columns: 120)
        #expect(wide.contains("export register only: 0 while charging"), "\(wide)")
        let wider = DashboardPanesTests.screen(station, rows: 60, columns: 200)
        #expect(wider.contains("this station samples only the export register: 0 while charging"), "\(wider)")
    }

    @Test func theDefaultProfile_importing_hasNoSuchNote() throws {
        let (station, _) = try ScreenRenderingTests.charging()
        let text = DashboardPanesTests.screen(station, rows: 40, columns: 120)
        #expect(!text.contains("export register"), "\(text)")
        #expect(!MeterPane.metersOnlyExport(station.snapshot.connectors[0]))
    }
}
