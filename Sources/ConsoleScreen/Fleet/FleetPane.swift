import ChargePoint

/// The fleet view's table (issue 15 §4): a box of one line per station — identity, link
/// (with why it is down where there is room), boot, each connector's status in the
/// single view's colours, power and the sessions' energy, the messages in its durable queue.
/// Only the lines on screen are drawn: a fleet of thousands costs what 20 lines cost.
struct FleetPane {
    let rows: FleetRows
    /// The station numbers shown, in order, and the selected one.
    let matching: [Int]
    let selected: Int?
    let top: Int
    let filter: String
    let glyphs: Glyphs
    /// The moment drawn (monotonic), to which the sessions' energy is projected.
    let now: Timestamp

    /// The lines of stations a box of `height` rows holds (borders and heading apart).
    static func lines(height: Int) -> Int { max(1, height - 3) }

    func draw(_ rect: Rect, into surface: inout Surface) {
        let shown = min(matching.count, Self.lines(height: rect.height))
        let range = shown == 0 ? "" : ", \(top + 1)–\(top + shown)"
        let title =
            filter.isEmpty
            ? "Stations \(rows.count) by identity\(range)"
            : "Stations \(matching.count) of \(rows.count) matching '\(filter)'\(range)"
        surface.box(rect, title: title, glyphs: glyphs, focused: true)
        let inner = Rect(top: rect.top + 1, left: rect.left + 1, height: rect.height - 2, width: rect.width - 2)
        guard inner.height > 0, inner.width > 0 else { return }
        let columns = Columns(width: inner.width, connectors: rows.rows.first?.connectors.count ?? 1)
        surface.put(columns.heading, row: inner.top, column: inner.left, role: .dim, limit: inner.width)
        if matching.isEmpty {
            let why = filter.isEmpty ? "no station" : "no station matches '\(filter)' (Esc clears the filter)"
            surface.put(" " + why, row: inner.top + 1, column: inner.left, role: .dim, limit: inner.width)
            return
        }
        for line in 0..<shown {
            let station = matching[top + line]
            let pieces = columns.line(rows.rows[station], at: now, glyphs: glyphs, selected: station == selected)
            surface.put(pieces, row: inner.top + 1 + line, column: inner.left, limit: inner.width)
        }
    }

    /// The widths of the columns for a table `width` wide: the identity, the link and the
    /// boot first; the connectors' statuses, full names where there is room; power and
    /// energy; the queue.
    struct Columns {
        let identity, link, boot, connector, energy: Int
        let connectors: Int
        let fullNames: Bool

        init(width: Int, connectors: Int) {
            self.connectors = max(1, connectors)
            let wide = width >= 110
            identity = wide ? 20 : 14
            boot = 9
            fullNames = wide
            connector = wide ? 16 : 8
            energy = 17
            let fixed = 1 + identity + boot + self.connectors * connector + energy + 6
            link = max(11, width - fixed)
        }

        var heading: String {
            " " + pad("identity", identity) + pad("link", link) + pad("boot", boot)
                + pad("connectors", connectors * connector) + pad("power, energy", energy) + "queue"
        }

        func line(_ row: FleetRow, at now: Timestamp, glyphs: Glyphs, selected: Bool) -> [(String, Role)] {
            var pieces: [(String, Role)] = [
                (selected ? ">" : " ", .key),
                (pad(row.identity, identity, glyphs), selected ? .selection : .normal),
            ]
            pieces.append(linkPiece(row, glyphs))
            pieces.append(
                row.registration.map { (pad($0.rawValue, boot), $0 == .accepted ? .available : .warning) }
                    ?? (pad("-", boot), .dim))
            for index in 0..<connectors {
                guard index < row.connectors.count else {
                    pieces.append((pad("", connector), .normal))
                    continue
                }
                let slot = row.connectors[index]
                guard let status = slot.status else {
                    pieces.append((pad("\(slot.id) ?", connector), .dim))
                    continue
                }
                let name = fullNames ? status.rawValue : Self.short(status)
                let fault = slot.errorCode != .noError && fullNames ? " !" : ""
                pieces.append((pad("\(slot.id) \(name)\(fault)", connector, glyphs), Format.role(of: status)))
            }
            var energyText = ""
            let sessionWh = row.sessionWh(at: now)
            if row.powerW > 0 || sessionWh != nil {
                energyText = Format.kilowatts(row.powerW)
                if let sessionWh { energyText += " " + Format.kilowattHours(sessionWh) }
            }
            pieces.append((pad(energyText, energy, glyphs), .normal))
            pieces.append(("\(row.queued)", row.queued > 0 ? .warning : .dim))
            return pieces
        }

        /// connected, connecting, or down with the station's reason where there is room;
        /// a station-wide status (a fault on connector 0) after it.
        private func linkPiece(_ row: FleetRow, _ glyphs: Glyphs) -> (String, Role) {
            if let station = row.station, let status = station.status {
                return (
                    pad(
                        "station \(station.errorCode == .noError ? status.rawValue : station.errorCode.rawValue)",
                        link, glyphs), Format.role(of: status)
                )
            }
            switch row.link {
            case .connected:
                return (pad("connected", link), row.registration == .accepted ? .available : .warning)
            case .waiting:
                return (pad("waiting (ramp)", link, glyphs), .dim)
            case .connecting:
                return (pad("connecting", link), .preparing)
            case .disconnected:
                let text = row.linkReason.map { "down: \($0)" } ?? "down"
                return (pad(text, link, glyphs), .error)
            }
        }

        /// A status in at most five letters, for 80 columns (a connector's column is eight wide).
        static func short(_ status: ChargePointStatus) -> String {
            switch status {
            case .available: "Avail"
            case .preparing: "Prep"
            case .charging: "Charg"
            case .suspendedEV: "SusEV"
            case .suspendedEVSE: "SusSE"
            case .finishing: "Finsh"
            case .reserved: "Resvd"
            case .unavailable: "Unavl"
            case .faulted: "Fault"
            }
        }

        /// `text` in a column `width` wide with a blank after it, cut with an ellipsis.
        private func pad(_ text: String, _ width: Int, _ glyphs: Glyphs = .unicode) -> String {
            Format.fit(text, width - 1, ellipsis: glyphs.ellipsis) + " "
        }
    }
}
