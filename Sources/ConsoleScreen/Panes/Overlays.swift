import ChargePoint

/// What covers the panes: the help (from the key table), a frame with its partner,
/// a picker; the certificates, the status, the commands and the feedback history have
/// files of their own.
struct Overlays {
    let glyphs: Glyphs

    static func centered(in area: Rect, height: Int, width: Int) -> Rect {
        let h = min(area.height, height)
        let w = min(area.width, width)
        return Rect(top: area.top + (area.height - h) / 2, left: area.left + (area.width - w) / 2, height: h, width: w)
    }

    /// `first`: the view the help was opened from, whose keys it lists first.
    func drawHelp(
        scroll: Int, first: KeyBinding.View = .dashboard, in area: Rect, into surface: inout Surface
    ) -> ScrollExtent {
        let lines = KeyBindings.helpLines(first: first).map { line -> (String, Role) in
            (line, line.hasPrefix(" ") || line.isEmpty ? .normal : .title)
        }
        let rect = Self.centered(in: area, height: lines.count + 2, width: 84)
        return drawText(
            lines.map { [$0] }, title: "Keys · ↑↓ scroll · any other key closes", scroll: scroll, rect, into: &surface)
    }

    func drawFrame(
        _ entry: MessageLog.Entry, partner: MessageLog.Entry?, scroll: Int, in area: Rect,
        into surface: inout Surface
    ) -> ScrollExtent {
        let errorRole = Self.role(of: entry)
        let rect = Self.centered(in: area, height: area.height, width: max(60, area.width - 8))
        // A fall of the link is no frame: its reason, whole.
        let body =
            entry.kind == .linkDown
            ? Format.wrap(entry.raw, width: rect.inner.width - 1) : PrettyJSON.lines(entry.raw)
        var lines: [(String, Role)] = [(describe(entry), .title)] + body.map { ($0, errorRole) }
        if let partner {
            lines.append(("", .normal))
            lines.append(((partner.kind == .call ? "answers " : "answered by ") + describe(partner), .title))
            lines += PrettyJSON.lines(partner.raw).map { ($0, Self.role(of: partner)) }
        } else if entry.kind == .call {
            lines += [("", .normal), ("no answer yet", .dim)]
        }
        return drawText(
            lines.map { [$0] }, title: "Frame · ↑↓ scroll · ← → partner · c copy · s save · Esc closes", scroll: scroll,
            rect, into: &surface)
    }

    /// CALLERRORs and refusals in the error colour.
    private static func role(of entry: MessageLog.Entry) -> Role {
        entry.kind == .error || entry.refusal != nil ? .callError : .normal
    }

    func drawPicker(_ picker: Picker, in area: Rect, into surface: inout Surface) {
        let footer = "↑↓ choose  Enter confirms  Esc cancels"
        let labelWidth = min(34, (picker.items.map(\.label.count).max() ?? 10) + 1)
        let detailWidth = picker.items.map(\.detail.count).max() ?? 0
        // Wide enough for every line whole (number, label, detail; the footer) and the
        // borders, as far as the screen allows.
        let needed = max(picker.title.count + 6, 2 + labelWidth + 1 + detailWidth, footer.count) + 2
        let width = min(area.width - 4, needed)
        let rect = Self.centered(in: area, height: picker.items.count + 3, width: width)
        surface.fill(rect)
        surface.box(rect, title: picker.title, glyphs: glyphs, focused: true)
        let inner = rect.inner
        let first = max(0, picker.selected - inner.height + 2)
        var row = inner.top
        for (index, item) in picker.items.enumerated().dropFirst(first) where row < inner.bottom - 1 {
            let number = index < 9 ? "\(index + 1) " : "  "
            surface.put(
                [(number, .key), (Format.fit(item.label, labelWidth) + " ", .normal), (item.detail, .dim)],
                row: row, column: inner.left, limit: inner.width)
            if index == picker.selected {
                surface.paint(Rect(top: row, left: inner.left, height: 1, width: inner.width), role: .selection)
            }
            row += 1
        }
        surface.put(footer, row: inner.bottom - 1, column: inner.left, role: .dim, limit: inner.width)
    }

    private func describe(_ entry: MessageLog.Entry) -> String {
        if entry.kind == .linkDown { return "\(Format.clockMillis(entry.time))  the link went down" }
        let direction = entry.direction == .outgoing ? "\(glyphs.arrowOut) sent" : "\(glyphs.arrowIn) received"
        let kind =
            switch entry.kind {
            case .call: "CALL"
            case .result: "CALLRESULT"
            case .error: "CALLERROR"
            case .unreadable: "unreadable frame"
            case .linkDown: "link down"
            }
        // An answer says how long its CALL waited, before the id (a UUID is cut first).
        let waited = entry.responseMillis.map { " in \(Format.responseTime($0))" } ?? ""
        return "\(direction) \(Format.clockMillis(entry.time))  \(kind) \(entry.action)\(waited)  id \(entry.messageId)"
    }

    /// Lines of (text, role) pieces in a box, from line `scroll` (at most as far as shows
    /// the last line at the bottom), each clipped to the box; how far it can scroll.
    @discardableResult
    func drawText(
        _ lines: [[(String, Role)]], title: String, scroll: Int, _ rect: Rect, into surface: inout Surface
    ) -> ScrollExtent {
        surface.fill(rect)
        surface.box(rect, title: title, glyphs: glyphs, focused: true)
        let inner = rect.inner
        let last = max(0, lines.count - inner.height)
        let top = min(scroll, last)
        for (offset, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            // A line too long for the box ends in an ellipsis, never in a bare cut.
            let clipped = LinePiece.clipped(line, width: inner.width - 1, ellipsis: glyphs.ellipsis)
            surface.put(clipped, row: inner.top + offset, column: inner.left + 1, limit: inner.width - 1)
        }
        return ScrollExtent(maxScroll: last, page: max(1, inner.height - 1))
    }
}
