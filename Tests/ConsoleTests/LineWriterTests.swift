import ChargePoint
import Foundation
import Testing

@testable import Console

/// The observers' writer thread against a reader that stops reading: `write` never
/// waits, losses are counted in place, order holds, and `close()` writes everything.
@Suite("Line writer")
struct LineWriterTests {
    /// A sink that records what it is given and, while held, blocks the writer thread
    /// in the middle of a write, as a full pipe does.
    final class HeldSink: @unchecked Sendable {
        private let condition = NSCondition()
        private var held = true
        private var calls = 0
        private var written: [String] = []

        func write(_ lines: [String]) {
            condition.lock()
            defer { condition.unlock() }
            calls += 1
            condition.broadcast()
            while held { condition.wait() }
            written += lines
        }

        /// Returns once the writer thread is inside a write.
        func waitUntilWriting() {
            condition.lock()
            defer { condition.unlock() }
            while calls == 0 { condition.wait() }
        }

        func release() {
            condition.withLock {
                held = false
                condition.broadcast()
            }
        }

        var lines: [String] { condition.withLock { written } }
    }

    static func writer(capacity: Int, sink: HeldSink) -> LineWriter {
        LineWriter(
            name: "test writer", capacity: capacity, sink: sink.write, droppedLine: { count, _ in "dropped \(count)" })
    }

    @Test func aStalledReader_losesOnlyWhatDoesNotFit_inOrder() {
        let sink = HeldSink()
        let writer = Self.writer(capacity: 105, sink: sink)
        writer.write("first")
        sink.waitUntilWriting()
        // The reader is stalled: 10 lines of 10 bytes fit, the other 9,990 are counted;
        // "after" (5 bytes) fits whether or not the writer has taken the queue yet.
        let lines = (0..<10_000).map { String(format: "line %05d", $0) }
        for line in lines { writer.write(line) }
        sink.release()
        writer.write("after")
        writer.close()
        #expect(sink.lines == ["first"] + lines.prefix(10) + ["dropped 9990", "after"])
    }

    @Test func aLossAtTheEnd_isReportedAtClose() {
        let sink = HeldSink()
        let writer = Self.writer(capacity: 4, sink: sink)
        writer.write("first")
        sink.waitUntilWriting()
        for line in ["aaaa", "bbbb", "cccc", "dddd"] { writer.write(line) }
        sink.release()
        writer.close()
        #expect(sink.lines == ["first", "aaaa", "dropped 3"])
    }

    @Test func close_writesEverythingQueued_andLaterLinesAreIgnored() {
        let sink = HeldSink()
        let writer = Self.writer(capacity: 1 << 20, sink: sink)
        let lines = (0..<5_000).map { "event \($0)" }
        for line in lines { writer.write(line) }
        sink.release()
        writer.close()
        writer.write("too late")
        writer.close()
        #expect(sink.lines == lines)
    }
}
