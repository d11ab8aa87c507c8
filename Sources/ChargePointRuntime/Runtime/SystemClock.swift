import ChargePoint
#if canImport(Glibc)
    import Glibc
#endif

extension Timestamp {
    /// The system's wall clock now: for the timestamps a station writes (through
    /// `StationCore`'s offset) and for event lines. It may step (NTP, an operator).
    public static func now() -> Timestamp {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Timestamp(millisecondsSince1970: Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000)
    }

    /// Station time: a monotonic clock that never steps, expressed as a timestamp that
    /// read the wall clock when the process first asked. Every deadline (timers, the
    /// link's wake-ups, the screen's projections) runs on it (StationClock.swift).
    public static func monotonicNow() -> Timestamp {
        Timestamp(millisecondsSince1970: monotonicOrigin + monotonicMilliseconds())
    }
}

/// Wall-clock time minus the monotonic clock, ms, read once.
private let monotonicOrigin: Int64 = Timestamp.now().millisecondsSince1970 - monotonicMilliseconds()

private func monotonicMilliseconds() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
}
