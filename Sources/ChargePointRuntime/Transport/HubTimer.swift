internal import CLibwebsockets

/// A one-shot timer on a `LinkHub`'s service loop (an lws `sul` timer, PLATFORM-NOTES.md):
/// armed, re-armed and cancelled on the service thread only, and fired there. Each
/// station's wake-up, the hub's keep-alive tick, the pacing of openings and the fleet's
/// summary are one each.
final class HubTimer {
    private let timer = UnsafeMutablePointer<tl_timer>.allocate(capacity: 1)
    private let fire: () -> Void

    /// `fire` runs on the service thread each time the timer comes due.
    init(_ fire: @escaping () -> Void) {
        self.fire = fire
        timer.initialize(to: tl_timer())
        timer.pointee.owner = Unmanaged.passUnretained(self).toOpaque()
        timer.pointee.fire = { owner in
            guard let owner else { return }
            Unmanaged<HubTimer>.fromOpaque(owner).takeUnretainedValue().fire()
        }
    }

    /// The owner cancels an armed timer on the service thread before letting it go (or
    /// the context is gone by then): lws keeps it in a list until it fires.
    deinit { timer.deallocate() }

    /// Fires `microseconds` from now (replacing an earlier arming).
    func schedule(on context: OpaquePointer, afterMicroseconds microseconds: Int64) {
        tl_timer_schedule(context, timer, max(0, microseconds))
    }

    func cancel() { tl_timer_cancel(timer) }
}
