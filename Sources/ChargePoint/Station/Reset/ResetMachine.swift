/// A reset under way and a reboot in progress, and the one owner of them (OCPP 1.6
/// §5.14; `Operations/Reset.swift` tells the whole sequence).
///
/// One input at a time: a reset asked for, the reset carried out, a reboot begun, the
/// reboot over. Where a timer must be armed or cancelled the input returns an `Action`,
/// which `StationCore.apply(_:)` carries out.
struct ResetMachine: Sendable {
    /// The reset's deadline and the end of a reboot.
    enum Action: Sendable, Equatable {
        /// Reboot then at the latest, whatever is still undelivered.
        case armDeadline(afterSeconds: Int)
        case cancelDeadline
        /// The station is back from its reboot then.
        case armRebootEnd(at: Timestamp)
    }

    /// A soft reset waits this long at most for its StopTransactions to be delivered.
    static let softResetWaitSeconds = 30
    /// A hard reset need not be graceful: it waits only this long.
    static let hardResetWaitSeconds = 5

    /// The reset accepted and not yet carried out.
    private(set) var pending: ResetType?
    /// A reboot is under way until then (station time): the link stays down.
    private(set) var rebootingUntil: Timestamp?

    var isPending: Bool { pending != nil }
    var isRebooting: Bool { rebootingUntil != nil }

    /// A reset of `type` was asked for: its deadline to arm, or nil when a reset is
    /// already under way (the new one is dropped).
    mutating func requested(_ type: ResetType) -> Action? {
        guard pending == nil else { return nil }
        pending = type
        return .armDeadline(afterSeconds: type == .hard ? Self.hardResetWaitSeconds : Self.softResetWaitSeconds)
    }

    /// The pending reset is carried out now: its type and its deadline to cancel, or
    /// nil when none is pending.
    mutating func carryOut() -> (type: ResetType, action: Action)? {
        guard let type = pending else { return nil }
        pending = nil
        return (type, .cancelDeadline)
    }

    /// The station reboots from `now` for `seconds`.
    mutating func rebootBegan(at now: Timestamp, seconds: Int) -> Action {
        let until = now.adding(seconds: seconds)
        rebootingUntil = until
        return .armRebootEnd(at: until)
    }

    mutating func rebootEnded() {
        rebootingUntil = nil
    }
}
