import ChargePoint
import Testing

@testable import ConsoleScreen

/// The log's response times and its `/` marks (issue 12, "field technician"): how long
/// each CALL waited, either way, and filters for direction and for errors.
@Suite("Log response times and filters")
struct LogFilterTests {
    let time = Timestamp(millisecondsSince1970: 1_795_000_000_000)

    /// A session of both directions: answered, refused, failed, and one CALL unanswered.
    func sampleLog() -> MessageLog {
        var log = MessageLog()
        let frames: [(Int64, FrameDirection, String)] = [
            (0, .outgoing, #"[2,"b1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]"#),
            (12, .incoming, #"[3,"b1",{"status":"Accepted","currentTime":"2026-11-24T10:00:00Z","interval":300}]"#),
            (100, .incoming, #"[2,"r1","RemoteStartTransaction",{"idTag":"A"}]"#),
            (103, .outgoing, #"[3,"r1",{"status":"Rejected"}]"#),
            (200, .outgoing, #"[2,"a1","Authorize",{"idTag":"BAD"}]"#),
            (1_450, .incoming, #"[3,"a1",{"idTagInfo":{"status":"Invalid"}}]"#),
            (2_000, .incoming, #"[2,"g1","GetDiagnostics",{"location":"ftp://x"}]"#),
            (2_004, .outgoing, #"[4,"g1","NotSupported","no diagnostics",{}]"#),
            (3_000, .outgoing, #"[2,"h1","Heartbeat",{}]"#),
        ]
        for (offset, direction, text) in frames {
            log.append(.parsed(direction, text, at: time.adding(milliseconds: offset)))
        }
        return log
    }

    @Test func answers_carryTheirResponseTime_inBothDirections() {
        let log = sampleLog()
        #expect(log.entry(1)?.responseMillis == nil)  // a CALL
        #expect(log.entry(2)?.responseMillis == 12)  // the CSMS answering the station
        #expect(log.entry(4)?.responseMillis == 3)  // the station answering the CSMS
        #expect(log.entry(6)?.responseMillis == 1_250)
        #expect(log.entry(8)?.responseMillis == 4)  // a CALLERROR too
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
        #expect(log.entry(2)?.refusal == nil)
        #expect(log.entry(4)?.refusal == "Rejected")
        #expect(log.entry(6)?.refusal == "Invalid")
        #expect(Refusal.status(ofPayload: #"{"status":"NotSupported"}"#) == "NotSupported")
        #expect(Refusal.status(ofPayload: #"{"status":"Pending","interval":30}"#) == nil)
        #expect(Refusal.status(ofPayload: #"{"status":"RebootRequired"}"#) == nil)
        #expect(Refusal.status(ofPayload: #"{"status":"UnlockFailed"}"#) == "UnlockFailed")
    }

    @Test func bang_showsOnlyErrorsAndRefusals() {
        var log = sampleLog()
        log.setFilter("!")
        #expect(log.visible == [4, 6, 8])
        #expect(log.filterMarks == "errors and refusals")
        log.append(.parsed(.incoming, #"[2,"c1","ChangeConfiguration",{"key":"X","value":"1"}]"#, at: time))
        log.append(.parsed(.outgoing, #"[3,"c1",{"status":"NotSupported"}]"#, at: time))
        #expect(log.visible == [4, 6, 8, 11])
    }

    @Test func arrows_keepOneDirection_andCombineWithTheRest() {
        var log = sampleLog()
        log.setFilter(">")
        #expect(log.visible == [1, 4, 5, 8, 9])
        #expect(log.filterMarks == "sent")
        log.setFilter("<")
        #expect(log.visible == [2, 3, 6, 7])
        log.setFilter("<!")
        #expect(log.visible == [6])
        #expect(log.filterMarks == "received, errors and refusals")
        log.setFilter("> remote")
        #expect(log.visible == [4])
        log.setFilter("! Diagnostics")
        #expect(log.visible == [8])
        log.setFilter("boot")
        #expect(log.visible == [1, 2])
        #expect(log.filterMarks == nil)
    }
}
