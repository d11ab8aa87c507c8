import ChargePoint

/// Drawing helpers shared by the panes.
extension Surface {
    /// A box on the rectangle's edge with a title in its top border.
    mutating func box(_ rect: Rect, title: String, glyphs: Glyphs, focused: Bool = false) {
        guard rect.height >= 2, rect.width >= 2 else { return }
        let role: Role = focused ? .title : .border
        let line = String(repeating: glyphs.horizontal, count: rect.width - 2)
        put(String(glyphs.topLeft) + line + String(glyphs.topRight), row: rect.top, column: rect.left, role: role)
        for row in (rect.top + 1)..<(rect.bottom - 1) {
            put(String(glyphs.vertical), row: row, column: rect.left, role: role)
            put(String(glyphs.vertical), row: row, column: rect.right - 1, role: role)
        }
        put(
            String(glyphs.bottomLeft) + line + String(glyphs.bottomRight), row: rect.bottom - 1, column: rect.left,
            role: role)
        if !title.isEmpty, rect.width > 6 {
            // A title too long for the border ends in an ellipsis.
            let room = rect.width - 6
            let shown = title.count > room ? Format.fit(title, room, ellipsis: glyphs.ellipsis) : title
            put(" \(shown) ", row: rect.top, column: rect.left + 2, role: .title, limit: rect.width - 4)
        }
    }

    /// A line of (text, role) pieces, clipped to `limit` columns; the column after it.
    /// `wholePieces`: a piece that does not fit entirely is left out, with the rest
    /// (for lines of separate facts, where half a fact misleads).
    @discardableResult
    mutating func put(_ pieces: [(String, Role)], row: Int, column: Int, limit: Int, wholePieces: Bool = false) -> Int {
        var x = column
        for (text, role) in pieces {
            let left = column + limit - x
            if left <= 0 || (wholePieces && text.count > left) { break }
            x = put(text, row: row, column: x, role: role, limit: left)
        }
        return x
    }
}

/// One piece of a line of separate facts. When the line does not fit, pieces of higher
/// `rank` give way first (ranks 0 and 1 never do), then one piece is shortened.
struct LinePiece {
    var text: String
    var role: Role
    var rank = 0

    /// Drops the pieces of rank above 1 (the highest, the last of them first) until the
    /// line fits `width`; then shortens the piece at `index`, with an ellipsis, to what
    /// is left, keeping `minimum` characters of it.
    static func fitted(
        _ line: [LinePiece], width: Int, shortening index: Int, minimum: Int, ellipsis: Character = "…"
    ) -> [(String, Role)] {
        var line = line
        func length() -> Int { line.reduce(0) { $0 + $1.text.count } }
        while length() > width,
            let drop = line.indices.filter({ line[$0].rank > 1 }).max(by: {
                (line[$0].rank, $0) < (line[$1].rank, $1)
            })
        {
            line.remove(at: drop)
        }
        if length() > width, line.indices.contains(index) {
            let text = line[index].text
            let target = max(minimum, text.count - (length() - width))
            if target < text.count { line[index].text = Format.fit(text, target, ellipsis: ellipsis) }
        }
        return line.map { ($0.text, $0.role) }
    }

    /// The line cut at `width`, the piece cut last ending in an ellipsis (never half a
    /// word with nothing to say the rest is missing).
    static func clipped(_ pieces: [(String, Role)], width: Int, ellipsis: Character = "…") -> [(String, Role)] {
        var left = width
        var result: [(String, Role)] = []
        for (text, role) in pieces {
            guard left > 0 else { break }
            if text.count <= left {
                result.append((text, role))
                left -= text.count
            } else {
                result.append((Format.fit(text, left, ellipsis: ellipsis), role))
                break
            }
        }
        return result
    }
}

/// Text formatting shared by the panes.
enum Format {
    /// "12:04:05" of a timestamp (UTC, as the station's clock).
    static func clock(_ time: Timestamp) -> String {
        String(time.rfc3339.dropFirst(11).prefix(8))
    }

    /// "12:04:05.123".
    static func clockMillis(_ time: Timestamp) -> String {
        String(time.rfc3339.dropFirst(11).prefix(12))
    }

    /// "2026-11-24T10:00:00Z": ISO 8601, UTC, to the second.
    static func instant(_ time: Timestamp) -> String {
        String(time.rfc3339.prefix(19)) + "Z"
    }

    /// "1:02:03" or "02:03".
    static func duration(milliseconds: Int64) -> String {
        let seconds = max(0, milliseconds / 1000)
        let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(two(m)):\(two(s))"
    }

    /// A fixed-point number: 3 decimals or fewer.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        let scale = [1.0, 10, 100, 1000][min(max(digits, 0), 3)]
        let scaled = (abs(value) * scale).rounded()
        let whole = Int64(scaled / scale)
        let fraction = Int64(scaled) - whole * Int64(scale)
        var text = (value < 0 && scaled != 0 ? "-" : "") + String(whole)
        if digits > 0 {
            let digitsText = String(fraction)
            text += "." + String(repeating: "0", count: digits - digitsText.count) + digitsText
        }
        return text
    }

    /// "12 ms", "2345 ms", "12 s": how long a CALL waited for its answer.
    static func responseTime(_ milliseconds: Int64) -> String {
        milliseconds < 10_000 ? "\(max(0, milliseconds)) ms" : "\(milliseconds / 1000) s"
    }

    static func kilowatts(_ watts: Double) -> String { fixed(watts / 1000, 1) + " kW" }
    static func kilowattHours(_ wattHours: Double) -> String { fixed(wattHours / 1000, 2) + " kWh" }

    /// "512 B", "45.3 kB", "340 kB", "1.2 MB"; with a total, "1.2/2.0 MB". Decimal units,
    /// as download tools show them, in the unit that suits the larger number.
    static func bytes(_ count: Int64, of total: Int64? = nil) -> String {
        let reference = Double(max(count, total ?? 0))
        let units: [(name: String, size: Double)] = [("GB", 1e9), ("MB", 1e6), ("kB", 1e3), ("B", 1)]
        let unit = units.first { reference >= $0.size } ?? units[3]
        let digits = unit.name == "B" || (unit.name == "kB" && reference >= 100e3) ? 0 : 1
        func number(_ value: Int64) -> String { fixed(Double(value) / unit.size, digits) }
        return (total.map { "\(number(count))/\(number($0))" } ?? number(count)) + " " + unit.name
    }

    /// `text` cut to `width` with an ellipsis, or padded to it.
    static func fit(_ text: String, _ width: Int, ellipsis: Character = "…") -> String {
        guard width > 0 else { return "" }
        if text.count <= width { return text + String(repeating: " ", count: width - text.count) }
        return String(text.prefix(width - 1)) + String(ellipsis)
    }

    static func role(of status: ChargePointStatus) -> Role {
        switch status {
        case .available: .available
        case .preparing: .preparing
        case .charging: .charging
        case .suspendedEV, .suspendedEVSE: .suspended
        case .finishing: .finishing
        case .reserved: .accent
        case .unavailable: .unavailable
        case .faulted: .faulted
        }
    }
}
