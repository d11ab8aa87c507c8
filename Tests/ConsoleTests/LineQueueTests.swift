import ChargePoint
import Testing

@testable import Console

/// The bounded queue between the station and an observer: what fits, what is lost, and
/// where the loss is reported.
@Suite("Line queue")
struct LineQueueTests {
    let t0 = Timestamp(millisecondsSince1970: 1_000)
    let t1 = Timestamp(millisecondsSince1970: 2_000)

    @Test func linesPastTheCapacity_areCountedWhereTheyWereLost() {
        var queue = LineQueue(capacity: 8)
        let queued = ["aaaa", "bbbb", "cccc"].map { queue.append($0, at: t0) } + [queue.append("d", at: t1)]
        #expect(queued == [true, true, false, false])
        let taken = queue.take(upTo: 1 << 20)
        #expect(taken == [.line("aaaa"), .line("bbbb"), .dropped(count: 2, since: t0)])
        #expect(queue.isEmpty && queue.queuedBytes == 0)
    }

    @Test func aLineThatFitsAgain_comesAfterTheLossReport() {
        var queue = LineQueue(capacity: 8)
        queue.append("aaaaaa", at: t0)
        queue.append("bbbbbb", at: t0)
        queue.append("cc", at: t1)
        let taken = queue.take(upTo: 1 << 20)
        #expect(taken == [.line("aaaaaa"), .dropped(count: 1, since: t0), .line("cc")])
    }

    @Test func anEmptyQueue_takesALineLongerThanItsCapacity() {
        var queue = LineQueue(capacity: 4)
        let queued = [queue.append("longer than four", at: t0), queue.append("x", at: t0)]
        #expect(queued == [true, false])
    }

    @Test func take_stopsAtTheBatchSize_butTakesAtLeastOne() {
        var queue = LineQueue(capacity: 100)
        for line in ["aaaa", "bbbb", "cccc"] { queue.append(line, at: t0) }
        let first = queue.take(upTo: 2)
        let second = queue.take(upTo: 8)
        #expect(first == [.line("aaaa")])
        #expect(second == [.line("bbbb"), .line("cccc")])
        #expect(queue.isEmpty)
    }
}
