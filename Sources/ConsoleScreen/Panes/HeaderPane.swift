import ChargePoint

/// The title line and the connection lines: where the station connects, how the link
/// is, the boot, the firmware it runs, the last heartbeat, and what waits to be
/// delivered; while the link is down or the boot is not accepted, a third line says why.
struct HeaderPane {
    let snapshot: StationSnapshot
    let info: StationInfo
    let linkReason: String?
    let glyphs: Glyphs

    /// The connection lines wanted: two, and a third for why the station is not online.
    var connectionLines: Int { why == nil ? 2 : 3 }

    func draw(title: Rect, connection: Rect, into surface: inout Surface) {
        surface.fill(title, role: .selection)
        let station = title.width >= 100 ? "\(snapshot.vendor) \(snapshot.model)" : snapshot.model
        let left = " ocpp-console · \(info.stationId) · \(station) · profile \(snapshot.profileName)"
        let clock = Format.clock(snapshot.time) + " UTC "
        let room = title.width > left.count + clock.count ? title.width - clock.count : title.width
        surface.put(
            Format.fit(left, min(left.count, room), ellipsis: glyphs.ellipsis), row: title.top, column: 0,
            role: .selection)
        if room < title.width { surface.put(clock, row: title.top, column: room, role: .selection) }

        surface.put(
            connectionLine(width: connection.width), row: connection.top, column: 0, limit: connection.width)
        surface.put(
            secondLine(width: connection.width), row: connection.top + 1, column: 0, limit: connection.width,
            wholePieces: true)
        if let why, connection.height >= 3 {
            let text = "   " + why.text
            surface.put(
                Format.fit(text, min(text.count, connection.width), ellipsis: glyphs.ellipsis),
                row: connection.top + 2, column: 0, role: why.role)
        }
    }

    /// Why the station is not online, in words: the link's reason for going down (an
    /// HTTP 401, a refused connection, a TLS failure, the central system's close code),
    /// or a boot the central system has not accepted (OCPP 1.6 §4.2: Pending, Rejected).
    var why: (text: String, role: Role)? {
        if snapshot.connection == .disconnected, !snapshot.heldOffline, snapshot.rebootingIn == nil,
            let reason = linkReason
        {
            return (reason, .error)
        }
        guard snapshot.connection == .connected, let retry = snapshot.bootRetryIn else { return nil }
        let seconds = max(1, (retry + 999) / 1000)
        switch snapshot.registration {
        case .pending?:
            return ("the central system has not accepted the boot yet (Pending, retry in \(seconds) s)", .warning)
        case .rejected?:
            return ("the central system rejected the boot (Rejected, retry in \(seconds) s)", .error)
        default:
            return nil
        }
    }

    /// The link's state, where it goes, its security profile (whitepaper §2) and, over
    /// TLS, who the central system proved to be; the demo's note and the server's name go
    /// first, then the URL is shortened: the state and the profile always stay.
    private func connectionLine(width: Int) -> [(String, Role)] {
        let (state, stateRole) = linkState
        var line = [
            LinePiece(text: " \(glyphs.dot) ", role: stateRole), LinePiece(text: state, role: stateRole),
            LinePiece(text: "  ", role: .normal), LinePiece(text: url, role: .accent),
        ]
        let profile = snapshot.securityProfile
        line.append(LinePiece(text: "  security profile \(profile)", role: profile >= 2 ? .available : .dim))
        if info.demo { line.append(LinePiece(text: "  (embedded demo central system)", role: .dim, rank: 3)) }
        let fit = { (pieces: [LinePiece]) in
            LinePiece.fitted(pieces, width: width, shortening: 3, minimum: 16, ellipsis: self.glyphs.ellipsis)
        }
        if let server = snapshot.server {
            // Who the central system proved to be (whitepaper A00.FR.307), kept before the
            // URL's length: its common name where the whole subject does not fit.
            for name in [server.subject, Self.commonName(of: server.subject)] {
                var secured = line
                // With --insecure nothing was verified: say so rather than "server".
                let label = info.insecure ? "  unchecked server " : "  server "
                secured.insert(LinePiece(text: label + name, role: info.insecure ? .error : .dim), at: 5)
                let fitted = fit(secured)
                if fitted.reduce(0, { $0 + $1.0.count }) <= width { return fitted }
            }
        }
        return LinePiece.clipped(fit(line), width: width, ellipsis: glyphs.ellipsis)
    }

    /// "CN=csms.example.com" of an RFC 4514 subject, or the subject when it has no CN.
    static func commonName(of subject: String) -> String {
        subject.split(separator: ",").first { $0.hasPrefix("CN=") }.map(String.init) ?? subject
    }

    /// The URL as the link uses it: `wss://` once the security profile is 2 or 3, on a
    /// `ws://` URL too (the link then uses TLS on the same host and port).
    private var url: String {
        guard snapshot.securityProfile >= 2, info.url.hasPrefix("ws://") else { return info.url }
        return "wss://" + info.url.dropFirst("ws://".count)
    }

    /// HTTP Basic credentials over plain `ws://`: security profile 1 (whitepaper §2) on a
    /// URL the link does not raise to `wss://`, so anyone on the network reads the
    /// password (`--password`, or an AuthorizationKey the central system set).
    var sendsPasswordInClear: Bool {
        snapshot.securityProfile == 1 && url.hasPrefix("ws://")
    }

    /// The boot, the firmware the station runs (the new version once an update is
    /// installed, OCPP 1.6 §5.19), the heartbeat the central system asked for, what is
    /// queued, and the `--insecure` or clear-password warning; the heartbeat gives way
    /// first when the line is too long, then the firmware, and the warning stays (cut at
    /// the very end).
    private func secondLine(width: Int) -> [(String, Role)] {
        var second = [LinePiece(text: "   boot ", role: .dim)]
        if let registration = snapshot.registration {
            second.append(
                LinePiece(text: registration.rawValue, role: registration == .accepted ? .available : .warning))
        } else {
            second.append(LinePiece(text: "not yet", role: .dim))
        }
        var firmware: Int?
        if let version = snapshot.firmwareVersion {
            second.append(LinePiece(text: "  firmware ", role: .dim))
            firmware = second.count
            second.append(LinePiece(text: version, role: .normal))
        }
        // Before an Accepted boot the interval is not the central system's yet.
        if snapshot.registration == .accepted, let interval = snapshot.heartbeatInterval {
            second.append(LinePiece(text: "  heartbeat every \(interval) s", role: .dim, rank: 2))
        }
        if let beat = snapshot.lastHeartbeat {
            second.append(LinePiece(text: ", last \(Format.clock(beat))", role: .dim, rank: 3))
        }
        let queued = snapshot.queuedTransactionMessages
        second.append(LinePiece(text: "  queued ", role: .dim))
        second.append(LinePiece(text: "\(queued)", role: queued > 0 ? .warning : .normal))
        if info.insecure {
            second.append(LinePiece(text: "  certificate NOT checked (--insecure)", role: .error))
        }
        if sendsPasswordInClear {
            second.append(LinePiece(text: "  password sent in clear (ws://)", role: .error))
        }
        let fitted = LinePiece.fitted(
            second, width: width, shortening: firmware ?? -1, minimum: 8, ellipsis: glyphs.ellipsis)
        // A warning outranks the firmware version: it goes when even
        // shortened it leaves the warning no room (the transfer line names a new version
        // for a while after an install).
        guard fitted.reduce(0, { $0 + $1.0.count }) > width else { return fitted }
        if let firmware { second.removeSubrange((firmware - 1)...firmware) }
        second.removeAll { $0.rank > 1 }
        return LinePiece.fitted(
            second, width: width, shortening: second.count - 1, minimum: 8, ellipsis: glyphs.ellipsis)
    }

    var linkState: (String, Role) {
        if let wait = snapshot.rebootingIn {
            return ("rebooting, back in \(max(1, (wait + 999) / 1000)) s", .warning)
        }
        if snapshot.heldOffline { return ("offline (o to go online)", .warning) }
        switch snapshot.connection {
        case .connected:
            return ("connected", snapshot.registration == .accepted ? .available : .warning)
        case .waiting:
            return ("waiting for its turn to connect", .dim)
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
