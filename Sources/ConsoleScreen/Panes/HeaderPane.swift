import ChargePoint

/// The title line and the two connection lines: where the station connects, how the
/// link is, the boot, the last heartbeat, and what waits to be delivered.
struct HeaderPane {
    let snapshot: StationSnapshot
    let info: StationInfo
    let linkReason: String?
    let glyphs: Glyphs

    func draw(title: Rect, connection: Rect, into surface: inout Surface) {
        surface.fill(title, role: .selection)
        let station = title.width >= 100 ? "\(snapshot.vendor) \(snapshot.model)" : snapshot.model
        let left = " ocpp-console · \(info.stationId) · \(station) · profile \(snapshot.profileName)"
        surface.put(left, row: title.top, column: 0, role: .selection, limit: title.width)
        let clock = Format.clock(snapshot.time) + " UTC "
        if title.width > left.count + clock.count {
            surface.put(clock, row: title.top, column: title.width - clock.count, role: .selection)
        }

        let (state, stateRole) = linkState
        var pieces: [(String, Role)] = [(" \(glyphs.dot) ", stateRole), (state, stateRole), ("  ", .normal)]
        pieces.append((info.url, .accent))
        if info.demo { pieces.append(("  (embedded demo central system)", .dim)) }
        surface.put(pieces, row: connection.top, column: 0, limit: connection.width)

        var second: [(String, Role)] = [("   boot ", .dim)]
        if let registration = snapshot.registration {
            second.append((registration.rawValue, registration == .accepted ? .available : .warning))
        } else {
            second.append(("not yet", .dim))
        }
        if let interval = snapshot.heartbeatInterval { second.append(("  heartbeat every \(interval) s", .dim)) }
        if let beat = snapshot.lastHeartbeat { second.append((", last \(Format.clock(beat))", .dim)) }
        let queued = snapshot.queuedTransactionMessages
        second.append(("  queued ", .dim))
        second.append(("\(queued)", queued > 0 ? .warning : .normal))
        if info.insecure { second.append(("  certificate NOT checked (--insecure)", .error)) }
        if snapshot.connection == .disconnected, let reason = linkReason {
            second.append(("  \(reason)", .error))
        }
        surface.put(second, row: connection.top + 1, column: 0, limit: connection.width, wholePieces: true)
    }

    var linkState: (String, Role) {
        if let wait = snapshot.rebootingIn {
            return ("rebooting, back in \(max(1, (wait + 999) / 1000)) s", .warning)
        }
        if snapshot.heldOffline { return ("offline (o to go online)", .warning) }
        switch snapshot.connection {
        case .connected:
            return ("connected", snapshot.registration == .accepted ? .available : .warning)
        case .connecting:
            return ("connecting", .preparing)
        case .disconnected:
            if let wait = snapshot.reconnectIn {
                return ("disconnected, retry in \(max(1, (wait + 999) / 1000)) s", .error)
            }
            return ("disconnected", .error)
        }
    }
}
