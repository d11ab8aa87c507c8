/// The diagnostics file of GetDiagnostics.req (OCPP 1.6 §5.9: "format … not
/// prescribed"): one UTF-8 text file with the station's identity and state, its
/// configuration, its recent log and the message log of the period asked for.
/// Secrets never appear: write-only values are masked, frames are masked already
/// (`SecretMasking`), locations shown without passwords (`TransferLocation.redacted`).
public enum DiagnosticsReport {
    /// One line of the station's log: a notice or an error, when it happened.
    public typealias LogLine = (time: Timestamp, text: String)

    /// The file's text. `frames` and `log` are what the driver kept, oldest first; the
    /// message log holds the frames between `job.startTime` and `job.stopTime` (either
    /// open), the station log the lines of the same period.
    public static func text(
        station: StationCore, stationId: String, job: TransferJob, frames: [FrameEvent], log: [LogLine]
    ) -> String {
        let snapshot = station.snapshot
        let inPeriod = job.covers
        let period = "\(job.startTime?.rfc3339 ?? "the start of the log") to \(job.stopTime?.rfc3339 ?? "now")"
        var lines = [
            "ocpp-console diagnostics \(job.fileName)",
            "station \(stationId): \(snapshot.vendor) \(snapshot.model), firmware \(snapshot.firmwareVersion ?? "unknown"), profile \(station.profile.name)",
            "made \(snapshot.time.rfc3339) for \(TransferLocation.redacted(job.location)); period \(period)",
            "",
            "## State",
            "link \(snapshot.connection.rawValue), registration \(snapshot.registration?.rawValue ?? "none"), \(snapshot.queuedTransactionMessages) transaction messages queued",
        ]
        for connector in [snapshot.station] + snapshot.connectors {
            let session =
                connector.session.map {
                    " transaction \($0.transactionId.map(String.init) ?? "pending") \(Int($0.energyWh)) Wh"
                } ?? ""
            lines.append(
                "connector \(connector.id): \(connector.status.rawValue) \(connector.errorCode.rawValue), meter \(Int(connector.meterWh)) Wh\(session)"
            )
        }
        lines += ["", "## Configuration"]
        for entry in station.configurationEntries {
            let access = entry.access.map { " (\($0.rawValue))" } ?? ""
            lines.append("\(entry.key) = \(entry.value ?? SecretMasking.mask)\(access)")
        }
        let logLines = log.filter { inPeriod($0.time) }
        lines += ["", "## Station log (\(logLines.count) lines)"]
        lines += logLines.map { "\($0.time.rfc3339) \($0.text)" }
        let shown = frames.filter { inPeriod($0.time) }
        lines += ["", "## Message log (\(shown.count) messages)"]
        lines += shown.map { "\($0.time.rfc3339) \($0.direction == .outgoing ? ">" : "<") \($0.text)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The security log of GetLog.req with logType SecurityLog (security whitepaper
    /// N01.FR.03): one line per event of the period asked for, oldest first.
    public static func securityLog(station: StationCore, stationId: String, job: TransferJob) -> String {
        let entries = station.securityLog.entries.filter { job.covers($0.time) }
        var lines = [
            "ocpp-console security log \(job.fileName)",
            "station \(stationId); \(entries.count) events",
            "",
        ]
        lines += entries.map { entry in
            "\(entry.time.rfc3339) \(entry.kind.rawValue)\(entry.kind.isCritical ? " (critical)" : "")"
                + (entry.info.map { ": \(TransferLocation.redacted($0))" } ?? "")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
