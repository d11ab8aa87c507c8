import ChargePoint
import Testing

@testable import ConsoleScreen

/// On a tall screen the selected connector's power over the last minutes, with a kW
/// axis, the session's energy, the state of charge and the limit as a line (issue 12,
/// sales engineer: a chart instead of empty log rows); the log keeps twelve frames or
/// more, and 80x24 stays as it was.
@Suite("Power chart")
struct ChartPaneTests {
    /// Alice charging at 11 kW for three minutes, then a TxDefaultProfile of 6.9 kW for
    /// one more; the screen samples the meters every second.
    static func limitedMidSession() throws -> (ScriptedStation, ScreenController) {
        var (station, controller) = try ScreenRenderingTests.charging(seconds: 240) { second, station in
            if second == 180 { station.receive(DashboardPanesTests.txDefault) }
        }
        for (time, event) in station.events { controller.ingest([event], at: time) }
        return (station, controller)
    }

    @Test(arguments: [(40, 120), (60, 200)])
    func aTallScreen_chartsThePower_theLimit_andTheSession(_ rows: Int, _ columns: Int) throws {
        var (station, controller) = try Self.limitedMidSession()
        let text = ScreenRenderingTests.render(&controller, station, rows: rows, columns: columns).text
        try Golden.check(text, "chart-\(columns)x\(rows)")
        #expect(text.contains("Power · connector 1 · last "), "\(text)")
        #expect(text.contains("22 kW│"), "\(text)")
        #expect(text.contains("limit 6.9 kW"), "\(text)")
        #expect(text.contains("session 0.6"), "\(text)")
        #expect(text.contains(columns >= 200 ? "SoC ▕███       ▏ 31%" : "SoC 31%"), "\(text)")
    }

    @Test func at80x24_thereIsNoChart() throws {
        var (station, controller) = try Self.limitedMidSession()
        let text = ScreenRenderingTests.render(&controller, station, rows: 24, columns: 80).text
        #expect(!text.contains("Power · connector"), "\(text)")
    }

    /// Where the chart shows, the log keeps at least twelve frames; where it would leave
    /// fewer, or be too small to read, there is none. From 50 rows it spans the screen.
    @Test(arguments: [(24, 80, false), (30, 100, false), (36, 120, true), (40, 120, true), (50, 160, true),
        (60, 200, true), (60, 80, true)])
    func theChart_leavesTheLogTwelveFrames(_ rows: Int, _ columns: Int, _ charted: Bool) {
        let layout = ScreenLayout(rows: rows, columns: columns, connectors: 2, readings: 10, header: 3)
        #expect(!layout.chart.isEmpty == charted, "\(layout.chart)")
        #expect(layout.log.height - 2 >= 12 || !charted, "\(layout.log)")
        if charted {
            #expect(layout.chart.height >= ChartPane.minimumHeight)
            #expect(layout.connectors.bottom == layout.chart.top && layout.chart.bottom == layout.log.top)
            // Across the screen under both, or under the connectors beside the meter.
            let across = layout.chart.width == columns
            #expect(across ? layout.meter.bottom == layout.chart.top : layout.meter.bottom == layout.log.top)
            #expect(across == (rows >= 50), "\(layout.chart)")
        }
    }

    /// A column per few seconds, the mean of its seconds, the newest column ending at the
    /// newest second.
    @Test func theHistory_inColumnsOfSeconds() throws {
        var station = try ScriptedStation()
        var history = MeterHistory()
        station.command(.plug(connector: 1))
        station.command(.swipe(idTag: "04A1B2C3D4E5F6", connector: 1))
        for _ in 0..<7 {
            station.advance(seconds: 1)
            history.record(station.snapshot, at: station.now)
        }
        let seconds = history.power(connector: 1, last: 7)
        let columns = history.power(connector: 1, columns: 10, secondsPerColumn: 3)
        #expect(columns.count == 3)
        #expect(columns.last == (seconds[4] + seconds[5] + seconds[6]) / 3)
        #expect(columns.first == seconds[0])
        #expect(ChartPane.secondsPerColumn(columns: 58) == 5)
        #expect(ChartPane.span(seconds: 290) == "4:50" && ChartPane.span(seconds: 300) == "5 min")
    }
}
