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

        surface.put(
            Self.fitted(sessionLine(connector, gap: inner.width >= 56 ? "  " : " "), width: inner.width), row: row + 1,
            column: inner.left, limit: inner.width, wholePieces: true)
        if isSelected {
            surface.paint(Rect(top: row, left: inner.left, height: 1, width: 1), role: .key)
        }
    }

    /// One piece of the second line; pieces of higher `rank` give way first when the
    /// line does not fit (the limit or share is never the first to go).
    struct Piece {
        var text: String
        var role: Role
        var rank: Int
    }

    private func sessionLine(_ connector: ConnectorSnapshot, gap: String) -> [Piece] {
        var line = [Piece(text: "   ", role: .normal, rank: 0)]
        if let session = connector.session {
            let elapsed = session.startedAt.milliseconds(until: snapshot.time)
            line += [
                Piece(text: session.idTag, role: .accent, rank: 0),
                Piece(text: "\(gap)tx \(session.transactionId.map(String.init) ?? "pending")", role: .normal, rank: 2),
                Piece(text: "\(gap)\(Format.duration(milliseconds: elapsed))", role: .normal, rank: 3),
                Piece(text: "\(gap)\(Format.kilowattHours(session.energyWh))", role: .normal, rank: 1),
                Piece(
                    text: "\(gap)\(Format.kilowatts(connector.powerW))", role: connector.powerW > 0 ? .charging : .dim,
                    rank: 1),
            ]
        } else if let idTag = connector.preparingIdTag {
            line.append(Piece(text: "\(idTag) accepted, ", role: .accent, rank: 0))
            line.append(Piece(text: connector.evConnected ? "starting" : "plug in the EV (p)", role: .preparing, rank: 0))
        } else if connector.evConnected, connector.status == .preparing {
            line.append(Piece(text: "EV plugged in: swipe a card (s)", role: .preparing, rank: 0))
        } else {
            line.append(Piece(text: "meter \(Format.kilowattHours(connector.meterWh))", role: .dim, rank: 0))
        }
        if let limit = connector.limitW {
            // Under a station-wide limit, the connector's part of it: "share 5.0/10.0 kW".
            let text =
                connector.stationLimitW.map { "share \(Format.fixed(limit / 1000, 1))/\(Format.kilowatts($0))" }
                ?? "limit \(Format.kilowatts(limit))"
            line.append(Piece(text: "\(gap)\(text)", role: .warning, rank: 1))
        }
        if connector.evSuspended { line.append(Piece(text: "\(gap)EV paused", role: .suspended, rank: 2)) }
        if let soc = connector.socPercent, connector.evConnected {
            line.append(Piece(text: "\(gap)SoC \(Int(soc))%", role: .dim, rank: 4))
        }
        return line
    }

    /// Drops the pieces of highest rank (the last of them first) until the line fits;
    /// then shortens the idTag, with an ellipsis, to what is left.
    static func fitted(_ line: [Piece], width: Int) -> [(String, Role)] {
        var line = line
        func length() -> Int { line.reduce(0) { $0 + $1.text.count } }
        while length() > width, let drop = line.indices.filter({ line[$0].rank > 1 }).max(by: {
            (line[$0].rank, $0) < (line[$1].rank, $1)
        }) {
            line.remove(at: drop)
        }
        if length() > width, line.count > 1 {
            let excess = length() - width
            let idTag = line[1].text
            line[1].text = Format.fit(idTag, max(6, idTag.count - excess))
        }
        return line.map { ($0.text, $0.role) }
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
