/// The records the station keeps across restarts and power cuts. The core holds them in
/// memory and emits a `StoreChange` for every change, which the driver applies to
/// SQLite before anything else happens (see `StationEffects`).

/// A transaction, from the moment it starts until the central system has acknowledged
/// (or, after the allowed attempts, abandoned) its StopTransaction.
public struct TransactionRecord: Codable, Sendable, Equatable {
    /// The station's own number, known before the central system's transactionId.
    public var number: Int64
    public var connector: Int
    public var idTag: IdToken
    /// From the IdTagInfo that authorized the start; used to let another card of the
    /// same group stop the transaction (OCPP 1.6 §3.10).
    public var parentIdTag: IdToken?
    public var meterStartWh: Int
    public var startedAt: Timestamp
    public var reservationId: Int?
    /// From StartTransaction.conf; -1 when the StartTransaction was abandoned (errata 3.18).
    public var transactionId: Int?
    public var stop: Stop?
    /// Meter values kept for StopTransaction.req transactionData.
    public var transactionData: [MeterValue]
    /// The central system did not accept the idTag in StartTransaction.conf.
    public var deauthorized: Bool

    public struct Stop: Codable, Sendable, Equatable {
        public var meterStopWh: Int
        public var at: Timestamp
        public var reason: Reason
        public var idTag: IdToken?
    }

    public var isActive: Bool { stop == nil }
}

/// A transaction-related message waiting for delivery, in order (OCPP 1.6 §3.7).
public struct QueuedMessage: Codable, Sendable, Equatable {
    public var sequence: Int64
    public var action: Action
    /// The transaction it belongs to (`TransactionRecord.number`).
    public var transaction: Int64
    /// The request payload as JSON text. StopTransaction and MeterValues get their
    /// transactionId filled in when sent, since it may not be known when they are queued.
    public var payload: String
    /// The transactionId written in `payload` (nil: a placeholder).
    public var payloadTransactionId: Int?
    /// Deliveries the central system failed to process so far (§3.7.1).
    public var attempts: Int
    /// Not to be sent before this time (the retry interval).
    public var notBefore: Timestamp?
}

/// The physical and administrative state of one connector (0 is the station itself).
public struct ConnectorRecord: Codable, Sendable, Equatable {
    public var id: Int
    /// Set by ChangeAvailability; persists across reboots (OCPP 1.6 §5.2).
    public var operative: Bool
    public var evConnected: Bool
    /// A socket's cable is still in the socket (it may be, with the EV gone).
    public var cableInSocket: Bool
    public var locked: Bool
    /// The lock mechanism is jammed (`lock jam <c>`, or `fault <c> ConnectorLockFailure`).
    public var lockBroken: Bool
    /// A session ended but the user still has to act (unplug): status Finishing.
    public var finishing: Bool
    /// The energy register, Wh. Never decreases (errata 3.78).
    public var meterWh: Double
    public var ev: EVState?
    public var fault: Fault?
    /// `ev power` given before an EV was plugged in: the next EV's maximum draw, W.
    public var nextEVMaxPowerW: Double?

    public struct Fault: Codable, Sendable, Equatable {
        public var code: ChargePointErrorCode
        public var info: String?
        /// The fault stops the connector (status Faulted); otherwise it is a warning
        /// reported with the current status.
        public var faulted: Bool

        public init(code: ChargePointErrorCode, info: String?, faulted: Bool? = nil) {
            self.code = code
            self.info = info
            self.faulted = faulted ?? code.faultsConnector
        }
    }

    public init(id: Int) {
        self.id = id
        operative = true
        evConnected = false
        cableInSocket = false
        locked = false
        lockBroken = false
        finishing = false
        meterWh = 0
    }
}

/// The virtual EV on a connector.
public struct EVState: Codable, Sendable, Equatable {
    public var batteryWh: Double
    public var socPercent: Double
    public var maxPowerW: Double
    /// The EV itself stopped drawing power (`ev suspend`, or a full battery).
    public var suspended: Bool

    public var isFull: Bool { socPercent >= 100 }
}

/// One entry of the authorization cache (OCPP 1.6 §3.5.1).
public struct AuthorizationCacheEntry: Codable, Sendable, Equatable {
    public var idTag: IdToken
    public var info: IdTagInfo
    public var updatedAt: Timestamp
}

/// The local authorization list (OCPP 1.6 §3.5.2); version 0 means empty.
public struct LocalAuthorizationList: Codable, Sendable, Equatable {
    public var version: Int
    /// Keyed by `key(_:)`, the folded idTag: an idTag is case insensitive (§7.28).
    public var entries: [String: IdTagInfo]

    public init(version: Int = 0, entries: [String: IdTagInfo] = [:]) {
        self.version = version
        self.entries = entries
    }

    /// The key of an idTag in `entries` (OCPP 1.6 §7.28: case insensitive).
    public static func key(_ idTag: IdToken) -> String { idTag.folded }
}

/// A reservation made by ReserveNow (OCPP 1.6 §5.13).
public struct Reservation: Codable, Sendable, Equatable {
    public var id: Int
    /// 0 reserves "any connector" of the station.
    public var connector: Int
    public var idTag: IdToken
    public var parentIdTag: IdToken?
    public var expiresAt: Timestamp
}

/// A charging profile installed by SetChargingProfile or RemoteStartTransaction.
public struct InstalledChargingProfile: Codable, Sendable, Equatable {
    public var connector: Int
    public var profile: ChargingProfile
    /// For a TxProfile: the transaction it belongs to (its number, since the central
    /// system's id may not be known yet for a RemoteStartTransaction profile).
    public var transaction: Int64?
}

/// Counters that must never repeat a value, even across power cuts.
public struct DurableCounters: Codable, Sendable, Equatable {
    public var nextTransactionNumber: Int64 = 1
    public var nextQueueSequence: Int64 = 1

    public init() {}
}
