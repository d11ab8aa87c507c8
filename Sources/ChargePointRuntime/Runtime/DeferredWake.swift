#if canImport(Glibc)
    import Glibc
#endif

/// Wake-ups of other threads that a service thread asks for while it works, held until
/// its round of work is done.
///
/// Waking a sleeping thread costs the waker a system call and, on a virtual machine, an
/// interrupt to another CPU: about 10 µs, measured by `make bench`. The link's thread
/// asks for one with every input (the headless writer, the log file's writer), so it
/// holds them until the answer to the central system is on the wire, then wakes each
/// thread once (DESIGN.md "Threading"; the link benchmark of issue "One owner per fact").
///
/// A thread holds wake-ups only between its `hold()` and `release()`; on every other
/// thread `request` wakes at once.
public enum DeferredWake {
    /// Wakes `wake` now, or, on a thread that holds wake-ups, at its next `flush()`.
    /// Callers ask once per wake-up they need (for example when their queue goes from
    /// empty to not empty), not once per item.
    public static func request(_ wake: @escaping @Sendable () -> Void) {
        if let held = Held.current {
            held.pending.append(wake)
        } else {
            wake()
        }
    }

    /// From now on the calling thread holds wake-ups until it calls `flush()`.
    package static func hold() {
        guard Held.current == nil else { return }
        pthread_setspecific(Held.key, Unmanaged.passRetained(Held()).toOpaque())
    }

    /// Whether the calling thread holds wake-ups that it has not carried out yet.
    package static var hasPending: Bool { !(Held.current?.pending.isEmpty ?? true) }

    /// Carries out the wake-ups the calling thread holds, in the order asked.
    package static func flush() {
        guard let held = Held.current, !held.pending.isEmpty else { return }
        let wakes = held.pending
        held.pending.removeAll(keepingCapacity: true)
        for wake in wakes { wake() }
    }

    /// Carries out what is held and stops holding (before the thread ends).
    package static func release() {
        flush()
        guard let pointer = pthread_getspecific(Held.key) else { return }
        pthread_setspecific(Held.key, nil)
        Unmanaged<Held>.fromOpaque(pointer).release()
    }

    /// One thread's held wake-ups; only that thread touches it.
    private final class Held {
        var pending: [@Sendable () -> Void] = []

        static let key: pthread_key_t = {
            var key = pthread_key_t()
            pthread_key_create(&key, nil)
            return key
        }()

        static var current: Held? {
            guard let pointer = pthread_getspecific(key) else { return nil }
            return Unmanaged<Held>.fromOpaque(pointer).takeUnretainedValue()
        }
    }
}
