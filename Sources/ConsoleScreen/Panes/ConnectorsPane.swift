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
            guard row + 1 < inner.bottom + 1 else { break }
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

        var second: [(String, Role)] = [("   ", .normal)]
        let gap = inner.width >= 56 ? "  " : " "
        if let session = connector.session {
            let elapsed = session.startedAt.milliseconds(until: snapshot.time)
            second += [
                (session.idTag, .accent),
                ("\(gap)tx \(session.transactionId.map(String.init) ?? "pending")", .normal),
                ("\(gap)\(Format.duration(milliseconds: elapsed))", .normal),
                ("\(gap)\(Format.kilowattHours(session.energyWh))", .normal),
                ("\(gap)\(Format.kilowatts(connector.powerW))", connector.powerW > 0 ? .charging : .dim),
            ]
        } else if let idTag = connector.preparingIdTag {
            second.append(("\(idTag) accepted, ", .accent))
            second.append((connector.evConnected ? "starting" : "plug in the EV (p)", .preparing))
        } else if connector.evConnected, connector.status == .preparing {
            second.append(("EV plugged in: swipe a card (s)", .preparing))
        } else {
            second.append(("meter \(Format.kilowattHours(connector.meterWh))", .dim))
        }
        if let limit = connector.limitW {
            // Under a station-wide limit, the connector's part of it: "share 5.0/10.0 kW".
            let text =
                connector.stationLimitW.map { "share \(Format.fixed(limit / 1000, 1))/\(Format.kilowatts($0))" }
                ?? "limit \(Format.kilowatts(limit))"
            second.append(("\(gap)\(text)", .warning))
        }
        if connector.evSuspended { second.append(("\(gap)EV paused", .suspended)) }
        if let soc = connector.socPercent, connector.evConnected { second.append(("\(gap)SoC \(Int(soc))%", .dim)) }
        surface.put(second, row: row + 1, column: inner.left, limit: inner.width, wholePieces: true)
        if isSelected {
            surface.paint(Rect(top: row, left: inner.left, height: 1, width: 1), role: .key)
        }
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
