import ChargePoint

/// Every connector in two lines: what it is, its status in colour, a fault's error code
/// and info, the cable and the lock; then the session (card holder or idTag, transaction
/// id, elapsed time, energy, power) or what it waits for, and the smart-charging limit
/// with the profile that sets it once one applies (under a station-wide limit, the
/// connector's share of it). The limit stays at every width: the elapsed time, the
/// transaction id and the energy give way first.
struct ConnectorsPane {
    let snapshot: StationSnapshot
    let selected: Int
    var cards: [DemoCard] = []
    let glyphs: Glyphs

    func draw(_ rect: Rect, into surface: inout Surface) {
        surface.box(rect, title: "Connectors", glyphs: glyphs)
        let inner = rect.inner
        guard !inner.isEmpty else { return }
        var row = inner.top
        let station = snapshot.station
        if Self.showsStation(snapshot) {
            var line = [
                LinePiece(text: " station ", role: .dim),
                LinePiece(text: station.status.rawValue, role: Format.role(of: station.status)),
            ]
            if station.errorCode != .noError {
                line.append(LinePiece(text: "  \(station.errorCode.rawValue)", role: .faulted))
            }
            if let info = station.info { line.append(LinePiece(text: "  \(info)", role: .faulted)) }
            let fitted = LinePiece.fitted(
                line, width: inner.width, shortening: line.count - 1, minimum: 4, ellipsis: glyphs.ellipsis)
            surface.put(
                LinePiece.clipped(fitted, width: inner.width, ellipsis: glyphs.ellipsis), row: row, column: inner.left,
                limit: inner.width)
            row += 1
        }
        var hidden = 0
        for connector in snapshot.connectors {
            guard row + 1 < inner.bottom else {  // both lines inside the frame
                hidden += 1
                continue
            }
            draw(connector, row: row, inner, into: &surface)
            row += 2
        }
        if hidden > 0 {
            // On the bottom border, where the box has room: what the frame could not hold.
            let note = " +\(hidden) more (Tab) "
            if rect.width > note.count + 4 {
                surface.put(note, row: rect.bottom - 1, column: rect.right - note.count - 2, role: .dim)
            }
        }
    }

    /// The box starts with a line for the station itself while it is not simply
    /// Available (connector 0: a station-wide fault, Unavailable).
    static func showsStation(_ snapshot: StationSnapshot) -> Bool {
        snapshot.station.status != .available || snapshot.station.errorCode != .noError
    }

    private func draw(_ connector: ConnectorSnapshot, row: Int, _ inner: Rect, into surface: inout Surface) {
        let isSelected = connector.id == selected
        let marker = isSelected ? ">" : " "
        let kind = "\(connector.type) \(Format.fixed(connector.maxPowerW / 1000, 0))kW"
        let statusRole = Format.role(of: connector.status)
        var first = [
            LinePiece(text: "\(marker)\(connector.id) ", role: isSelected ? .key : .normal),
            LinePiece(text: Format.fit(kind, 11), role: .dim),
            LinePiece(text: "\(glyphs.dot) ", role: statusRole),
            // Aligned in a column, unless a fault's code and info need the room.
            LinePiece(
                text: connector.errorCode == .noError
                    ? Format.fit(connector.status.rawValue, 14) : connector.status.rawValue + " ",
                role: statusRole),
        ]
        let faultRole: Role = connector.status == .faulted ? .faulted : .warning
        if connector.errorCode != .noError {
            first.append(LinePiece(text: connector.errorCode.rawValue + " ", role: faultRole))
        }
        // A fault's info outranks the cable: the cable gives way, then the info is cut.
        let info = connector.info.map { LinePiece(text: "\($0) ", role: faultRole) }
        if let info { first.append(info) }
        first.append(LinePiece(text: cableText(connector), role: .dim, rank: info == nil ? 0 : 2))
        let fitted = LinePiece.fitted(
            first, width: inner.width, shortening: info == nil ? -1 : first.count - 2, minimum: 4,
            ellipsis: glyphs.ellipsis)
        surface.put(
            LinePiece.clipped(fitted, width: inner.width, ellipsis: glyphs.ellipsis), row: row, column: inner.left,
            limit: inner.width)

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
            line +=
                holder(session.idTag) + [
                    LinePiece(
                        text: "\(gap)tx \(session.transactionId.map(String.init) ?? "pending")", role: .normal, rank: 3),
                    LinePiece(text: "\(gap)\(Format.duration(milliseconds: elapsed))", role: .normal, rank: 4),
                    LinePiece(text: "\(gap)\(Format.kilowattHours(session.energyWh))", role: .normal, rank: 2),
                    LinePiece(
                        text: "\(gap)\(Format.kilowatts(connector.powerW))",
                        role: connector.powerW > 0 ? .charging : .dim,
                        rank: 1),
                ]
        } else if let idTag = connector.preparingIdTag {
            line += holder(idTag)
            line.append(LinePiece(text: " accepted, ", role: .accent, rank: 0))
            line.append(
                LinePiece(text: connector.evConnected ? "starting" : "plug in the EV (p)", role: .preparing, rank: 0))
        } else if connector.evConnected, connector.status == .preparing {
            line.append(LinePiece(text: "EV plugged in: swipe a card (s)", role: .preparing, rank: 0))
        } else {
            line.append(LinePiece(text: "meter \(Format.kilowattHours(connector.meterWh))", role: .dim, rank: 0))
        }
        if let limit = connector.limitW {
            line.append(LinePiece(text: "\(gap)\(limitText(connector, limit))", role: .warning, rank: 1))
        }
        if connector.evSuspended { line.append(LinePiece(text: "\(gap)EV paused", role: .suspended, rank: 2)) }
        if let soc = connector.socPercent, connector.evConnected {
            line.append(LinePiece(text: "\(gap)SoC \(Int(soc))%", role: .dim, rank: 5))
        }
        return line
    }

    /// "limit 6.9 kW #3 TxDefault"; under a station-wide limit, the connector's part of
    /// it: "share 5.0/10.0 kW #1 CPMax" (the ChargePointMaxProfile's).
    private func limitText(_ connector: ConnectorSnapshot, _ limit: Double) -> String {
        let text =
            connector.stationLimitW.map { "share \(Format.fixed(limit / 1000, 1))/\(Format.kilowatts($0))" }
            ?? "limit \(Format.kilowatts(limit))"
        guard let source = connector.limitSource else { return text }
        let purpose =
            switch source.purpose {
            case .txProfile: "Tx"
            case .txDefaultProfile: "TxDefault"
            case .chargePointMaxProfile: "CPMax"
            }
        return "\(text) #\(source.profileId) \(purpose)"
    }

    /// A demo card's holder by name, then the idTag, which gives way after the
    /// transaction id and before the energy ("Alice · 04A1B2C3D4E5F6", "Alice"); any
    /// other idTag as it is.
    private func holder(_ idTag: String) -> [LinePiece] {
        let card = cards.first { $0.idTag.value == idTag }
        let name = card?.label.split(separator: "(", maxSplits: 1).first?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !name.isEmpty else { return [LinePiece(text: idTag, role: .accent, rank: 0)] }
        return [LinePiece(text: name, role: .accent, rank: 0), LinePiece(text: " · \(idTag)", role: .dim, rank: 3)]
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
