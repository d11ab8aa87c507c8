import Dispatch
import Foundation
import ChargePoint

/// A named thread that can be joined, so that `stop()` waits for its loop to end
/// rather than polling whether it has.
public final class ServiceThread: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let thread: Thread

    public init(name: String, _ body: @escaping @Sendable () -> Void) {
        let done = self.done
        thread = Thread {
            body()
            done.signal()
        }
        thread.name = name
    }

    public func start() { thread.start() }

    /// Whether the caller runs on this thread.
    public var isCurrent: Bool { Thread.current === thread }

    /// Returns once the body has returned (at once if it already has).
    public func join() {
        done.wait()
        done.signal()
    }
}
