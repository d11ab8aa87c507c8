/// The deadlines the core has armed, and the one owner of them (hummingbird's
/// `.scheduleTimeout(deadline:)`: the core never sleeps, it tells the driver when to
/// wake it). Each `TimerID` is armed at most once; arming it again moves it.
struct TimerSet: Sendable {
    private var deadlines: [TimerID: Timestamp] = [:]

    mutating func arm(_ timer: TimerID, at time: Timestamp) {
        deadlines[timer] = time
    }

    mutating func cancel(_ timer: TimerID) {
        deadlines[timer] = nil
    }

    /// After a reboot: nothing is armed.
    mutating func cancelAll() {
        deadlines.removeAll()
    }

    func deadline(of timer: TimerID) -> Timestamp? {
        deadlines[timer]
    }

    func isArmed(_ timer: TimerID) -> Bool {
        deadlines[timer] != nil
    }

    /// When the driver must wake the core next.
    var earliest: Timestamp? { deadlines.values.min() }

    /// Disarms and returns the timer due at `now` with the earliest deadline, if any.
    mutating func takeDue(at now: Timestamp) -> TimerID? {
        guard let (timer, _) = deadlines.filter({ $0.value <= now }).min(by: { $0.value < $1.value }) else {
            return nil
        }
        deadlines[timer] = nil
        return timer
    }
}
