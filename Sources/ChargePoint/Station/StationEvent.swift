/// What the operator sees: the screen and the headless JSON Lines stream are both made
/// from these (DESIGN.md "Headless events"). Secrets never appear in them.
public enum StationEvent: Sendable, Equatable {
    /// An OCPP frame as it went over the wire, with secrets masked.
    case frame(direction: FrameDirection, text: String)
    case connection(ConnectionState, reason: String?)
    /// A connector's status changed (connector 0 is the station itself). Reported at
    /// once, even when the StatusNotification waits for MinimumStatusDuration.
    case connector(id: Int, status: ChargePointStatus, errorCode: ChargePointErrorCode, info: String?)
    case transaction(TransactionEvent)
    case meter(connector: Int, energyWh: Double, powerW: Double)
    case registration(RegistrationStatus?, interval: Int?)
    /// Feedback on an operator action or a central-system decision worth reading.
    case notice(String)
    /// A refused command, a protocol problem, a fault worth an operator's eye.
    case error(String)
    /// The reply to the `status` command.
    case snapshot(StationSnapshot)
    /// `config get`: the keys asked for, values of write-only keys masked.
    case configuration([ConfigurationEntry])
}

public enum FrameDirection: String, Sendable, Equatable {
    case outgoing = "out"
    case incoming = "in"
}

public enum ConnectionState: String, Sendable, Equatable {
    case connecting, connected, disconnected
}

public struct TransactionEvent: Sendable, Equatable {
    /// `updated`: the central system gave the transaction its id (StartTransaction.conf).
    public enum Kind: String, Sendable { case started, updated, stopped }
    public var kind: Kind
    public var connector: Int
    /// The central system's id; nil while StartTransaction.conf has not arrived.
    public var transactionId: Int?
    public var idTag: String
    public var reason: Reason?

    public init(kind: Kind, connector: Int, transactionId: Int?, idTag: String, reason: Reason? = nil) {
        self.kind = kind
        self.connector = connector
        self.transactionId = transactionId
        self.idTag = idTag
        self.reason = reason
    }
}
