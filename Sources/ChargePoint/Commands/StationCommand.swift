/// What the operator's hands do to the station (DESIGN.md "Operator commands"): the
/// hardware actions (cable, card, button, EV, faults, lock) and the local commands the
/// station core carries out (`StationCore.perform`). The same value whether it was typed
/// after `:` on the screen, read from a `--script` file, piped to `--headless` or made by
/// a key. Connector numbers start at 1 (0 is the station itself where allowed).
public enum StationCommand: Sendable, Equatable {
    /// The EV's cable is connected (into the socket and the car, or the fixed cable
    /// into the car).
    case plug(connector: Int)
    /// The cable is removed at the EV side. On a locked socket it stays in the socket
    /// until the lock opens.
    case unplug(connector: Int)
    /// An RFID card is presented; the connector may be left out where it is unambiguous.
    case swipe(idTag: String, connector: Int?)
    /// The local stop button.
    case stop(connector: Int)
    case evSuspend(connector: Int)
    case evResume(connector: Int)
    case evPower(connector: Int, kilowatts: Double)
    /// Raise a fault; ConnectorLockFailure breaks the lock, EVCommunicationError and
    /// WeakSignal are warnings, every other code faults the connector.
    case fault(connector: Int, code: ChargePointErrorCode, info: String?)
    case clear(connector: Int)
    /// The cable lock of a socket connector jams: it neither locks nor unlocks (OCTT
    /// TC_024, TC_030), until `lockFree`.
    case lockJam(connector: Int)
    case lockFree(connector: Int)
    case offline
    case online
    case reset(ResetType)
    case configGet(keys: [String])
    case configSet(key: String, value: String)
    case dataTransfer(vendorId: String, messageId: String?, data: String?)
    /// A message to the central system now, to probe it (issue 13): `heartbeat`,
    /// `boot`, `status-notify <c>`, `meter <c>`, `send <Action> <json>`.
    case probe(Probe)
    /// Every running transaction stopped as the local stop button would (reason Local):
    /// `quit --stop`, the screen's `Q`.
    case stopAllTransactions
    case status
    /// `certs`: list the installed certificates and the charge point certificate in use
    /// (security whitepaper M03, M05, A02): one `certificates` event.
    case certificates
    /// A technician clears the security log at the station (security whitepaper §8:
    /// SecurityLogWasCleared, a critical security event, becomes its first line).
    case clearSecurityLog
    /// The enclosure's tamper sensor trips (security whitepaper §8:
    /// TamperDetectionActivated, a critical security event).
    case tamper
    /// A key's intent ("the other state"), decided by the station from its own state at
    /// the moment the command arrives, never from a picture of it the screen drew
    /// earlier: plug ↔ unplug, EV suspend ↔ resume, lock jam ↔ free.
    case toggle(Toggle, connector: Int)
    /// `offline` ↔ `online`, decided by the station.
    case toggleOffline

    public enum Toggle: Sendable, Equatable {
        case plug, evSuspended, lockJam
    }
}
