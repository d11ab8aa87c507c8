import ChargePoint

/// The feedback history (`h`, issue 12 §5): every message kept, oldest first, each whole
/// — wrapped under its text after the time — so that nothing the feedback line had to
/// cut, or that a later message replaced, is lost. Opens at the newest.
extension Overlays {
    func drawHistory(_ feedback: [Feedback], scroll: Int, in area: Rect, into surface: inout Surface)
        -> ScrollExtent
    {
        let rect = Self.centered(in: area, height: area.height, width: area.width)
        let room = rect.width - 3 - Self.historyIndent
        var lines: [[(String, Role)]] = []
        for message in feedback {
            let role: Role = message.kind == .error ? .error : .normal
            for (index, part) in Format.wrap(message.text, width: room).enumerated() {
                let time =
                    index == 0 ? Format.clock(message.time) + " " : String(repeating: " ", count: Self.historyIndent)
                lines.append([(time, .dim), (part, role)])
            }
        }
        if lines.isEmpty { lines = [[("Nothing yet: what the station and the central system say shows here.", .dim)]] }
        return drawText(
            lines, title: "Feedback history (\(feedback.count)) · ↑↓ scroll · any other key closes", scroll: scroll,
            rect, into: &surface)
    }

    /// The columns of "12:04:05 " before each message.
    static let historyIndent = 9
}
