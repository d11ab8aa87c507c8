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
            return FrameEvent(direction: direction, text: text, kind: .unreadable, messageId: "", action: nil, time: time)
        }
    }
}
