import ChargePoint
import ChargePointRuntime
import Foundation

/// Writes lines for an observer (headless standard output, the `--log` file) on a
/// thread of its own, so that a reader who stops reading never holds up the thread
/// that makes them: the link's, which must keep answering the central system and its
/// pings (issue 9 §2).
///
/// `write` only queues (a `LineQueue` of at most `capacity` bytes) and returns; the
/// writer thread hands the queue to `sink` in order, in batches of about 64 KiB. Lines
/// that find the queue full are lost, and `droppedLine(count, since)` takes their place
/// as soon as the sink can take lines again. `close()` writes everything queued first.
final class LineWriter: @unchecked Sendable {
    /// Writes `lines` in order, each followed by a newline; may block as long as the
    /// reader does. Called on the writer thread only.
    typealias Sink = @Sendable (_ lines: [String]) -> Void
    /// The line that stands for `count` lost lines, the first made at `since`.
    typealias DroppedLine = @Sendable (_ count: Int, _ since: Timestamp) -> String

    /// How many bytes of lines the writer thread takes from the queue at a time: a
    /// pipe's buffer on Linux.
    static let batchBytes = 64 << 10
    /// How long the writer thread, having written, waits for more before it sleeps until
    /// woken (s): while a station is busy, one wake-up serves the lines of many inputs
    /// instead of each input paying for one (`make bench`, link benchmark).
    static let linger: TimeInterval = 0.002

    private let sink: Sink
    private let droppedLine: DroppedLine
    private let condition = NSCondition()
    private var queue: LineQueue  // guarded by condition
    private var closing = false  // guarded by condition
    /// The writer thread waits for lines (guarded by condition).
    private var writerWaiting = false
    private var thread: ServiceThread!

    /// Starts the writer thread, named `name`.
    init(name: String, capacity: Int, sink: @escaping Sink, droppedLine: @escaping DroppedLine) {
        self.sink = sink
        self.droppedLine = droppedLine
        queue = LineQueue(capacity: capacity)
        thread = ServiceThread(name: name) { [self] in run() }
        thread.start()
    }

    /// Queues `line` (without its newline) and returns at once, whatever the reader
    /// does. Ignored once `close()` has begun.
    func write(_ line: String) {
        write(contentsOf: [line])
    }

    /// Queues `lines` together (the events of one station input): one wake-up at most.
    func write(contentsOf lines: [String]) {
        condition.lock()
        defer { condition.unlock() }
        guard !closing, !lines.isEmpty else { return }
        let now = Timestamp.now()
        for line in lines { queue.append(line, at: now) }
        // Wake the writer only if it sleeps, and only once until it runs: the lines of one
        // station input arrive together and go out in one batch, with one wake-up. On the
        // link's thread the wake-up waits until the answer to the central system is sent.
        if writerWaiting {
            writerWaiting = false
            DeferredWake.request { [condition] in condition.signal() }
        }
    }

    /// Waits until every queued line (and the count of lost ones) is written, then ends
    /// the writer thread. Safe to call more than once, from any thread but the writer's.
    func close() {
        condition.withLock {
            closing = true
            condition.signal()
        }
        thread.join()
    }

    // MARK: On the writer thread

    private func run() {
        var justWrote = false
        while let batch = nextBatch(lingering: justWrote) {
            justWrote = true
            sink(
                batch.map { entry in
                    switch entry {
                    case .line(let text): text
                    case .dropped(let count, let since): droppedLine(count, since)
                    }
                })
        }
    }

    /// The next entries to write, waiting for some; nil once closing and all written.
    private func nextBatch(lingering: Bool) -> [LineQueue.Entry]? {
        condition.lock()
        defer { condition.unlock() }
        var lingering = lingering
        while queue.isEmpty {
            if closing { return nil }
            if lingering {
                lingering = false
                _ = condition.wait(until: Date(timeIntervalSinceNow: Self.linger))
                continue
            }
            writerWaiting = true
            condition.wait()
            writerWaiting = false
        }
        return queue.take(upTo: Self.batchBytes)
    }
}
