import ChargePointRuntime
import Foundation
import Synchronization
import Testing

/// `DeferredWake` as the link's thread uses it: held wake-ups run at the end of its
/// round, in order; on any other thread a wake-up runs at once.
@Suite("Deferred wake-ups")
struct DeferredWakeTests {
    @Test func onAThreadThatDoesNotHold_aWakeUpRunsAtOnce() {
        let woken = Mutex(0)
        DeferredWake.request { woken.withLock { $0 += 1 } }
        #expect(woken.withLock { $0 } == 1)
    }

    @Test func onAThreadThatHolds_wakeUpsWaitForFlush_inOrder() async {
        let woken = Mutex<[Int]>([])
        let seen = Mutex<(beforeFlush: [Int], afterFlush: [Int])>(([], []))
        let thread = ServiceThread(name: "holding") {
            DeferredWake.hold()
            DeferredWake.request { woken.withLock { $0.append(1) } }
            DeferredWake.request { woken.withLock { $0.append(2) } }
            let before = woken.withLock { $0 }
            DeferredWake.flush()
            let after = woken.withLock { $0 }
            DeferredWake.release()
            seen.withLock { $0 = (before, after) }
        }
        thread.start()
        thread.join()
        #expect(seen.withLock { $0.beforeFlush }.isEmpty)
        #expect(seen.withLock { $0.afterFlush } == [1, 2])
    }

    @Test func release_runsWhatIsStillHeld_andStopsHolding() {
        let woken = Mutex(0)
        let afterRelease = Mutex(-1)
        let thread = ServiceThread(name: "releasing") {
            DeferredWake.hold()
            DeferredWake.request { woken.withLock { $0 += 1 } }
            DeferredWake.release()
            DeferredWake.request { woken.withLock { $0 += 1 } }
            afterRelease.withLock { $0 = woken.withLock { $0 } }
        }
        thread.start()
        thread.join()
        #expect(afterRelease.withLock { $0 } == 2)
    }
}
