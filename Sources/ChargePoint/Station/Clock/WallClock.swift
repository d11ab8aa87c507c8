/// The offset from station time to wall-clock time, and the one owner of it
/// (`StationClock.swift` explains the two clocks).
///
/// The offset follows the central system's `currentTime` (OCPP 1.6 §4.2, §4.6) once it
/// has given one, else the host's wall clock. A new offset is applied at once when it
/// moves the clock forward, the first time, or when no transaction runs; a backward
/// correction waits until no transaction runs. Each input returns the step applied, if
/// any, so that the core can tell the operator and set its wall-clock deadlines again.
struct WallClock: Sendable {
    /// Wall-clock time minus station time, ms: applied to every timestamp sent.
    private(set) var offset: Int64 = 0
    /// The central system's time minus station time, once it gave one.
    private var centralSystemOffset: Int64?
    /// The host's wall clock minus station time, as the driver last reported it.
    private var hostOffset: Int64 = 0
    /// The first offset is taken whatever it is; later ones follow `settle`'s rule.
    private var isSet = false

    /// The wall-clock time at station time `now`.
    func wallClock(at now: Timestamp) -> Timestamp {
        now.adding(milliseconds: offset)
    }

    /// The station time at which the wall clock reads `time`.
    func stationTime(at time: Timestamp) -> Timestamp {
        time.adding(milliseconds: -offset)
    }

    /// The host's wall clock read `wallClock` at station time `now`.
    mutating func hostRead(_ wallClock: Timestamp, at now: Timestamp, transactionRuns: () -> Bool) -> Int64? {
        hostOffset = now.milliseconds(until: wallClock)
        return settle(transactionRuns: transactionRuns)
    }

    /// The central system's clock read `time` at station time `now` (OCPP 1.6 §4.2,
    /// §4.6: "RECOMMENDED").
    /// A reading within `smallestCorrection` of the clock as it is leaves it there: the
    /// difference is the message's time on the way and the central system's rounding,
    /// and a step of a few ms back would stamp a CALL before the answer that caused it.
    mutating func centralSystemRead(_ time: Timestamp, at now: Timestamp, transactionRuns: () -> Bool) -> Int64? {
        let read = now.milliseconds(until: time)
        centralSystemOffset = isSet && abs(read - offset) < Self.smallestCorrection ? offset : read
        return settle(transactionRuns: transactionRuns)
    }

    /// The smallest difference (ms) from the central system's clock that moves the clock.
    static let smallestCorrection: Int64 = 1000

    /// Applies the offset the clocks say the station should use, if it may be applied
    /// now; returns the step, if the offset moved.
    mutating func settle(transactionRuns: () -> Bool) -> Int64? {
        let target = centralSystemOffset ?? hostOffset
        let first = !isSet
        isSet = true
        guard target != offset else { return nil }
        guard first || target > offset || !transactionRuns() else { return nil }
        let step = target - offset
        offset = target
        return step
    }
}
