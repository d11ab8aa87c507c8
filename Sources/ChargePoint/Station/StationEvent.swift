/// What the operator sees: the screen and the headless JSON Lines stream are both made
/// from these (DESIGN.md "Headless events"). Secrets never appear in them.
public enum StationEvent: Sendable, Equatable {
    /// An OCPP frame as it went over the wire, with secrets masked, and what the station
    /// already knows of it (kind, message id, action, when).
    case frame(FrameEvent)
    case connection(ConnectionState, reason: String?)
    /// A connector's status changed (connector 0 is the station itself). Reported at
    /// once, even when the StatusNotification waits for MinimumStatusDuration.
    case connector(id: Int, status: ChargePointStatus, errorCode: ChargePointErrorCode, info: String?)
    case transaction(TransactionEvent)
    /// A connector's meter moved: the energy register (Wh), the power (W), and every
    /// measurand of MeterValuesSampledData as the station samples it now.
    case meter(connector: Int, energyWh: Double, powerW: Double, readings: [SampledValue] = [])
    case registration(RegistrationStatus?, interval: Int?)
    /// Feedback on an operator action or a central-system decision worth reading.
    case notice(String)
    /// A refused command, a protocol problem, a fault worth an operator's eye.
    case error(String)
    /// The reply to the `status` command.
    case snapshot(StationSnapshot)
    /// `config get`: the keys asked for, values of write-only keys masked.
    case configuration([ConfigurationEntry])
    /// `certs`: the certificate store and the charge point certificate in use, without
    /// their PEM or key (whitepaper M03, M05, A02).
    case certificates(CertificateReport)
    /// A firmware download or diagnostics upload moved on: a new status, progress, a
    /// retry (OCPP 1.6 §4.4, §4.5).
    case transfer(TransferState)
    /// A security event (security whitepaper §8), as written to the security log.
    case security(SecurityLogEntry)
    /// The central system's CALLRESULT to the operator's `send <Action> <json>` (issue 13):
    /// the action sent and the answer's payload. Its CALLERROR, or no answer, is an `error`.
    case callAnswered(action: Action, payload: JSONValue)
    /// How an operator command line ended (headless and `--script`), after its own events.
    indirect case result(CommandResult)
}

extension StationEvent {
    /// The line that reads as a notice: a notice's text, and a call's answer in words
    /// (`DataTransfer answered {"status":"Accepted"}`).
    public var noticeText: String? {
        switch self {
        case .notice(let text): text
        case .callAnswered(let action, let payload): "\(action.rawValue) answered \(JSONSerializer.serialize(payload))"
        default: nil
        }
    }

    /// The text of an `error` event.
    public var errorText: String? {
        if case .error(let text) = self { text } else { nil }
    }
}

/// One frame that crossed the link, with its metadata as the station had it, so that
/// observers (the screen's log, the event stream, the log file) never parse it again.
public struct FrameEvent: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable { case call, result, error, unreadable }

    public var direction: FrameDirection
    /// Exactly as on the wire, secrets masked.
    public var text: String
    public var kind: Kind
    /// Empty when the frame has none (unreadable).
    public var messageId: String
    /// The CALL's action; for a CALLRESULT or CALLERROR, the action of the CALL it
    /// answers, when the station knows it.
    public var action: String?
    /// When it crossed the wire, on the station's clock (what its messages carry).
    public var time: Timestamp

    public init(
        direction: FrameDirection, text: String, kind: Kind, messageId: String, action: String?, time: Timestamp
    ) {
        self.direction = direction
        self.text = text
        self.kind = kind
        self.messageId = messageId
        self.action = action
        self.time = time
    }
}

public enum FrameDirection: String, Sendable, Equatable {
    case outgoing = "out"
    case incoming = "in"
}

/// The link to the central system. `waiting`: the connection waits for its turn to
/// open, a fleet's connections being opened at a pace (issue 15 §3, `--ramp`); the
/// runtime says so, never the core (to the core it is `connecting`).
public enum ConnectionState: String, Sendable, Equatable {
    case waiting, connecting, connected, disconnected
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
