import ChargePoint

/// The selected connector's meter: a sparkline of power over the last minutes, a fault's
/// code and info text whole (the station's, the connector's), then every sampled
/// measurand (MeterValuesSampledData) as a MeterValues.req would carry it, and a word
/// when they are only export registers (the `jst-con-03` profile).
struct MeterPane {
    let snapshot: StationSnapshot
    let selected: Int
    let history: MeterHistory
    let glyphs: Glyphs

    func draw(_ rect: Rect, into surface: inout Surface) {
        guard let connector = snapshot.connectors.first(where: { $0.id == selected }) else { return }
        surface.box(rect, title: "Meter · connector \(connector.id)", glyphs: glyphs)
        let inner = rect.inner
        guard !inner.isEmpty else { return }
        let power = Format.kilowatts(connector.powerW)
        let sparkWidth = max(0, inner.width - power.count - 2)
        let points = history.power(connector: connector.id, last: sparkWidth)
        let spark = sparkline(points, width: sparkWidth, maximum: max(connector.maxPowerW, points.max() ?? 0))
        surface.put(spark, row: inner.top, column: inner.left, role: .spark)
        surface.put(power, row: inner.top, column: inner.right - power.count, role: .charging)
        var row = inner.top + 1
        // A fault's code and info, whole (the connector row may have had to cut them).
        for fault in [snapshot.station, connector] where fault.errorCode != .noError {
            let who = fault.id == 0 ? "station: " : ""
            let text = who + fault.errorCode.rawValue + (fault.info.map { ": \($0)" } ?? "")
            let lines = Format.wrap(text, width: inner.width)
            let room = max(0, inner.bottom - row)
            for (index, line) in lines.prefix(room).enumerated() {
                // The last line there is room for ends in an ellipsis when more is left.
                let cut = index == room - 1 && lines.count > room
                let shown = cut ? Format.fit(line + " " + lines[index + 1], inner.width, ellipsis: glyphs.ellipsis) : line
                surface.put(shown, row: row, column: inner.left, role: .faulted)
                row += 1
            }
        }
        for value in connector.readings where row < inner.bottom {
            let name = [value.measurand?.rawValue ?? "Energy.Active.Import.Register", value.phase?.rawValue]
                .compactMap { $0 }.joined(separator: " ")
            let reading = value.value + (value.unit.map { $0 == .percent ? " %" : " \($0.rawValue)" } ?? "")
            let nameWidth = max(0, inner.width - reading.count - 1)
            surface.put(
                Format.fit(name, nameWidth, ellipsis: glyphs.ellipsis), row: row, column: inner.left, role: .dim)
            surface.put(reading, row: row, column: inner.right - reading.count, role: .normal)
            row += 1
        }
        if connector.readings.isEmpty, row < inner.bottom {
            surface.put("no sampled measurands configured", row: row, column: inner.left, role: .dim)
        }
        if Self.metersOnlyExport(connector), row < inner.bottom {
            // The JST-CON-03's certified lists: an export register that stays at 0 while
            // the car charges is no broken meter. One line, the longest wording that fits.
            let note = Self.exportNotes.first { $0.count <= inner.width } ?? Self.exportNotes[Self.exportNotes.count - 1]
            surface.put(
                Format.fit(note, inner.width, ellipsis: glyphs.ellipsis), row: row, column: inner.left, role: .dim)
        }
    }

    static let exportNotes = [
        "this station samples only the export register: 0 while charging",
        "only the export register is sampled: 0 while charging", "export register only: 0 while charging",
        "export register only (0 Wh)",
    ]

    /// Every sampled measurand is an export one (energy or power fed to the grid, errata
    /// 3.78), which a charging-only station reports as 0.
    static func metersOnlyExport(_ connector: ConnectorSnapshot) -> Bool {
        !connector.readings.isEmpty
            && connector.readings.allSatisfy { $0.measurand?.rawValue.contains(".Export") == true }
    }

    /// One character per second, right-aligned: blank before the history starts.
    func sparkline(_ points: [Double], width: Int, maximum: Double) -> String {
        guard width > 0 else { return "" }
        let levels = glyphs.levels
        let bars = points.map { value -> Character in
            guard maximum > 0, value > 0 else { return " " }
            let level = Int((value / maximum * Double(levels.count - 1)).rounded())
            return levels[min(levels.count - 1, max(0, level))]
        }
        return String(repeating: " ", count: max(0, width - bars.count)) + String(bars.suffix(width))
    }
}
