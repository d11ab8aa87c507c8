/// Everything that arrives on the link goes through `receive`: framing errors are
/// answered or dropped as `FrameRejection` documents, CALLs go to their operation,
/// responses to the call in flight.
extension StationCore {
    mutating func receive(_ text: String) {
        emit(.frame(direction: .incoming, text: SecretMasking.mask(text)))
        // Rebooting, the station has dropped what it was doing and is closing the link:
        // what still arrives on it (an answer to a call made before the reset) is not
        // for the station that will boot.
        guard rebootingUntil == nil else { return }
        switch Frame.parse(text) {
        case .failure(.reply(let error)):
            reportError("malformed frame from the central system: \(error.description)")
            if case .rejected = registration { return }
            reply(.callError(error))
        case .failure(.drop(let reason)):
            reportError("dropped a frame from the central system: \(reason)")
        case .success(.call(let call)):
            receiveCall(call)
        case .success(.callResult(let result)):
            complete(messageId: result.messageId, .result(result.payload))
        case .success(.callError(let error)):
            complete(messageId: error.messageId, .error(error))
        }
    }
}
