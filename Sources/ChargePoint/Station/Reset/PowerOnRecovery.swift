/// What the next power-on must deal with from the last run, and the one owner of it: a
/// `quit` to resume from, or a power cut to recover from (`PowerLossRecovery.swift`).
/// Each is taken once, by the first power-on.
struct PowerOnRecovery: Sendable {
    /// The last run ended with `quit`, not a power cut.
    private var resumingAfterQuit: Bool
    /// The last time anything was persisted before a power cut: the best estimate of
    /// when the power went.
    private var powerLostAt: Timestamp?

    init(cleanShutdown: Bool, lastActivity: Timestamp?) {
        resumingAfterQuit = cleanShutdown
        powerLostAt = cleanShutdown ? nil : lastActivity
    }

    /// After a `quit`: the change that marks the shutdown as no longer clean (the
    /// running transactions resume); nil otherwise, or when already taken.
    mutating func takeResumeAfterQuit() -> StoreChange? {
        guard resumingAfterQuit else { return nil }
        resumingAfterQuit = false
        return .cleanShutdown(false)
    }

    /// After a power cut: when the power went; nil otherwise, or when already taken.
    mutating func takePowerLoss() -> Timestamp? {
        defer { powerLostAt = nil }
        return powerLostAt
    }
}
