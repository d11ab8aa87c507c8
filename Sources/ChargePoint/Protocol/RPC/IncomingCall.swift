extension Frame.Call {
    /// The typed request this CALL carries, or the CALLERROR to answer it with:
    /// NotImplemented for an action OCPP 1.6 does not define (OCPP-J 1.6 §4.2.3),
    /// otherwise the code of the first payload violation (see `PayloadViolation`).
    public func decodeRequest() -> Result<any OCPPRequest, Frame.CallError> {
        guard let action = Action(rawValue: action) else {
            return .failure(
                Frame.CallError(
                    messageId: messageId, code: .notImplemented, description: "unknown action '\(self.action)'"))
        }
        func decode<R: OCPPRequest>(_ type: R.Type) throws(PayloadViolation) -> any OCPPRequest {
            try PayloadDecoder.decode(type, from: payload)
        }
        do throws(PayloadViolation) {
            return .success(try decode(action.requestType))
        } catch {
            return .failure(Frame.CallError(messageId: messageId, code: error.code, description: error.description))
        }
    }
}
