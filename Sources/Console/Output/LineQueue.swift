import ChargePoint
import DequeModule

/// The lines an observer has not been given yet, oldest first, bounded at `capacity`
/// bytes. A line that does not fit is not queued but counted; the count takes the lost
/// lines' place in the queue as one `dropped` entry, ahead of the next line that fits
/// (or at the end), so what is written stays in the order it was made.
///
/// A value with no locking and no I/O: `LineWriter` owns one under its lock.
struct LineQueue {
    enum Entry: Equatable, Sendable {
        case line(String)
        /// `count` lines were lost here, the first of them made at `since`.
        case dropped(count: Int, since: Timestamp)
    }

    /// The most UTF-8 bytes (newlines not counted) the queued lines may hold. A line
    /// that arrives when nothing is queued is always taken, however long.
    let capacity: Int
    /// UTF-8 bytes of the lines queued now.
    private(set) var queuedBytes = 0
    private var entries = Deque<Entry>()
    /// Lines lost after the last entry; queued as a `dropped` entry when a line fits
    /// again or the queue is taken empty.
    private var losing: (count: Int, since: Timestamp)?

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Nothing to write: no lines and no loss to report.
    var isEmpty: Bool { entries.isEmpty && losing == nil }

    /// Queues `line` if it fits, else counts it as lost (`time` is read only then).
    /// Whether it was queued.
    @discardableResult
    mutating func append(_ line: String, at time: @autoclosure () -> Timestamp) -> Bool {
        let size = line.utf8.count
        guard entries.isEmpty || queuedBytes + size <= capacity else {
            losing = ((losing?.count ?? 0) + 1, losing?.since ?? time())
            return false
        }
        closeLoss()
        entries.append(.line(line))
        queuedBytes += size
        return true
    }

    /// Takes entries from the front: at least one, then more while their lines add up
    /// to at most `bytes`. A loss at the end comes with the last of them.
    mutating func take(upTo bytes: Int) -> [Entry] {
        var taken: [Entry] = []
        var takenBytes = 0
        while let first = entries.first {
            let size = if case .line(let text) = first { text.utf8.count } else { 0 }
            if !taken.isEmpty && takenBytes + size > bytes { break }
            entries.removeFirst()
            taken.append(first)
            takenBytes += size
        }
        queuedBytes -= takenBytes
        if entries.isEmpty, let loss = losing {
            taken.append(.dropped(count: loss.count, since: loss.since))
            losing = nil
        }
        return taken
    }

    private mutating func closeLoss() {
        guard let loss = losing else { return }
        entries.append(.dropped(count: loss.count, since: loss.since))
        losing = nil
    }
}
