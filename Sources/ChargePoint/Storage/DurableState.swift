/// Everything the station keeps across a restart: what `StationCore` is created from
/// and what the `StoreChange`s it emits keep up to date.
public struct DurableState: Sendable, Equatable {
    /// Configuration values that differ from, or were written over, the profile's.
    public var configuration: [String: String] = [:]
    public var authorizationCache: [AuthorizationCacheEntry] = []
    public var localList = LocalAuthorizationList()
    public var transactions: [TransactionRecord] = []
    public var messageQueue: [QueuedMessage] = []
    public var connectors: [ConnectorRecord] = []
    public var reservations: [Reservation] = []
    public var chargingProfiles: [InstalledChargingProfile] = []
    public var counters = DurableCounters()
    /// The firmware version installed by UpdateFirmware, replacing the profile's.
    public var firmwareVersion: String?
    /// The firmware update in progress (UpdateFirmware.req), nil when none.
    public var firmwareUpdate: FirmwareUpdate?
    /// The diagnostics upload in progress (GetDiagnostics.req), nil when none.
    public var diagnosticsUpload: FileUpload?
    /// The log upload in progress (GetLog.req), nil when none.
    public var logUpload: FileUpload?
    /// The security log (security whitepaper A04.FR.04), oldest first.
    public var securityLog: [SecurityLogEntry] = []
    /// The certificate store (security whitepaper M05).
    public var installedCertificates: [InstalledCertificate] = []
    /// The key of the certificate signing request that is out (whitepaper A02). Secret.
    public var pendingChargePointKey: ChargePointKey?
    /// The charge point certificate and its key (security profile 3). Secret key.
    public var chargePointCertificate: ChargePointCertificate?
    /// The last time anything was persisted: the best estimate of when the power went.
    public var lastActivity: Timestamp?
    /// The station was shut down by `quit`: running transactions resume at the next
    /// start instead of being stopped for power loss.
    public var cleanShutdown = false

    public init() {}

    /// Applies one change, exactly as the SQLite store does; used by the in-memory
    /// store of tests and to check that the two agree.
    public mutating func apply(_ change: StoreChange) {
        switch change {
        case .configuration(let key, let value): configuration[key] = value
        case .cacheEntry(let entry):
            authorizationCache.removeAll { $0.idTag.equalsIgnoringCase(entry.idTag) }
            authorizationCache.append(entry)
        case .cacheEntryRemoved(let idTag):
            authorizationCache.removeAll { CaseInsensitive.equal($0.idTag.value, idTag) }
        case .cacheCleared: authorizationCache.removeAll()
        case .localList(let list): localList = list
        case .transaction(let record):
            if let index = transactions.firstIndex(where: { $0.number == record.number }) {
                transactions[index] = record
            } else {
                transactions.append(record)
            }
        case .transactionRemoved(let number): transactions.removeAll { $0.number == number }
        case .queued(let message):
            if let index = messageQueue.firstIndex(where: { $0.sequence == message.sequence }) {
                messageQueue[index] = message
            } else {
                messageQueue.append(message)
            }
        case .dequeued(let sequence): messageQueue.removeAll { $0.sequence == sequence }
        case .connector(let record):
            if let index = connectors.firstIndex(where: { $0.id == record.id }) {
                connectors[index] = record
            } else {
                connectors.append(record)
            }
        case .reservation(let reservation):
            reservations.removeAll { $0.id == reservation.id }
            reservations.append(reservation)
        case .reservationRemoved(let id): reservations.removeAll { $0.id == id }
        case .chargingProfile(let installed):
            chargingProfiles.removeAll { $0.profile.chargingProfileId == installed.profile.chargingProfileId }
            chargingProfiles.append(installed)
        case .chargingProfileRemoved(let id): chargingProfiles.removeAll { $0.profile.chargingProfileId == id }
        case .counters(let counters): self.counters = counters
        case .firmwareVersion(let version): firmwareVersion = version
        case .firmwareUpdate(let update): firmwareUpdate = update
        case .diagnosticsUpload(let upload): diagnosticsUpload = upload
        case .logUpload(let upload): logUpload = upload
        case .securityLogEntry(let entry): securityLog.append(entry)
        case .securityLogTrimmed(let first): securityLog.removeAll { $0.sequence < first }
        case .certificateInstalled(let certificate):
            installedCertificates.removeAll { $0.fingerprint == certificate.fingerprint && $0.use == certificate.use }
            installedCertificates.append(certificate)
        case .chargePointKey(let key): pendingChargePointKey = key
        case .chargePointCertificate(let certificate):
            chargePointCertificate = certificate
            pendingChargePointKey = nil
        case .certificateRemoved(let use, let fingerprint):
            installedCertificates.removeAll { $0.fingerprint == fingerprint && $0.use == use }
        case .activity(let time): lastActivity = time
        case .cleanShutdown(let clean): cleanShutdown = clean
        }
    }
}

/// One change to durable state (see `StationEffects.persist`).
public enum StoreChange: Sendable, Equatable {
    case configuration(key: String, value: String)
    case cacheEntry(AuthorizationCacheEntry)
    case cacheEntryRemoved(idTag: String)
    case cacheCleared
    case localList(LocalAuthorizationList)
    case transaction(TransactionRecord)
    case transactionRemoved(number: Int64)
    case queued(QueuedMessage)
    case dequeued(sequence: Int64)
    case connector(ConnectorRecord)
    case reservation(Reservation)
    case reservationRemoved(id: Int)
    case chargingProfile(InstalledChargingProfile)
    case chargingProfileRemoved(id: Int)
    case counters(DurableCounters)
    case firmwareVersion(String)
    /// The firmware update in progress changed (nil: it is over).
    case firmwareUpdate(FirmwareUpdate?)
    /// The diagnostics upload in progress changed (nil: it is over).
    case diagnosticsUpload(FileUpload?)
    /// The log upload in progress changed (nil: it is over).
    case logUpload(FileUpload?)
    /// A security event written to the security log.
    case securityLogEntry(SecurityLogEntry)
    /// The security log dropped its entries before sequence `before` (it rolls).
    case securityLogTrimmed(before: Int64)
    /// A certificate installed (or changed: made a fallback).
    case certificateInstalled(InstalledCertificate)
    case certificateRemoved(use: CertificateUse, fingerprint: String)
    /// A new key pair whose CSR went out (replacing any pending one).
    case chargePointKey(ChargePointKey)
    /// The charge point certificate accepted (the pending key is used up).
    case chargePointCertificate(ChargePointCertificate)
    case activity(Timestamp)
    case cleanShutdown(Bool)
}

extension StoreChange {
    /// Transactions, their queued messages and the counters that number them: what a
    /// central system is told about energy and money, written through to the disk.
    package var concernsTransactions: Bool {
        switch self {
        case .transaction, .transactionRemoved, .queued, .dequeued, .counters: true
        default: false
        }
    }
}
