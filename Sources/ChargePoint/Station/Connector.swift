/// One connector at run time: its hardware, its durable record and what only lives in
/// memory (the meter's power, a session being prepared, what was last reported).
struct Connector: Sendable {
    let hardware: ConnectorHardware
    var record: ConnectorRecord
    /// Power drawn now, W; energy integrates it between events (`advanceMeter`).
    var powerW: Double = 0
    private(set) var meterUpdatedAt: Timestamp
    /// Usage initiated but no transaction yet (status Preparing).
    private(set) var preparing: Preparing?
    /// Why the EVSE offers no energy during a transaction (SuspendedEVSE), if it doesn't.
    var evseBlock: String?
    /// Register value at which energy stops (MaxEnergyOnInvalidId, OCPP 1.6 §3.5.4).
    var energyCapWh: Double?
    /// The limit smart charging puts on this connector, W; nil when unlimited.
    var limitW: Double?
    /// Register at the last sampled / clock-aligned value, for ".Interval" measurands.
    var lastSampledWh: Double
    /// The running transaction's start in station time, for the sampling schedule.
    var sampleOrigin: Timestamp?
    var lastAlignedWh: Double
    /// The idTag (and group) of the session that ended here while the cable stayed
    /// locked, so that the same card can release it (errata 3.5).
    var lockedFor: (idTag: IdToken, parent: IdToken?)?
    var status = StatusTracker()
    /// The reading last shown in a `meter` event (energy Wh, power W), so that two
    /// reasons to show the same reading at the same moment make one event.
    var shownReading: (energyWh: Double, powerW: Double)?
    /// When the last `meter` event was published (station time).
    var shownAt: Timestamp?

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
