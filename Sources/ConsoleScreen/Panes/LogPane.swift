import ChargePoint

/// The OCPP message log: time, direction, kind, action, response time (on a CALLRESULT
/// or CALLERROR), message id and the payload in one line; CALLERRORs and refusals
/// stand out. Follows the newest frame unless one is selected.
struct LogPane {
    let log: MessageLog
    let cursor: Int?
    let glyphs: Glyphs

    func draw(_ rect: Rect, into surface: inout Surface) {
        let visible = log.visible
        var title = "Messages \(log.appended)"
        if !log.filter.isEmpty {
            title += " · filter \"\(log.filter)\"\(log.filterMarks.map { " (\($0))" } ?? ""): \(visible.count)"
        }
        title += cursor == nil ? " · following" : " · paused (End follows)"
        surface.box(rect, title: title, glyphs: glyphs)
        let inner = rect.inner
        guard !inner.isEmpty else { return }
        let rows = inner.height
        let cursorIndex = cursor.flatMap { visible.firstIndex(of: $0) }
        let end = cursorIndex.map { min(visible.count, max($0 + 1, rows)) } ?? visible.count
        let start = max(0, end - rows)
        var row = inner.top
        for index in start..<end {
            guard let entry = log.entry(visible[index]) else { continue }
            draw(entry, row: row, inner, into: &surface)
            if index == cursorIndex {
                surface.paint(Rect(top: row, left: inner.left, height: 1, width: inner.width), role: .selection)
            }
            row += 1
        }
        if visible.isEmpty {
            let text = log.filter.isEmpty ? "no frames yet" : "no frame matches \"\(log.filter)\" (Esc clears)"
            surface.put(text, row: inner.top, column: inner.left + 1, role: .dim)
        }
    }

    private func draw(_ entry: MessageLog.Entry, row: Int, _ inner: Rect, into surface: inout Surface) {
        let outgoing = entry.direction == .outgoing
        let arrow = outgoing ? glyphs.arrowOut : glyphs.arrowIn
        let (kind, kindRole): (String, Role) =
            switch entry.kind {
            case .call: ("CALL  ", outgoing ? .outgoing : .incoming)
            case .result: ("RESULT", .dim)
            case .error: ("ERROR ", .callError)
            case .unreadable: ("??    ", .callError)
            case .linkDown: ("LINK  ", .callError)
            }
        let actionWidth = inner.width >= 100 ? 28 : 20
        let idWidth = inner.width >= 100 ? 36 : 8
        let pieces: [(String, Role)] = [
            (Format.clockMillis(entry.time) + " ", .dim),
            ("\(arrow) ", outgoing ? .outgoing : .incoming),
            (kind + " ", kindRole),
            (
                Format.fit(entry.action, actionWidth, ellipsis: glyphs.ellipsis) + " ",
                entry.kind == .error ? .callError : .normal
            ),
            (Self.responseColumn(entry.responseMillis) + " ", .dim),
            (Format.fit(entry.messageId, idWidth, ellipsis: glyphs.ellipsis) + " ", .dim),
            (entry.summary, entry.kind == .error || entry.refusal != nil ? .callError : .normal),
        ]
        // A payload or reason cut at the width ends in an ellipsis (Enter shows it whole).
        surface.put(
            LinePiece.clipped(pieces, width: inner.width, ellipsis: glyphs.ellipsis), row: row, column: inner.left,
            limit: inner.width)
    }

    /// "  12 ms", right-aligned in 7 columns; blank for a CALL or an answer whose CALL
    /// is gone.
    static func responseColumn(_ milliseconds: Int64?) -> String {
        let text = milliseconds.map(Format.responseTime) ?? ""
        return String(repeating: " ", count: max(0, 7 - text.count)) + text
    }
}
