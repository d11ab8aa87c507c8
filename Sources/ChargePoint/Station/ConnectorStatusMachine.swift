/// The connector status machine of OCPP 1.6 §4.9.
///
/// The status is *derived* from the connector's state (fault, transaction, EV, cable,
/// availability, reservation) by `ConnectorStatusMachine.status(...)`, in a fixed order
/// of precedence, rather than stored and pushed around by events: whatever sequence of
/// events leads to a state, the status is the one the specification gives it, and a
/// fault that clears returns to the pre-fault status by construction (I1–I8).
///
/// `transitions` is the specification's table of the transitions a connector may make
/// (with errata 3.20's B6), each with its code. Every status change the station makes
/// is checked against it; the tests walk every (status, event) pair against it.
public enum ConnectorStatusMachine {
    /// The inputs of the derivation, gathered from the connector and the station.
    struct Situation: Equatable {
        var fault: ChargePointErrorCode?
        var faulted = false
        /// The fault's own words (StatusNotification `info`, §7.40 CiString50).
        var faultInfo: String?
        var lockBroken = false
        var hasTransaction = false
        /// During a transaction: the EVSE offers no energy (invalid idTag, limit 0, …).
        var evseSuspended = false
        /// During a transaction: the EV is disconnected, suspended or full.
        var evSuspended = false
        var evSideDisconnected = false
        var finishing = false
        var occupied = false
        var preparing = false
        var operative = true
        var reserved = false
    }

    /// OCPP 1.6 §4.9, read top to bottom: the first condition that holds decides.
    static func status(_ s: Situation) -> StatusReport {
        let code = s.fault ?? (s.lockBroken ? .connectorLockFailure : .noError)
        func report(_ status: ChargePointStatus, info: String? = nil) -> StatusReport {
            // EVCommunicationError is only a warning with these statuses (§4.9).
            let allowed: Set<ChargePointStatus> = [.preparing, .suspendedEV, .suspendedEVSE, .finishing]
            let reported = code == .evCommunicationError && !allowed.contains(status) ? .noError : code
            // The fault's info goes with its error code (§6.47 StatusNotification.info).
            return StatusReport(status: status, errorCode: reported, info: info ?? (reported != .noError ? s.faultInfo : nil))
        }
        if s.faulted { return report(.faulted) }
        if s.hasTransaction {
            // SuspendedEVSE has precedence over SuspendedEV (§4.9).
            if s.evseSuspended { return report(.suspendedEVSE) }
            if s.evSuspended { return report(.suspendedEV, info: s.evSideDisconnected ? "EV side disconnected" : nil) }
            return report(.charging)
        }
        if s.finishing { return report(.finishing) }
        if !s.operative { return report(.unavailable) }
        if s.occupied || s.preparing { return report(.preparing) }
        if s.reserved { return report(.reserved) }
        return report(.available)
    }

    /// Connector 0 knows only Available, Unavailable and Faulted (§4.9).
    static func stationStatus(fault: ConnectorRecord.Fault?, operative: Bool) -> StatusReport {
        if let fault, fault.faulted { return StatusReport(status: .faulted, errorCode: fault.code, info: fault.info) }
        return StatusReport(
            status: operative ? .available : .unavailable, errorCode: fault?.code ?? .noError, info: fault?.info)
    }

    /// The transitions of the table in §4.9 (rows: from; entries: to, with the code),
    /// with errata 3.20's B6 and one addition of ours, B8: the table has no way from
    /// Preparing to Unavailable, yet ChangeAvailability(Inoperative) must be obeyed when
    /// a cable waits for a card (§5.2 only allows Scheduled during a transaction), and
    /// the row's siblings (C8, F8, G8) show what it means.
    static let transitions: [ChargePointStatus: [ChargePointStatus: String]] = [
        .available: [
            .preparing: "A2", .charging: "A3", .suspendedEV: "A4", .suspendedEVSE: "A5", .reserved: "A7",
            .unavailable: "A8", .faulted: "A9",
        ],
        .preparing: [
            .available: "B1", .charging: "B3", .suspendedEV: "B4", .suspendedEVSE: "B5", .finishing: "B6",
            .unavailable: "B8", .faulted: "B9",
        ],
        .charging: [
            .available: "C1", .suspendedEV: "C4", .suspendedEVSE: "C5", .finishing: "C6", .unavailable: "C8",
            .faulted: "C9",
        ],
        .suspendedEV: [
            .available: "D1", .charging: "D3", .suspendedEVSE: "D5", .finishing: "D6", .unavailable: "D8",
            .faulted: "D9",
        ],
        .suspendedEVSE: [
            .available: "E1", .charging: "E3", .suspendedEV: "E4", .finishing: "E6", .unavailable: "E8",
            .faulted: "E9",
        ],
        .finishing: [.available: "F1", .preparing: "F2", .unavailable: "F8", .faulted: "F9"],
        .reserved: [.available: "G1", .preparing: "G2", .unavailable: "G8", .faulted: "G9"],
        .unavailable: [
            .available: "H1", .preparing: "H2", .charging: "H3", .suspendedEV: "H4", .suspendedEVSE: "H5",
            .faulted: "H9",
        ],
        .faulted: [
            .available: "I1", .preparing: "I2", .charging: "I3", .suspendedEV: "I4", .suspendedEVSE: "I5",
            .finishing: "I6", .reserved: "I7", .unavailable: "I8",
        ],
    ]

    /// The code of a legal transition ("B3"), nil when the table does not allow it.
    public static func transitionCode(from: ChargePointStatus, to: ChargePointStatus) -> String? {
        transitions[from]?[to]
    }

    /// Connector 0's transitions: among Available, Unavailable and Faulted, any.
    static func isStationTransitionLegal(to status: ChargePointStatus) -> Bool {
        [.available, .unavailable, .faulted].contains(status)
    }
}

extension ChargePointErrorCode {
    /// Whether an injected error stops the connector (status Faulted) or is a warning
    /// reported with the current status (OCPP 1.6 §4.9: "When the 'status' field is not
    /// Faulted, the condition should be considered a warning").
    public var faultsConnector: Bool {
        switch self {
        case .noError, .evCommunicationError, .weakSignal, .connectorLockFailure, .localListConflict: false
        default: true
        }
    }
}
