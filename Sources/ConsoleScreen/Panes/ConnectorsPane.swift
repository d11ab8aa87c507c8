import ChargePoint

/// Every connector in two lines: what it is, its status in colour, the cable and the
/// lock; then the session (idTag, transaction id, elapsed time, energy, power) or what
/// it waits for, and the smart-charging limit once one applies (under a station-wide
/// limit, the connector's share of it).
struct ConnectorsPane {
    let snapshot: StationSnapshot
    let selected: Int
    let glyphs: Glyphs

    func draw(_ rect: Rect, into surface: inout Surface) {
        surface.box(rect, title: "Connectors", glyphs: glyphs)
        let inner = rect.inner
        guard !inner.isEmpty else { return }
        var row = inner.top
        if snapshot.station.status != .available || snapshot.station.errorCode != .noError {
            let station: [(String, Role)] = [
                (" station ", .dim), (snapshot.station.status.rawValue, Format.role(of: snapshot.station.status)),
                (snapshot.station.errorCode == .noError ? "" : "  \(snapshot.station.errorCode.rawValue)", .faulted),
            ]
            surface.put(station, row: row, column: inner.left, limit: inner.width)
            row += 1
        }
        for connector in snapshot.connectors {
            guard row + 1 < inner.bottom else { break }  // both lines inside the frame
            draw(connector, row: row, inner, into: &surface)
            row += 2
        }
    }

    private func draw(_ connector: ConnectorSnapshot, row: Int, _ inner: Rect, into surface: inout Surface) {
        let isSelected = connector.id == selected
        let marker = isSelected ? ">" : " "
        let kind = "\(connector.type) \(Format.fixed(connector.maxPowerW / 1000, 0))kW"
        var first: [(String, Role)] = [
            ("\(marker)\(connector.id) ", isSelected ? .key : .normal), (Format.fit(kind, 11), .dim),
            ("\(glyphs.dot) ", Format.role(of: connector.status)),
            (Format.fit(connector.status.rawValue, 14), Format.role(of: connector.status)),
        ]
        if connector.errorCode != .noError {
            first.append((connector.errorCode.rawValue + " ", connector.status == .faulted ? .faulted : .warning))
        }
        first.append((cableText(connector), .dim))
        surface.put(first, row: row, column: inner.left, limit: inner.width)

        // The limit or share is never the first to go; the idTag is shortened last.
        surface.put(
            LinePiece.fitted(
                sessionLine(connector, gap: inner.width >= 56 ? "  " : " "), width: inner.width, shortening: 1,
                minimum: 6, ellipsis: glyphs.ellipsis),
            row: row + 1, column: inner.left, limit: inner.width, wholePieces: true)
        if isSelected {
            surface.paint(Rect(top: row, left: inner.left, height: 1, width: 1), role: .key)
        }
    }

    private func sessionLine(_ connector: ConnectorSnapshot, gap: String) -> [LinePiece] {
        var line = [LinePiece(text: "   ", role: .normal, rank: 0)]
        if let session = connector.session {
            let elapsed = session.startedAt.milliseconds(until: snapshot.time)
            line += [
                LinePiece(text: session.idTag, role: .accent, rank: 0),
                LinePiece(
                    text: "\(gap)tx \(session.transactionId.map(String.init) ?? "pending")", role: .normal, rank: 2),
                LinePiece(text: "\(gap)\(Format.duration(milliseconds: elapsed))", role: .normal, rank: 3),
                LinePiece(text: "\(gap)\(Format.kilowattHours(session.energyWh))", role: .normal, rank: 1),
                LinePiece(
                    text: "\(gap)\(Format.kilowatts(connector.powerW))", role: connector.powerW > 0 ? .charging : .dim,
                    rank: 1),
            ]
        } else if let idTag = connector.preparingIdTag {
            line.append(LinePiece(text: "\(idTag) accepted, ", role: .accent, rank: 0))
            line.append(
                LinePiece(text: connector.evConnected ? "starting" : "plug in the EV (p)", role: .preparing, rank: 0))
        } else if connector.evConnected, connector.status == .preparing {
            line.append(LinePiece(text: "EV plugged in: swipe a card (s)", role: .preparing, rank: 0))
        } else {
            line.append(LinePiece(text: "meter \(Format.kilowattHours(connector.meterWh))", role: .dim, rank: 0))
        }
        if let limit = connector.limitW {
            // Under a station-wide limit, the connector's part of it: "share 5.0/10.0 kW".
            let text =
                connector.stationLimitW.map { "share \(Format.fixed(limit / 1000, 1))/\(Format.kilowatts($0))" }
                ?? "limit \(Format.kilowatts(limit))"
            line.append(LinePiece(text: "\(gap)\(text)", role: .warning, rank: 1))
        }
        if connector.evSuspended { line.append(LinePiece(text: "\(gap)EV paused", role: .suspended, rank: 2)) }
        if let soc = connector.socPercent, connector.evConnected {
            line.append(LinePiece(text: "\(gap)SoC \(Int(soc))%", role: .dim, rank: 4))
        }
        return line
    }

    private func cableText(_ connector: ConnectorSnapshot) -> String {
        var parts: [String] = []
        if connector.cable == .fixed {
            parts.append(connector.evConnected ? "EV on cable" : "cable free")
        } else {
            parts.append(connector.evConnected ? "plugged" : connector.cableInSocket ? "cable in" : "empty")
        }
        if connector.lockBroken {
            parts.append("lock broken")
        } else if connector.hasLock, connector.locked {
            parts.append("locked")
        }
        return parts.joined(separator: ", ")
    }
}
