import ChargePoint

/// The firmware download and the diagnostics upload (OCPP 1.6 §5.19, §5.9), a line each
/// just above the feedback line, in every view: a try under way with a progress bar,
/// the bytes, the rate and which try it is; the wait for the next try and why the last
/// one failed; the firmware's state after its download; how the transfer ended
/// (`TransferOutcomes` says for how long).
struct TransferPane {
    let transfers: [TransferState]
    let snapshot: StationSnapshot
    let glyphs: Glyphs

    /// Cells of the progress bar between its ends.
    static let barCells = 10
    /// The longest file name shown whole.
    static let nameWidth = 32

    func draw(_ rect: Rect, into surface: inout Surface) {
        for (offset, state) in transfers.prefix(rect.height).enumerated() {
            let (pieces, shortening) = line(state)
            let fitted = LinePiece.fitted(
                pieces, width: rect.width, shortening: shortening, minimum: 10, ellipsis: glyphs.ellipsis)
            let row = rect.top + offset
            surface.put(fitted, row: row, column: rect.left, limit: rect.width)
            if fitted.reduce(0, { $0 + $1.0.count }) > rect.width {
                surface.put(String(glyphs.ellipsis), row: row, column: rect.right - 1, role: .dim)
            }
        }
    }

    /// The line's pieces, and which of them is shortened when it is too long (the
    /// reason of a failure, else the file name). The rate gives way first.
    func line(_ state: TransferState) -> (pieces: [LinePiece], shortening: Int) {
        let label =
            switch state.purpose {
            case .firmware: "Firmware"
            case .diagnostics: "Diagnostics"
            case .log: "Log"
            }
        let name = Format.fit(state.fileName, min(state.fileName.count, Self.nameWidth), ellipsis: glyphs.ellipsis)
        var line = [LinePiece(text: " \(label) ", role: .title), LinePiece(text: name, role: .normal)]
        var shortening = 1
        func add(_ text: String, _ role: Role, rank: Int = 0) {
            line.append(LinePiece(text: text, role: role, rank: rank))
        }
        func reason(_ separator: String, role: Role) {
            guard let detail = state.detail, !detail.isEmpty else { return }
            shortening = line.count
            add(separator + detail, role)
        }
        switch state.status {
        case FirmwareStatus.downloading.rawValue, DiagnosticsStatus.uploading.rawValue:
            add("  \(state.status) ", .charging)
            if let total = state.total, total > 0 {
                add(bar(Double(state.bytes) / Double(total)), .spark)
                add(" " + Format.bytes(state.bytes, of: total), .normal)
            } else {
                add(Format.bytes(state.bytes), .normal)
            }
            if let rate = rate(of: state) { add("  \(rate)", .dim, rank: 2) }
            if state.attempts > 1 { add("  try \(state.attempt) of \(state.attempts)", .dim) }
        case "Waiting":
            add("  Waiting", .warning)
            reason(": ", role: .normal)
            add("  next try \(countdown(to: state.since))", .dim)
            if state.attempts > 1 { add(" (try \(state.attempt + 1) of \(state.attempts))", .dim) }
        case "Scheduled":
            add("  Scheduled", .accent)
            if let since = state.since {
                add(": first try at \(Format.clock(since)) UTC, \(countdown(to: since))", .dim)
            }
        case FirmwareStatus.installed.rawValue:
            add("  Installed", .available)
            add(" · now running \(snapshot.firmwareVersion ?? state.detail ?? "?")", .dim)
        case FirmwareStatus.installationFailed.rawValue:
            add("  InstallationFailed", .error)
            reason(": ", role: .normal)
            if let version = snapshot.firmwareVersion { add(" · running \(version)", .dim) }
        case FirmwareStatus.downloadFailed.rawValue, DiagnosticsStatus.uploadFailed.rawValue:
            add("  \(state.status)", .error)
            reason(": ", role: .normal)
        case DiagnosticsStatus.uploaded.rawValue:
            add("  Uploaded", .available)
            if state.bytes > 0 { add(" · \(Format.bytes(state.bytes))", .dim) }
        default:  // Downloaded (waiting to install), Installing
            add("  \(state.status)", .charging)
            reason(" · ", role: .dim)
        }
        return (line, shortening)
    }

    /// "340 kB/s": the bytes over the time since the try under way began.
    private func rate(of state: TransferState) -> String? {
        guard let since = state.since, state.bytes > 0 else { return nil }
        let elapsed = since.milliseconds(until: snapshot.time)
        guard elapsed > 0 else { return nil }
        return Format.bytes(state.bytes * 1000 / elapsed) + "/s"
    }

    /// "in 25 s", "in 1:02:03", or "now" once due.
    private func countdown(to time: Timestamp?) -> String {
        guard let time else { return "soon" }
        let seconds = (snapshot.time.milliseconds(until: time) + 999) / 1000
        if seconds <= 0 { return "now" }
        return seconds < 100 ? "in \(seconds) s" : "in \(Format.duration(milliseconds: seconds * 1000))"
    }

    /// The progress bar for `fraction` done.
    func bar(_ fraction: Double) -> String { glyphs.bar(fraction, cells: Self.barCells) }
}
