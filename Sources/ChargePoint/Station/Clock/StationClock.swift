/// The station's two clocks (issue "Nothing lost at a power cut" §8).
///
/// - Station time (`StationCore.now`): what every input arrives with. The driver gives
///   a monotonic clock (it never steps), so every deadline — heartbeat, MessageTimeout,
///   retries, sampling, the reconnect back-off, energy integration — neither stalls nor
///   bursts when the wall clock is stepped (NTP, an operator, a CSMS).
/// - Wall-clock time (`wallClock`): what the station writes into messages, station time
///   plus the `WallClock`'s offset. The offset follows the central system's `currentTime`
///   (BootNotification.conf, Heartbeat.conf; OCPP 1.6 §4.2, §4.6) once it has given
///   one, else the host's wall clock as the driver reports it.
///
/// A new offset is applied at once when it moves the clock forward, or when no
/// transaction runs. Moving it backward while a transaction runs would stamp the
/// transaction's later messages before its earlier ones (a StopTransaction an hour
/// before its StartTransaction), so a backward correction waits until no transaction
/// runs; within a transaction the timestamps sent never go backwards and each sample
/// is stamped with the moment it was read. Whenever the offset changes, the deadlines
/// set on the wall clock (clock-aligned samples, reservation expiries, charging
/// schedule periods) are set again from the new time: no old boundary is stamped,
/// none is sent twice.
extension StationCore {
    /// The time the central system would read on its clock now.
    var wallClock: Timestamp { clock.wallClock(at: now) }

    /// The host's wall clock at station time `now`, as the driver reported it.
    mutating func hostClockRead(_ wallClock: Timestamp) {
        let transactions = self.transactions
        clockMoved(clock.hostRead(wallClock, at: now) { !transactions.running.isEmpty })
    }

    /// Adopts the central system's clock (OCPP 1.6 §4.2, §4.6: "RECOMMENDED").
    mutating func synchronizeClock(to time: Timestamp) {
        let transactions = self.transactions
        clockMoved(clock.centralSystemRead(time, at: now) { !transactions.running.isEmpty })
    }

    /// Applies the target offset if it may be applied now (`WallClock`).
    mutating func settleClock() {
        let transactions = self.transactions
        clockMoved(clock.settle { !transactions.running.isEmpty })
    }

    /// The offset moved by `step` ms (nil: it did not).
    private mutating func clockMoved(_ step: Int64?) {
        guard let step else { return }
        if abs(step) >= 1000 {
            let moved = "the clock moved \(step > 0 ? "forward" : "back") by \(Self.describe(milliseconds: abs(step)))"
            notice(moved)
            securityEvent(.settingSystemTime, moved)
        }
        rearmWallClockDeadlines()
    }

    /// Deadlines set on the wall clock, set again after the clock moved.
    private mutating func rearmWallClockDeadlines() {
        if timers.isArmed(.clockAlignedMeterValues) { scheduleClockAlignedSample() }
        scheduleReservationExpiries()
        applyChargingLimits()
    }

    static func describe(milliseconds: Int64) -> String {
        milliseconds < 60_000
            ? "\(format(Double(milliseconds) / 1000, digits: 1)) s" : "\(format(Double(milliseconds) / 60_000, digits: 1)) min"
    }
}
