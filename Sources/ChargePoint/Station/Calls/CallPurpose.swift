/// What to do with the answer to a CALL.
enum CallPurpose: Sendable, Equatable {
    case boot
    case heartbeat
    case status(connector: Int, report: StatusReport)
    case authorize(idTag: IdToken, intent: AuthorizeIntent)
    /// An operator's DataTransfer: the answer is shown to them.
    case dataTransfer
    case transactionMessage(sequence: Int64)
    /// MeterValues outside a transaction (clock-aligned on an idle connector, triggered).
    case meterValues
    /// A notification whose answer carries nothing to act on.
    case notification
    /// The operator's `send`: the answer is shown to them, nothing else follows from it.
    case operatorCall

    /// The operator sent it and awaits its answer.
    var isOperators: Bool { self == .dataTransfer || self == .operatorCall }
}

/// How a CALL ended.
enum CallOutcome: Sendable {
    case result(JSONValue)
    case error(Frame.CallError)
    /// No answer within MessageTimeout.
    case timeout
    /// The link went down first.
    case linkLost

    var isFailure: Bool {
        if case .result = self { return false }
        return true
    }
}
