/// Everything that can happen to the station. The core reacts to one input at a time,
/// at a time the driver supplies, and answers with `StationEffects`.
public enum StationInput: Sendable {
    /// The station is switched on (or restarted after a reset or power cut): load
    /// nothing, the durable state was given to the initialiser; start the boot.
    case powerOn
    /// The WebSocket to the central system is open (subprotocol agreed). `server`: on
    /// `wss://`, the certificate the central system was verified by.
    case linkUp(server: ServerCertificate? = nil)
    /// The WebSocket closed or could not be opened; the reason is for the operator.
    /// `failure`: what the transport knew of it, when that is a security event.
    case linkDown(reason: String, failure: LinkFailure? = nil)
    /// One text message from the central system.
    case received(String)
    /// Time passed: fire every timer that is due (the driver calls this at
    /// `StationEffects.nextWakeUp`).
    case tick
    /// Something the operator did: a hardware action or a local command.
    case command(StationCommand)
    /// The operator quits: save what is worth saving. Running transactions are not
    /// stopped; the next start resumes them (DESIGN.md `quit`).
    case shutdown
    /// The driver's report on a file transfer the core asked for
    /// (`StationEffects.transfers`): progress, the result of a try.
    case transfer(TransferReport)
}
