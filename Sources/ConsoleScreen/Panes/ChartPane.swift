import ChargePoint

/// On a tall screen, the selected connector's power over the last minutes as a bar chart
/// with a kW axis (issue 12, sales engineer: a chart instead of empty log rows): a line
/// with the power now, the session's energy, the battery's state of charge where the EV
/// reports it and the smart-charging limit, then the bars (a column per few seconds, in
/// eighths of a cell), the limit drawn across them as a line, and the time below.
struct ChartPane {
    let snapshot: StationSnapshot
    let selected: Int
    let history: MeterHistory
    let glyphs: Glyphs

    /// The box's rows at least: the summary, three rows of bars and the time axis.
    static let minimumHeight = 8
    /// The chart spans at least this many seconds where the history holds them.
    static let window = 240
    static let steps = [1, 2, 3, 5, 10, 15, 30, 60]

    /// Seconds per column: the first step whose columns cover the window.
    static func secondsPerColumn(columns: Int) -> Int {
        steps.first { $0 * max(1, columns) >= window } ?? steps[steps.count - 1]
    }

    /// "4:50", "5 min".
    static func span(seconds: Int) -> String {
        let (minutes, rest) = (seconds / 60, seconds % 60)
        return rest == 0 ? "\(minutes) min" : "\(minutes):\(rest < 10 ? "0" : "")\(rest)"
    }

    func draw(_ rect: Rect, into surface: inout Surface) {
        guard let connector = snapshot.connectors.first(where: { $0.id == selected }) else { return }
        let inner = rect.inner
        let maximum = scale(connector)
        let top = Format.fixed(maximum / 1000, maximum < 10_000 ? 1 : 0) + " kW"
        let half = Format.fixed(maximum / 2000, maximum < 20_000 ? 1 : 0)
        let axis = top.count + 1
        let plot = Rect(top: inner.top + 1, left: inner.left + axis, height: inner.height - 2, width: inner.width - axis)
        let step = Self.secondsPerColumn(columns: plot.width)
        let span = Self.span(seconds: plot.width * step)
        surface.box(rect, title: "Power · connector \(connector.id) · last \(span)", glyphs: glyphs)
        guard plot.height >= 1, plot.width >= 1 else { return }
        summary(connector, row: inner.top, inner, into: &surface)
        for (row, label) in [(plot.top, top), (plot.top + plot.height / 2, half), (plot.bottom - 1, "0")] {
            surface.put(label, row: row, column: plot.left - 1 - label.count, role: .dim)
        }
        for row in plot.top..<plot.bottom {
            surface.put(String(glyphs.vertical), row: row, column: plot.left - 1, role: .border)
        }
        let columns = history.power(connector: connector.id, columns: plot.width, secondsPerColumn: step)
        bars(columns, maximum: maximum, in: plot, into: &surface)
        if let limit = connector.limitW { limitLine(limit, maximum: maximum, in: plot, into: &surface) }
        let row = inner.bottom - 1
        surface.put("-" + span, row: row, column: plot.left, role: .dim)
        surface.put("now", row: row, column: plot.right - 3, role: .dim)
    }

    /// The top of the axis: the connector's rating, or more where the history went above.
    private func scale(_ connector: ConnectorSnapshot) -> Double {
        let peak = history.power(connector: connector.id, last: history.capacity).max() ?? 0
        return max(connector.maxPowerW, peak, 1)
    }

    /// The power now, the session's energy, the state of charge with a small bar, the
    /// limit; the bar gives way first, then the state of charge.
    private func summary(_ connector: ConnectorSnapshot, row: Int, _ inner: Rect, into surface: inout Surface) {
        var line = [LinePiece(text: Format.kilowatts(connector.powerW), role: connector.powerW > 0 ? .charging : .dim)]
        if let session = connector.session {
            line.append(LinePiece(text: "  session \(Format.kilowattHours(session.energyWh))", role: .normal))
        } else {
            line.append(LinePiece(text: "  no session", role: .dim))
        }
        if let soc = connector.socPercent, connector.evConnected {
            line.append(LinePiece(text: "  SoC ", role: .dim, rank: 2))
            line.append(LinePiece(text: glyphs.bar(soc / 100, cells: 10) + " ", role: .spark, rank: 3))
            line.append(LinePiece(text: "\(Int(soc))%", role: .normal, rank: 2))
        }
        if let limit = connector.limitW {
            line.append(LinePiece(text: "  \(ConnectorsPane.limitText(connector, limit))", role: .warning, rank: 1))
        }
        let fitted = LinePiece.fitted(line, width: inner.width, shortening: -1, minimum: 0, ellipsis: glyphs.ellipsis)
        surface.put(
            LinePiece.clipped(fitted, width: inner.width, ellipsis: glyphs.ellipsis), row: row, column: inner.left,
            limit: inner.width)
    }

    /// A column per value, right-aligned, its height in eighths of a cell.
    private func bars(_ values: [Double], maximum: Double, in plot: Rect, into surface: inout Surface) {
        let levels = glyphs.levels
        for (offset, value) in values.suffix(plot.width).reversed().enumerated() {
            let column = plot.right - 1 - offset
            let eighths = Int((max(0, value) / maximum * Double(plot.height * 8)).rounded())
            for level in 0..<plot.height {
                let filled = min(8, eighths - level * 8)
                guard filled > 0 else { break }
                surface.put(
                    String(levels[min(levels.count, filled) - 1]), row: plot.bottom - 1 - level, column: column,
                    role: .spark)
            }
        }
    }

    /// The limit across the chart, on top of bars that reach it, where no bar is drawn;
    /// named at its oldest end (the newest bars stay in sight).
    private func limitLine(_ limit: Double, maximum: Double, in plot: Rect, into surface: inout Surface) {
        let level = min(plot.height - 1, max(0, Int((limit / maximum * Double(plot.height)).rounded())))
        let row = plot.bottom - 1 - level
        for column in plot.left..<plot.right where surface[row, column].scalar == " " {
            surface.put(String(glyphs.horizontal), row: row, column: column, role: .warning)
        }
        let label = " limit \(Format.kilowatts(limit)) "
        if plot.width > label.count + 4 {
            surface.put(label, row: row, column: plot.left + 1, role: .warning)
        }
    }
}
