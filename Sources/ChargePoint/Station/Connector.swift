/// One connector at run time: its hardware, its durable record and what only lives in
/// memory (the meter's power, a session being prepared, what was last reported).
///
/// The durable record, the session's energy limits and the sampling marks change only
/// through the transitions below (plug, unplug, a transaction begun or stopped, a fault,
/// the lock); the core decides when, the connector what each changes.
struct Connector: Sendable {
    let hardware: ConnectorHardware
    private(set) var record: ConnectorRecord
    /// Power drawn now, W; energy integrates it between events (`advanceMeter`).
    private(set) var powerW: Double = 0
    private(set) var meterUpdatedAt: Timestamp
    /// Usage initiated but no transaction yet (status Preparing).
    private(set) var preparing: Preparing?
    /// Why the EVSE offers no energy during a transaction (SuspendedEVSE), if it doesn't.
    private(set) var evseBlock: String?
    /// Register value at which energy stops (MaxEnergyOnInvalidId, OCPP 1.6 §3.5.4).
    private(set) var energyCapWh: Double?
    /// The limit smart charging puts on this connector, W; nil when unlimited.
    private(set) var limitW: Double?
    /// Register at the last sampled / clock-aligned value, for ".Interval" measurands.
    private(set) var lastSampledWh: Double
    /// The running transaction's start in station time, for the sampling schedule.
    private(set) var sampleOrigin: Timestamp?
    /// Register at the last clock-aligned value.
    private(set) var lastAlignedWh: Double
    /// The idTag (and group) of the session that ended here while the cable stayed
    /// locked, so that the same card can release it (errata 3.5).
    private(set) var lockedFor: (idTag: IdToken, parent: IdToken?)?
    var status = StatusTracker()
    /// The reading last shown in a `meter` event (energy Wh, power W), so that two
    /// reasons to show the same reading at the same moment make one event.
    private(set) var shownReading: (energyWh: Double, powerW: Double)?
    /// When the last `meter` event was published (station time).
    private(set) var shownAt: Timestamp?

    init(hardware: ConnectorHardware, record: ConnectorRecord, now: Timestamp) {
        self.hardware = hardware
        self.record = record
        meterUpdatedAt = now
        lastSampledWh = record.meterWh
        lastAlignedWh = record.meterWh
    }

    var id: Int { hardware.id }

    /// Something is plugged in: the EV, or at least a cable left in the socket.
    var isOccupied: Bool { record.evConnected || record.cableInSocket }

    /// Usage begins (a cable plugged in, a remote start): Preparing from `now`, unless
    /// it already is (OCPP 1.6 §4.9 A2; ConnectionTimeOut counts from then, §9.1.6).
    mutating func beginPreparing(at now: Timestamp) {
        if preparing == nil { preparing = Preparing(since: now) }
    }

    /// An idTag (of group `parent`) is accepted for the session being prepared.
    mutating func prepare(idTag: IdToken, parent: IdToken?, at now: Timestamp) {
        beginPreparing(at: now)
        preparing?.idTag = idTag
        preparing?.parentIdTag = parent
    }

    /// A RemoteStartTransaction prepares the session, with the charging profile it
    /// carried, if any (§5.11).
    mutating func prepareRemoteStart(profile: ChargingProfile?, at now: Timestamp) {
        beginPreparing(at: now)
        preparing?.remoteProfile = profile
    }

    /// The session being prepared ends: a transaction started, or it was abandoned.
    mutating func endPreparing() {
        preparing = nil
    }

    /// Opens the cable lock; false if there is none or the mechanism is broken.
    @discardableResult
    mutating func unlock() -> Bool {
        guard hardware.hasLock, !record.lockBroken else { return false }
        record.locked = false
        lockedFor = nil
        return true
    }

    // MARK: The EV and the cable

    /// An EV is plugged in (a socket keeps the cable once it is in); an EV that was not
    /// here before arrives with the profile's defaults and the maximum power set for the
    /// next one, if any.
    mutating func plugIn(defaults: EVDefaults) {
        record.evConnected = true
        if hardware.cable == .socket { record.cableInSocket = true }
        if record.ev == nil {
            let isDC = hardware.currentType == .dc
            record.ev = EVState(
                batteryWh: defaults.batteryWh, socPercent: defaults.initialSoC,
                maxPowerW: record.nextEVMaxPowerW ?? (isDC ? defaults.maxPowerDCW : defaults.maxPowerACW),
                suspended: false)
            record.nextEVMaxPowerW = nil
        }
    }

    /// The cable is unplugged at the EV (the cable itself may stay, locked or in a socket).
    mutating func unplugEV() {
        record.evConnected = false
    }

    /// The EV stops or resumes drawing power.
    mutating func setEVSuspended(_ suspended: Bool) {
        record.ev?.suspended = suspended
    }

    /// The EV plugged in draws at most `watts`.
    mutating func setEVMaxPower(_ watts: Double) {
        record.ev?.maxPowerW = watts
    }

    /// The next EV plugged in draws at most `watts`.
    mutating func setNextEVMaxPower(_ watts: Double) {
        record.nextEVMaxPowerW = watts
    }

    /// Nothing holds the cable any more and the user took it: the EV and the session
    /// are gone.
    mutating func cableTaken() {
        record.cableInSocket = false
        record.finishing = false
        record.ev = nil
        preparing = nil
    }

    // MARK: Finishing

    /// The user still has something to do (take the cable, present a card): Finishing.
    mutating func finish() {
        record.finishing = true
    }

    /// A new session begins from Finishing (F2: it passes through Preparing).
    mutating func leaveFinishing() {
        record.finishing = false
    }

    // MARK: Transactions

    /// A transaction began at `now`: sampling counts from here, no energy limit of an
    /// earlier session holds, the cable is no longer kept for anybody.
    mutating func transactionBegan(at now: Timestamp) {
        lastSampledWh = record.meterWh
        sampleOrigin = now
        evseBlock = nil
        energyCapWh = nil
        lockedFor = nil
    }

    /// The transaction's sampling schedule ends with it.
    mutating func samplingEnded() {
        sampleOrigin = nil
    }

    /// The stopped transaction's energy limits (EVSE block, energy cap) end with it.
    mutating func energyLimitsEnded() {
        evseBlock = nil
        energyCapWh = nil
    }

    /// The sampling schedule counts from `origin` (station time).
    mutating func setSampleOrigin(_ origin: Timestamp) {
        sampleOrigin = origin
    }

    /// A sampled value was taken now: ".Interval" measurands count from here.
    mutating func sampled() {
        lastSampledWh = record.meterWh
    }

    /// A clock-aligned value was taken now.
    mutating func alignedSampled() {
        lastAlignedWh = record.meterWh
    }

    /// Energy stops at register value `wh` (MaxEnergyOnInvalidId, OCPP 1.6 §3.5.4).
    mutating func capEnergy(atWh wh: Double) {
        energyCapWh = wh
    }

    /// The energy cap was reached: it gives way to what the invalid idTag requires.
    mutating func energyCapReached() {
        energyCapWh = nil
    }

    /// The EVSE offers no energy for `reason` (SuspendedEVSE).
    mutating func blockEnergy(_ reason: String) {
        evseBlock = reason
    }

    // MARK: Faults, availability and the lock

    /// A fault of `code` (not a lock failure, `lockJammed()`); one that faults the
    /// connector ends the session being prepared.
    mutating func raiseFault(_ code: ChargePointErrorCode, info: String?) {
        record.fault = ConnectorRecord.Fault(code: code, info: info)
        if code.faultsConnector { preparing = nil }
    }

    /// `clear`: no fault, and the lock works again.
    mutating func clearFaults() {
        record.fault = nil
        record.lockBroken = false
    }

    mutating func setOperative(_ operative: Bool) {
        record.operative = operative
    }

    /// Locks the cable for a transaction.
    mutating func lock() {
        record.locked = true
    }

    /// The lock failed when locking (OCTT TC_024): ConnectorLockFailure, Faulted, and
    /// the session being prepared ends.
    mutating func lockFailed() {
        record.fault = ConnectorRecord.Fault(code: .connectorLockFailure, info: "the cable lock failed", faulted: true)
        preparing = nil
    }

    /// The lock mechanism is jammed: it will neither lock nor unlock.
    mutating func lockJammed() {
        record.lockBroken = true
    }

    /// The lock works again; the ConnectorLockFailure it caused clears.
    mutating func lockFreed() {
        record.lockBroken = false
        if record.fault?.code == .connectorLockFailure { record.fault = nil }
    }

    /// The session ended here with the cable kept locked: the same card (or group)
    /// releases it (errata 3.5).
    mutating func keepLocked(for idTag: IdToken, parent: IdToken?) {
        lockedFor = (idTag, parent)
    }

    // MARK: The meter

    /// From `now` the connector delivers `watts` (never less than nothing); the energy
    /// so far is integrated at the old power first.
    mutating func setPower(_ watts: Double, at now: Timestamp) {
        advanceMeter(to: now)
        powerW = max(0, watts)
    }

    /// Smart charging limits this connector to `watts` (nil: unlimited); true if that
    /// changed the limit.
    mutating func setLimit(_ watts: Double?) -> Bool {
        let changed = limitW != watts
        limitW = watts
        return changed
    }

    /// The operator was shown `reading` at `now`: a `meter` event; false (nothing shown)
    /// when it repeats the last one.
    mutating func show(_ reading: (energyWh: Double, powerW: Double), at now: Timestamp) -> Bool {
        if let shown = shownReading, shown == reading { return false }
        shownReading = reading
        shownAt = now
        return true
    }

    /// Brings the register and the EV's state of charge up to `now`: energy integrates
    /// the power, steady since the last change (`Meter.swift`).
    mutating func advanceMeter(to now: Timestamp) {
        let elapsed = meterUpdatedAt.milliseconds(until: now)
        meterUpdatedAt = now
        guard elapsed > 0, powerW > 0 else { return }
        let energy = powerW * Double(elapsed) / 3_600_000
        record.meterWh += energy
        if var ev = record.ev {
            ev.socPercent = min(100, ev.socPercent + energy / ev.batteryWh * 100)
            // Within a thousandth of a percent of full is full: the milestone timer is
            // rounded to the millisecond.
            if ev.socPercent > 99.999 { ev.socPercent = 100 }
            record.ev = ev
        }
    }
}

/// A session being prepared: a cable plugged in waiting for a card, or a card accepted
/// waiting for the cable (OCPP 1.6 §4.9 A2, ConnectionTimeOut §9.1.6).
struct Preparing: Sendable, Equatable {
    var since: Timestamp
    var idTag: IdToken?
    var parentIdTag: IdToken?
    /// Started by RemoteStartTransaction (the charging profile it carried, if any).
    var remoteProfile: ChargingProfile?
}

/// What a StatusNotification says.
struct StatusReport: Sendable, Equatable {
    var status: ChargePointStatus
    var errorCode: ChargePointErrorCode
    var info: String?
}
