import ChargePoint

/// The answer to `status` on the screen (issue 12, acceptance tester): the whole
/// snapshot the station gave — the station, its link and its stores, then each
/// connector — where the panes show only a part of it. It scrolls like the help.
extension Overlays {
    /// `cards`: the demo cards, whose holders are named beside their idTags.
    func drawStatus(
        _ snapshot: StationSnapshot, cards: [DemoCard] = [], scroll: Int, in area: Rect, into surface: inout Surface
    ) -> ScrollExtent {
        // As wide as the longest line where the screen allows; a line still too long
        // wraps (drawText leaves 3 columns to the borders and a margin).
        let content = StatusLines(snapshot: snapshot, cards: cards)
        let longest = content.lines(width: .max).map { $0.reduce(0) { $0 + $1.0.count } }.max() ?? 0
        let width = min(area.width, max(60, longest + 3))
        let lines = content.lines(width: width - 3)
        let rect = Self.centered(in: area, height: lines.count + 2, width: width)
        return drawText(
            lines, title: "Status at \(Format.clock(snapshot.time)) · ↑↓ scroll · any other key closes",
            scroll: scroll, rect, into: &surface)
    }
}

/// The lines of the status overlay: a label, then the facts of that line, wrapped
/// under themselves to a width.
struct StatusLines {
    let snapshot: StationSnapshot
    var cards: [DemoCard] = []

    private static let labelWidth = 16

    func lines(width: Int) -> [[(String, Role)]] {
        let line = { (label: String, text: String) in self.line(label, text, width: width) }
        var lines: [[(String, Role)]] = []
        let station = snapshot.station
        lines += line(
            "station",
            "\(station.status.rawValue) (\(station.errorCode.rawValue)\(station.info.map { ": \($0)" } ?? ""))"
                + " · \(snapshot.vendor) \(snapshot.model) · profile \(snapshot.profileName)"
                + " · firmware \(snapshot.firmwareVersion ?? "unknown")")
        lines += line("link", link)
        lines += line("queue", "transaction messages waiting: \(snapshot.queuedTransactionMessages)")
        lines += line(
            "authorization",
            "local list version \(snapshot.localListVersion) · idTags cached: \(snapshot.cachedIdTags)")
        lines += line("smart charging", "charging profiles: \(snapshot.chargingProfiles)")
        let reservations = snapshot.reservations.map {
            "\($0.id): connector \($0.connector) for \($0.idTag.value) until \(Format.clock($0.expiresAt))"
        }
        lines += line("reservations", reservations.isEmpty ? "none" : reservations.joined(separator: " · "))
        for transfer in [snapshot.firmwareTransfer, snapshot.diagnosticsTransfer, snapshot.logTransfer]
            .compactMap({ $0 })
        {
            lines += line(
                transfer.purpose.rawValue,
                "\(transfer.fileName) \(transfer.status) · \(Format.bytes(transfer.bytes, of: transfer.total))"
                    + " · try \(transfer.attempt) of \(transfer.attempts)"
                    + (transfer.detail.map { " · \($0)" } ?? ""))
        }
        for connector in snapshot.connectors {
            lines.append([])
            lines += self.connector(connector, width: width)
        }
        return lines
    }

    private var link: String {
        var facts = [snapshot.heldOffline ? "held offline" : snapshot.connection.rawValue]
        facts.append("security profile \(snapshot.securityProfile)")
        facts.append("boot \(snapshot.registration?.rawValue ?? "not sent")")
        if let interval = snapshot.heartbeatInterval { facts.append("heartbeat every \(interval) s") }
        if let last = snapshot.lastHeartbeat { facts.append("last \(Format.clock(last))") }
        return facts.joined(separator: " · ")
    }

    private func connector(_ connector: ConnectorSnapshot, width: Int) -> [[(String, Role)]] {
        let line = { (label: String, text: String) in self.line(label, text, width: width) }
        var heading: [(String, Role)] = [
            ("Connector \(connector.id)", .title), ("  \(connector.type)", .dim),
            ("  \(connector.status.rawValue)", Format.role(of: connector.status)),
            ("  \(connector.errorCode.rawValue)", connector.errorCode == .noError ? .dim : .error),
        ]
        if let info = connector.info { heading.append(("  \(info)", .normal)) }
        var lines = [heading]
        var cable = [connector.evConnected ? "EV plugged in" : "no EV"]
        if connector.hasLock {
            cable.append(connector.lockBroken ? "lock jammed" : connector.locked ? "locked" : "unlocked")
        }
        if !connector.operative { cable.append("Inoperative") }
        lines += line("  cable", cable.joined(separator: " · "))
        if let session = connector.session {
            lines += line(
                "  session",
                "transaction \(session.transactionId.map(String.init) ?? "(not yet numbered)") · "
                    + cards.namingHolders(in: session.idTag)
                    + " · since \(Format.clock(session.startedAt)) · \(Format.kilowattHours(session.energyWh))")
        } else if let idTag = connector.preparingIdTag {
            lines += line("  session", "prepared for \(cards.namingHolders(in: idTag)): plug in to start")
        }
        var power = [
            "register \(Format.kilowattHours(connector.meterWh))", Format.kilowatts(connector.powerW),
            "offered \(Format.kilowatts(connector.offeredW))",
        ]
        if let limit = connector.limitW { power.append("limit \(Format.kilowatts(limit))") }
        if let maximum = connector.evMaxPowerW { power.append("EV max \(Format.kilowatts(maximum))") }
        if let soc = connector.socPercent { power.append("SoC \(Format.fixed(soc, 0)) %") }
        if connector.evSuspended { power.append("EV suspended") }
        lines += line("  power", power.joined(separator: " · "))
        return lines
    }

    /// The label, then the text wrapped in the column after it: between its facts (" · ")
    /// where it can, so that "11.0 kW" stays on one line.
    private func line(_ label: String, _ text: String, width: Int) -> [[(String, Role)]] {
        let room = max(10, width - Self.labelWidth)
        let indent = String(repeating: " ", count: Self.labelWidth)
        var parts: [String] = []
        for fact in text.split(separator: " · ").map(String.init) {
            if let last = parts.last, last.count + 3 + fact.count <= room {
                parts[parts.count - 1] = last + " · " + fact
            } else {
                parts += Format.wrap(fact, width: room)
            }
        }
        return parts.enumerated().map { index, part in
            [(index == 0 ? Format.fit(label, Self.labelWidth) : indent, .dim), (part, .normal)]
        }
    }
}
