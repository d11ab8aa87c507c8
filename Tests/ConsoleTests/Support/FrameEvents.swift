import ChargePoint

extension FrameEvent {
    /// A frame event for tests, its metadata read from the text (an answer's action left
    /// for the log to find from its CALL).
    static func parsed(
        _ direction: FrameDirection, _ text: String, at time: Timestamp = ScriptedStation.start
    ) -> FrameEvent {
        switch Frame.parse(text) {
        case .success(.call(let call)):
            return FrameEvent(
                direction: direction, text: text, kind: .call, messageId: call.messageId, action: call.action,
                time: time)
        case .success(.callResult(let result)):
            return FrameEvent(
                direction: direction, text: text, kind: .result, messageId: result.messageId, action: nil, time: time)
        case .success(.callError(let error)):
            return FrameEvent(
                direction: direction, text: text, kind: .error, messageId: error.messageId, action: nil, time: time)
        case .failure:
            return FrameEvent(
                direction: direction, text: text, kind: .unreadable, messageId: "", action: nil, time: time)
        }
    }
}

extension FrameEvent {
    /// Exchanges both ways at known wire times from `start`: a RemoteStartTransaction the
    /// station rejects in 3 ms, an Authorize answered Invalid in 1250 ms, a GetDiagnostics
    /// answered with a CALLERROR in 4 ms, a Heartbeat answered in 12 ms.
    static func exchanges(from start: Timestamp) -> [FrameEvent] {
        let frames: [(Int64, FrameDirection, String)] = [
            (0, .incoming, #"[2,"r1","RemoteStartTransaction",{"idTag":"A","connectorId":1}]"#),
            (3, .outgoing, #"[3,"r1",{"status":"Rejected"}]"#),
            (200, .outgoing, #"[2,"a1","Authorize",{"idTag":"BAD"}]"#),
            (1_450, .incoming, #"[3,"a1",{"idTagInfo":{"status":"Invalid"}}]"#),
            (2_000, .incoming, #"[2,"g1","GetDiagnostics",{"location":"ftp://x"}]"#),
            (2_004, .outgoing, #"[4,"g1","NotSupported","no diagnostics",{}]"#),
            (3_000, .outgoing, #"[2,"h1","Heartbeat",{}]"#),
            (3_012, .incoming, #"[3,"h1",{"currentTime":"2026-11-24T10:01:38.012Z"}]"#),
        ]
        return frames.map { offset, direction, text in .parsed(direction, text, at: start.adding(milliseconds: offset))
        }
    }
}
