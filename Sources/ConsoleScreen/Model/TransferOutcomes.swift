import ChargePoint

/// Which of the station's file transfers the screen shows: one under way (scheduled,
/// running, waiting for a retry, installing) always; one that ended for
/// `shownFor` after it ended, so the operator sees how it went, then no more.
///
/// A snapshot does not say when a transfer ended (`TransferState.since` is when its
/// last try began, possibly hours before a firmware that waited for the charging to
/// end is installed), so the screen notes the moment the `transfer` event with the
/// final status came. Without such a note (the event came before the screen did),
/// `since` stands for it.
struct TransferOutcomes: Sendable {
    static let shownFor: Int64 = 10 * 60_000

    private struct End: Sendable {
        var status: String
        var fileName: String
        var time: Timestamp
    }

    private var ends: [TransferPurpose: End] = [:]

    /// The statuses a transfer ends with (OCPP 1.6 FirmwareStatus, DiagnosticsStatus).
    static func hasEnded(_ state: TransferState) -> Bool {
        switch state.status {
        case FirmwareStatus.installed.rawValue, FirmwareStatus.installationFailed.rawValue,
            FirmwareStatus.downloadFailed.rawValue, DiagnosticsStatus.uploaded.rawValue,
            DiagnosticsStatus.uploadFailed.rawValue:
            true
        default:
            false
        }
    }

    /// A `transfer` event came at `time` (the clock `shown` is given).
    mutating func note(_ state: TransferState, at time: Timestamp) {
        if Self.hasEnded(state) {
            let end = End(status: state.status, fileName: state.fileName, time: time)
            if let known = ends[state.purpose], known.status == end.status, known.fileName == end.fileName { return }
            ends[state.purpose] = end
        } else {
            ends[state.purpose] = nil
        }
    }

    /// The transfers to show now, firmware first.
    func shown(_ snapshot: StationSnapshot, at now: Timestamp) -> [TransferState] {
        [snapshot.firmwareTransfer, snapshot.diagnosticsTransfer, snapshot.logTransfer].compactMap { $0 }.filter { state in
            guard Self.hasEnded(state) else { return true }
            if let end = ends[state.purpose], end.status == state.status, end.fileName == state.fileName {
                return end.time.milliseconds(until: now) < Self.shownFor
            }
            guard let since = state.since else { return false }
            return since.milliseconds(until: snapshot.time) < Self.shownFor
        }
    }
}
