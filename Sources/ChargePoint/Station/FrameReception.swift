/// Everything that arrives on the link goes through `receive`: framing errors are
/// answered or dropped as `FrameRejection` documents, CALLs go to their operation,
/// responses to the call in flight.
extension StationCore {
    mutating func receive(_ text: String) {
        let parsed = Frame.parse(text)
        emit(.frame(incomingFrameEvent(SecretMasking.mask(text), parsed)))
        // Rebooting, the station has dropped what it was doing and is closing the link:
        // what still arrives on it (an answer to a call made before the reset) is not
        // for the station that will boot.
        guard !resets.isRebooting else { return }
        switch parsed {
        case .failure(.reply(let error)):
            reportError("malformed frame from the central system: \(error.description)")
            invalidMessageReceived(error.description)
            if case .rejected = registration.state { return }
            reply(.callError(error), to: nil)
        case .failure(.drop(let reason)):
            reportError("dropped a frame from the central system: \(reason)")
            invalidMessageReceived(reason)
        case .success(.call(let call)):
            receiveCall(call)
        case .success(.callResult(let result)):
            complete(messageId: result.messageId, .result(result.payload))
        case .success(.callError(let error)):
            complete(messageId: error.messageId, .error(error))
        }
    }

    /// What the station knows of a frame it received: an answer's action is the action
    /// of the call in flight it answers.
    private func incomingFrameEvent(_ text: String, _ parsed: Result<Frame, FrameRejection>) -> FrameEvent {
        func event(_ kind: FrameEvent.Kind, _ id: String, _ action: String?) -> FrameEvent {
            FrameEvent(direction: .incoming, text: text, kind: kind, messageId: id, action: action, time: wallClock)
        }
        func answered(_ id: String) -> String? {
            outbox.actionInFlight(messageId: id)?.rawValue
        }
        switch parsed {
        case .success(.call(let call)): return event(.call, call.messageId, call.action)
        case .success(.callResult(let result)): return event(.result, result.messageId, answered(result.messageId))
        case .success(.callError(let error)): return event(.error, error.messageId, answered(error.messageId))
        case .failure: return event(.unreadable, "", nil)
        }
    }
}
