import ChargePoint

/// What the demo central system asks its driver (`DemoServer`) to do after an input,
/// in order (the station core's effects, in small).
public enum DemoOutput: Sendable, Equatable {
    /// A frame for the station the input came from.
    case send(String)
    /// The operator's CALL with this message id is over.
    case answered(messageId: String, CentralSystemAnswer)
    /// Worth the operator's eye: a file received, a list version taken.
    case notice(String)
    /// The station broke the protocol (a payload against its schema): an `error` event,
    /// the screen's error line (issue 14 §4), besides the CALLERROR the station gets.
    case error(String)
}
