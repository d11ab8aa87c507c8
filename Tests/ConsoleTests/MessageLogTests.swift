import ChargePoint
import Testing

@testable import ConsoleScreen

/// The log pane's memory: bounded, answers tied to their calls, filtered as it grows.
@Suite("Message log")
struct MessageLogTests {
    let time = Timestamp(millisecondsSince1970: 1_795_000_000_000)

    @Test func answers_takeTheActionOfTheirCall() throws {
        var log = MessageLog()
        log.append(
            .outgoing, #"[2,"a1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]"#, at: time)
        log.append(.incoming, #"[3,"a1",{"status":"Accepted"}]"#, at: time)
        log.append(.incoming, #"[2,"c1","Reset",{"type":"Soft"}]"#, at: time)
        log.append(.outgoing, #"[4,"c1","NotSupported","no",{}]"#, at: time)
        #expect(log.entry(2)?.action == "BootNotification")
        #expect(log.entry(2)?.kind == .result)
        #expect(log.entry(4)?.action == "Reset")
        #expect(log.entry(4)?.summary == "NotSupported: no")
        let call = try #require(log.entry(1))
        #expect(log.partner(of: call)?.sequence == 2)
        #expect(log.partner(of: try #require(log.entry(4)))?.sequence == 3)
    }

    /// Frames reported with their metadata (FrameEvent) are logged without a parse: the
    /// action the station knew, the time they crossed the wire, the payload as sent.
    @Test func frameEvents_areLoggedWithTheStationsMetadata() throws {
        var log = MessageLog()
        let wire = Timestamp(millisecondsSince1970: 1_795_000_000_123)
        log.append(
            FrameEvent(
                direction: .outgoing, text: #"[2,"a1","Heartbeat",{}]"#, kind: .call, messageId: "a1",
                action: "Heartbeat", time: wire))
        log.append(
            FrameEvent(
                direction: .incoming, text: #"[3,"a1",{"currentTime":"2026-11-24T10:00:00Z"}]"#, kind: .result,
                messageId: "a1", action: nil, time: wire.adding(milliseconds: 7)))
        log.append(
            FrameEvent(
                direction: .incoming, text: "[2,\"c1\",\"Reset\",\n  {\"type\": \"Soft\"}\n]", kind: .call,
                messageId: "c1", action: "Reset", time: wire))
        #expect(log.entry(1)?.time == wire)
        #expect(log.entry(1)?.summary == "{}")
        #expect(log.entry(2)?.action == "Heartbeat")
        #expect(log.entry(2)?.summary == #"{"currentTime":"2026-11-24T10:00:00Z"}"#)
        #expect(log.entry(2)?.time == wire.adding(milliseconds: 7))
        #expect(log.entry(3)?.summary == #"{"type":"Soft"}"#)
    }

    @Test func isBounded_oldestFirst() {
        var log = MessageLog(capacity: 3)
        for n in 1...10 { log.append(.outgoing, #"[2,"m\#(n)","Heartbeat",{}]"#, at: time) }
        #expect(log.count == 3)
        #expect(log.entry(7) == nil)
        #expect(log.entry(8)?.messageId == "m8")
        #expect(log.visible == [8, 9, 10])
    }

    @Test func filter_matchesActionOrText_andFollowsNewFrames() {
        var log = MessageLog()
        log.append(.outgoing, #"[2,"h","Heartbeat",{}]"#, at: time)
        log.append(.outgoing, #"[2,"s","StatusNotification",{"connectorId":1,"status":"Charging"}]"#, at: time)
        log.setFilter("charging")
        #expect(log.visible == [2])
        log.append(.outgoing, #"[2,"h2","Heartbeat",{}]"#, at: time)
        log.append(.outgoing, #"[2,"s2","StatusNotification",{"status":"Charging"}]"#, at: time)
        #expect(log.visible == [2, 4])
        log.setFilter("")
        #expect(log.visible == [1, 2, 3, 4])
    }

    @Test func unreadableText_isKeptAsItIs() {
        var log = MessageLog()
        log.append(.incoming, "not json", at: time)
        #expect(log.entry(1)?.kind == .unreadable)
        #expect(log.entry(1)?.summary == "not json")
    }
}
