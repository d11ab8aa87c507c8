import ChargePoint
import Testing

@testable import ConsoleScreen

/// The log's response times and its `/` marks (issue 12, "field technician"): how long
/// each CALL waited, either way, and filters for direction and for errors.
@Suite("Log response times and filters")
struct LogFilterTests {
    let time = Timestamp(millisecondsSince1970: 1_795_000_000_000)

    /// Answered, refused, failed, both ways (`FrameEvent.exchanges`).
    func sampleLog() -> MessageLog {
        var log = MessageLog()
        for frame in FrameEvent.exchanges(from: time) { log.append(frame) }
        return log
    }

    @Test func answers_carryTheirResponseTime_inBothDirections() {
        let log = sampleLog()
        #expect(log.entry(1)?.responseMillis == nil)  // a CALL
        #expect(log.entry(2)?.responseMillis == 3)  // the station answering the CSMS
        #expect(log.entry(4)?.responseMillis == 1_250)  // the CSMS answering the station
        #expect(log.entry(6)?.responseMillis == 4)  // a CALLERROR too
        #expect(log.entry(8)?.responseMillis == 12)
    }

    @Test func anAnswerWhoseCallIsGone_hasNoResponseTime() {
        var log = MessageLog(capacity: 1)
        log.append(.parsed(.outgoing, #"[2,"h1","Heartbeat",{}]"#, at: time))
        log.append(.parsed(.outgoing, #"[2,"h2","Heartbeat",{}]"#, at: time))
        log.append(.parsed(.incoming, #"[3,"h1",{"currentTime":"2026-11-24T10:00:00Z"}]"#, at: time))
        #expect(log.entry(3)?.responseMillis == nil)
    }

    @Test func refusals_areTheResultsThatSayNo() {
        let log = sampleLog()
        #expect(log.entry(8)?.refusal == nil)
        #expect(log.entry(2)?.refusal == "Rejected")
        #expect(log.entry(4)?.refusal == "Invalid")
        #expect(Refusal.status(ofPayload: #"{"status":"NotSupported"}"#) == "NotSupported")
        #expect(Refusal.status(ofPayload: #"{"status":"Pending","interval":30}"#) == nil)
        #expect(Refusal.status(ofPayload: #"{"status":"RebootRequired"}"#) == nil)
        #expect(Refusal.status(ofPayload: #"{"status":"UnlockFailed"}"#) == "UnlockFailed")
    }

    @Test func bang_showsOnlyErrorsAndRefusals() {
        var log = sampleLog()
        log.setFilter("!")
        #expect(log.visible == [2, 4, 6])
        #expect(log.filterMarks == "errors and refusals")
        log.append(.parsed(.incoming, #"[2,"c1","ChangeConfiguration",{"key":"X","value":"1"}]"#, at: time))
        log.append(.parsed(.outgoing, #"[3,"c1",{"status":"NotSupported"}]"#, at: time))
        #expect(log.visible == [2, 4, 6, 10])
    }

    @Test func arrows_keepOneDirection_andCombineWithTheRest() {
        var log = sampleLog()
        log.setFilter(">")
        #expect(log.visible == [2, 3, 6, 7])
        #expect(log.filterMarks == "sent")
        log.setFilter("<")
        #expect(log.visible == [1, 4, 5, 8])
        log.setFilter("<!")
        #expect(log.visible == [4])
        #expect(log.filterMarks == "received, errors and refusals")
        log.setFilter("> remote")
        #expect(log.visible == [2])
        log.setFilter("! Diagnostics")
        #expect(log.visible == [6])
        log.setFilter("heartbeat")
        #expect(log.visible == [7, 8])
        #expect(log.filterMarks == nil)
    }
}
