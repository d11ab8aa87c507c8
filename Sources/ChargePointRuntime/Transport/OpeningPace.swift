/// The pace at which a `LinkHub` opens connections (`--ramp`, issue 15): at most
/// `perSecond` a second, evenly spaced, with no burst saved up while idle — so that a
/// fleet's first connections and its reconnections after a central system restart
/// reach the central system as a ramp, never as a thundering herd.
///
/// Pure arithmetic on a millisecond clock the hub passes in (no timer of its own).
struct OpeningPace: Sendable, Equatable {
    /// Openings per second (> 0).
    let perSecond: Double
    /// When the next opening may go, ms on the caller's clock; nil before the first.
    private var nextSlot: Double?

    init(perSecond: Double) {
        precondition(perSecond > 0, "a pace needs a positive rate")
        self.perSecond = perSecond
    }

    private var interval: Double { 1000 / perSecond }

    /// What a connection held back by this pace is told.
    var waitingReason: String {
        let tenths = (perSecond * 10).rounded() / 10
        let rate = tenths.rounded() == tenths ? String(Int(tenths)) : String(tenths)
        return "waiting for its turn to connect (\(rate) new connections a second)"
    }

    /// Whether an opening may go at `now` (ms): nil when it may — its slot is taken —
    /// else how many ms to wait before asking again (at least 1).
    mutating func take(at now: Int64) -> Int64? {
        let slot = max(nextSlot ?? Double(now), Double(now))
        // Slots within this millisecond go now: a rate above 1000/s is kept on average.
        if slot >= Double(now) + 1 { return max(1, Int64((slot - Double(now)).rounded(.down))) }
        nextSlot = slot + interval
        return nil
    }
}
