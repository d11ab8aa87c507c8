import ChargePoint

extension FleetController {
    /// Draws the fleet view: the title, the summary (`counts`, as the `fleet` event says
    /// it), the table of the lines in view, the feedback and the key hints. `time` is the
    /// moment drawn (the monotonic clock read as wall time, as the screen's feedback
    /// stamps it), shown in the title. Only the lines on screen are looked at, bar the
    /// filter, which reads every line's few fields.
    public mutating func render(
        _ rows: FleetRows, counts: FleetCounts, at time: Timestamp, into surface: inout Surface
    ) {
        let said = ScreenLayout.feedbackLines(rows: surface.rows)
        let table = Rect(top: 3, left: 0, height: max(0, surface.rows - 4 - said), width: surface.columns)
        let feedbackRect = Rect(top: surface.rows - 1 - said, left: 0, height: said, width: surface.columns)
        let hintsRect = Rect(top: surface.rows - 1, left: 0, height: 1, width: surface.columns)
        surface.fill(Rect(top: 0, left: 0, height: surface.rows, width: surface.columns))
        drawTitle(counts, at: time, into: &surface)
        let matching = matching(rows)
        let lines = FleetPane.lines(height: table.height)
        pageRows = lines
        let position = position(in: matching)
        // The selected line stays in view; the view moves no more than it must.
        top = min(max(0, top, position - lines + 1), position, max(0, matching.count - lines))
        FleetPane(
            rows: rows, matching: matching, selected: selection(in: matching), top: top, filter: filter,
            glyphs: glyphs, now: time
        ).draw(table, into: &surface)
        BottomBar(
            feedback: feedback.suffix(said), prompt: prompt, hints: KeyBindings.hints(for: .fleet), now: time,
            ellipsis: glyphs.ellipsis
        ).draw(feedback: feedbackRect, hints: hintsRect, into: &surface)
        let body = Rect(top: 1, left: 0, height: max(0, surface.rows - 2 - said), width: surface.columns)
        let overlays = Overlays(glyphs: glyphs)
        switch overlay {
        case .help(let scroll)?:
            overlayExtent = overlays.drawHelp(scroll: scroll, first: .fleet, in: body, into: &surface)
        case .history(let scroll)?:
            overlayExtent = overlays.drawHistory(feedback, scroll: scroll, in: body, into: &surface)
        case .commands(let command, let scroll)?:
            overlayExtent = overlays.drawCommands(command, scroll: scroll, in: body, into: &surface)
        default: overlayExtent = nil
        }
        if let extent = overlayExtent, let overlay, let scroll = overlay.scroll, scroll > extent.maxScroll {
            self.overlay = overlay.scrolled(to: extent.maxScroll)
        }
    }

    /// The title line, then the counts, then the rates of the last window.
    private func drawTitle(_ counts: FleetCounts, at time: Timestamp, into surface: inout Surface) {
        let width = surface.columns
        surface.fill(Rect(top: 0, left: 0, height: 1, width: width), role: .selection)
        let clock = Format.clock(time) + " UTC "
        let left = " ocpp-console · fleet of \(counts.stations) · \(url)"
        let room = width > clock.count + 20 ? width - clock.count : width
        surface.put(Format.fit(left, room, ellipsis: glyphs.ellipsis), row: 0, column: 0, role: .selection)
        if room < width { surface.put(clock, row: 0, column: room, role: .selection) }
        let all = counts.stations
        let first: [(String, Role)] = [
            ("   \(all) stations", .normal),
            ("  connected ", .dim), ("\(counts.connected)", counts.connected == all ? .available : .warning),
            ("  booted ", .dim), ("\(counts.booted)", counts.booted == all ? .available : .warning),
            ("  charging ", .dim), ("\(counts.charging)", counts.charging > 0 ? .charging : .normal),
            ("  queued ", .dim), ("\(counts.queued)", counts.queued > 0 ? .warning : .normal),
        ]
        surface.put(first, row: 1, column: 0, limit: width, wholePieces: true)
        var second: [(String, Role)]
        if let calls = counts.callsPerSecond {
            let latency = { (value: Int64?) in value.map { "\($0) ms" } ?? "-" }
            second = [
                ("   calls/s ", .dim), (Format.fixed(calls, 1), .normal),
                ("  reply p50 ", .dim), (latency(counts.latencyP50), .normal),
                ("  p99 ", .dim), (latency(counts.latencyP99), .normal),
                ("  (the stations' CALLs, last 5 s)", .dim),
            ]
        } else {
            second = [("   calls/s and reply times: after the first 5 s", .dim)]
        }
        surface.put(second, row: 2, column: 0, limit: width, wholePieces: true)
    }
}
