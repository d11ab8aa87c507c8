import ChargePoint

extension ScreenController {
    /// Draws the whole screen for the station as `snapshot` shows it. Called for every
    /// frame; the console's terminal layer sends only the cells that changed.
    public mutating func render(
        _ snapshot: StationSnapshot, configuration: [ConfigurationEntry], at now: Timestamp, into surface: inout Surface
    ) {
        if !snapshot.connectors.contains(where: { $0.id == selectedConnector }), let first = snapshot.connectors.first {
            selectedConnector = first.id
        }
        let selected = snapshot.connectors.first { $0.id == selectedConnector }
        let transfers = transferOutcomes.shown(snapshot, at: now)
        let header = HeaderPane(snapshot: snapshot, info: info, linkReason: linkReason, glyphs: glyphs)
        let layout = ScreenLayout(
            rows: surface.rows, columns: surface.columns, connectors: snapshot.connectors.count,
            readings: selected?.readings.count ?? 0, transfers: transfers.count, header: header.connectionLines,
            stationLine: ConnectorsPane.showsStation(snapshot))
        surface.fill(Rect(top: 0, left: 0, height: surface.rows, width: surface.columns))
        header.draw(title: layout.title, connection: layout.connection, into: &surface)
        let hintView: KeyBinding.View
        switch view {
        case .dashboard:
            hintView = .dashboard
            ConnectorsPane(snapshot: snapshot, selected: selectedConnector, cards: info.cards, glyphs: glyphs)
                .draw(layout.connectors, into: &surface)
            MeterPane(snapshot: snapshot, selected: selectedConnector, history: meters, glyphs: glyphs)
                .draw(layout.meter, into: &surface)
            if !layout.chart.isEmpty {
                ChartPane(snapshot: snapshot, selected: selectedConnector, history: meters, glyphs: glyphs)
                    .draw(layout.chart, into: &surface)
            }
            LogPane(log: log, cursor: logCursor, glyphs: glyphs).draw(layout.log, into: &surface)
            logRows = max(1, layout.log.height - 2)
        case .configuration:
            hintView = .configuration
            let entries = filtered(configuration)
            configCursor = min(configCursor, max(0, entries.count - 1))
            ConfigPane(
                entries: entries, total: configuration.filter(\.isKnown).count, filter: configFilter,
                cursor: configCursor, glyphs: glyphs
            ).draw(layout.body, into: &surface)
            configRows = max(1, layout.body.height - 3)
        }
        TransferPane(transfers: transfers, snapshot: snapshot, glyphs: glyphs).draw(layout.transfers, into: &surface)
        BottomBar(
            feedback: feedback.suffix(layout.feedback.height), prompt: prompt,
            hints: KeyBindings.hints(for: hintView, snapshot: snapshot).filter { info.inFleet || $0.hint != "fleet" },
            now: now, ellipsis: glyphs.ellipsis
        ).draw(feedback: layout.feedback, hints: layout.hints, into: &surface)
        drawOverlay(in: layout.body, at: now, into: &surface)
        if surface.rows < ScreenLayout.minimumRows || surface.columns < ScreenLayout.minimumColumns {
            // The whole title line: no piece of the title is left beside it.
            let text = " terminal \(surface.columns)x\(surface.rows): 80x24 or more shows everything"
            surface.put(Format.fit(text, surface.columns, ellipsis: glyphs.ellipsis), row: 0, column: 0, role: .error)
        }
    }

    /// Draws what covers the view, and keeps a text overlay's scroll within its text as
    /// drawn, so that paging past the end leaves nothing to page back through (§9).
    private mutating func drawOverlay(in body: Rect, at now: Timestamp, into surface: inout Surface) {
        let overlays = Overlays(glyphs: glyphs)
        var extent: ScrollExtent?
        switch overlay {
        case .help(let scroll):
            extent = overlays.drawHelp(scroll: scroll, in: body, into: &surface)
        case .commands(let command, let scroll):
            extent = overlays.drawCommands(command, scroll: scroll, in: body, into: &surface)
        case .history(let scroll):
            extent = overlays.drawHistory(feedback, scroll: scroll, in: body, into: &surface)
        case .status(let snapshot, let scroll):
            extent = overlays.drawStatus(snapshot, cards: info.cards, scroll: scroll, in: body, into: &surface)
        case .frame(let sequence, let scroll):
            if let entry = log.entry(sequence) {
                extent = overlays.drawFrame(
                    entry, partner: log.partner(of: entry), scroll: scroll, in: body, into: &surface)
            }
        case .picker(let picker):
            overlays.drawPicker(picker, in: body, into: &surface)
        case .certificates(let report, let scroll):
            extent = overlays.drawCertificates(report, scroll: scroll, now: now, in: body, into: &surface)
        case nil:
            break
        }
        overlayExtent = extent
        if let extent, let overlay, let scroll = overlay.scroll, scroll > extent.maxScroll {
            // The history at its end stays there as messages come, like the log.
            let following = if case .history = overlay { true } else { false }
            self.overlay = overlay.scrolled(to: following ? Overlay.end : extent.maxScroll)
        }
    }
}
