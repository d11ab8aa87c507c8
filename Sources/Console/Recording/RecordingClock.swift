import ChargePoint
import ChargePointRuntime
import Synchronization

/// The time a recording (`--trace`, `--frame-log`, the screen's `T`) gives a frame: the
/// host's real time when the frame crossed the link, read from the monotonic clock as
/// wall time (`Timestamp.monotonicNow`), and never earlier than the frame before.
///
/// Not the station's clock (`FrameEvent.time`): a central system sets that one
/// (BootNotification's currentTime, OCPP 1.6 §4.2), so it jumps; a trace that jumped 88 s
/// would make `replay --timing original` wait 88 s between two frames a second apart.
final class RecordingClock: Sendable {
    private let source: @Sendable () -> Timestamp
    private let last = Mutex<Timestamp?>(nil)

    /// `source`: the host's clock; tests pass one of their own.
    init(source: @escaping @Sendable () -> Timestamp = { Timestamp.monotonicNow() }) {
        self.source = source
    }

    /// The time of a frame recorded now.
    func now() -> Timestamp {
        let read = source()
        return last.withLock { last in
            let time = max(read, last ?? read)
            last = time
            return time
        }
    }
}
