import ChargePoint

/// `help` on the `:` line (issue 12 §4): the command grammar, the very text headless
/// `help` prints (`CommandCatalog.helpText`), or with a command's name its usage alone.
/// Too wide for the screen, the summaries wrap in a narrower column.
extension Overlays {
    func drawCommands(_ command: String?, scroll: Int, in area: Rect, into surface: inout Surface) -> ScrollExtent {
        let text = command.flatMap(CommandCatalog.helpText(for:)) ?? CommandCatalog.helpText
        let rows = text.split(separator: "\n").map(String.init)
        let width = min(area.width, (rows.map(\.count).max() ?? 0) + 3)
        var lines: [[(String, Role)]] = []
        if command == nil {
            let intro =
                "Typed here after ':', listed in a --script file or piped to --headless. Connectors count from 1; "
                + "durations are 500ms, 5s, 2m. Tab completes; 'help <command>' shows one command."
            lines = Format.wrap(intro, width: width - 3).map { [($0, .dim)] } + [[]]
        }
        lines += Self.table(rows, width: width - 3).map { [($0, .normal)] }
        let rect = Self.centered(in: area, height: lines.count + 2, width: width)
        let title = command.map { "help \($0) · any key closes" } ?? "Commands · ↑↓ scroll · any other key closes"
        return drawText(lines, title: title, scroll: scroll, rect, into: &surface)
    }

    /// The "usage  summary" rows in `width` columns. When they do not fit as they are,
    /// the summaries move to a column at two fifths of the width and wrap under it; a
    /// usage too long for that column has a line of its own.
    static func table(_ rows: [String], width: Int) -> [String] {
        guard rows.contains(where: { $0.count > width }) else { return rows }
        let pairs = rows.map { row -> (usage: String, summary: String) in
            guard let gap = row.range(of: "  ") else { return (row, "") }
            return (String(row[..<gap.lowerBound]), String(row[gap.lowerBound...].drop { $0 == " " }))
        }
        let column = min(pairs.map(\.usage.count).max() ?? 0, width * 2 / 5) + 2
        let indent = String(repeating: " ", count: column)
        var lines: [String] = []
        for (usage, summary) in pairs {
            var parts = Format.wrap(summary, width: width - column)
            if usage.count + 2 > column {
                lines.append(usage)
            } else {
                lines.append(usage + String(repeating: " ", count: column - usage.count) + parts.removeFirst())
            }
            lines += parts.map { indent + $0 }
        }
        return lines
    }
}
