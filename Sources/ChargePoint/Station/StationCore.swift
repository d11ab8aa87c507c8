import Foundation

/// The charge point: a deterministic state machine over `StationInput`s, producing
/// `StationEffects` (DESIGN.md "The engine is sans-IO").
///
/// No I/O, no clock, no randomness of its own: time arrives with every input, message
/// ids come from an injected generator, and everything durable leaves as `StoreChange`s.
/// The same inputs at the same times always give the same effects, which is what lets
/// a 24-hour charging session be tested in milliseconds.
///
/// The behaviour is spread over one file per concern: `Operations/` holds one file per
/// OCPP action, `Station/` the connector, meter, authorization and delivery machinery.
public struct StationCore: Sendable {
    public let profile: StationProfile
    /// The configuration keys, the keys written and the revision
    /// (`Configuration/StationConfiguration.swift`).
    var configuration: StationConfiguration
    /// The configuration values in force.
    var config: ConfigurationStore { configuration.store }
    /// Counts configuration changes, so that observers know when to read it again.
    public var configurationRevision: Int { configuration.revision }
    /// Connectors 1…N at indices 0…N-1.
    var connectors: [Connector]
    /// Connector 0: the station's own availability and faults.
    var station: StationUnit
    /// The Local Authorization List and the Authorization Cache
    /// (`Authorization/AuthorizationStore.swift`).
    var authorization: AuthorizationStore
    /// Running transactions, and stopped ones until their StopTransaction is settled
    /// (`Transactions/TransactionLog.swift`).
    var transactions: TransactionLog
    /// ReserveNow's reservations (`Reservations/ReservationBook.swift`).
    var reservations: ReservationBook
    /// The installed charging profiles (`SmartCharging/ChargingProfileStore.swift`).
    var chargingProfiles: ChargingProfileStore
    /// Transaction numbers and queue sequences (`Transactions/StationCounters.swift`).
    var counters: StationCounters
    /// The firmware version saved by the store, if any; else the profile's is reported.
    /// The version installed by UpdateFirmware, replacing the profile's.
    var firmwareVersion: String?
    var transfers: FileTransferBook
    var securityLog: SecurityLog
    /// The certificate store (whitepaper M03–M05), durable.
    var certificates: [InstalledCertificate]
    /// How the driver makes the link, for SecurityProfile.
    var linkDescription = LinkDescription()
    /// The key whose certificate signing request is out (A02), durable.
    var pendingChargePointKey: ChargePointKey?
    /// The charge point certificate the central system signed, durable.
    var chargePointCertificate: ChargePointCertificate?
    /// When the station last asked for a certificate (`Security/CertificateRenewal.swift`).
    var certificateRenewal = CertificateRenewal()
    /// Reads certificates for the store: the driver's, since the engine holds no crypto.
    public let certificateToolkit: any CertificateToolkit

    /// Where the station stands with the central system
    /// (`Registration/RegistrationMachine.swift`).
    var registration = RegistrationMachine()
    /// The WebSocket: connecting, back-off, `offline` (`Link/Link.swift`).
    var link: Link
    /// Calls waiting, in flight, and the durable transaction message queue
    /// (`Calls/Outbox.swift`).
    var outbox: Outbox
    /// Armed deadlines (`TimerSet.swift`).
    var timers = TimerSet()
    var ids: MessageIdGenerator
    var now: Timestamp
    /// Station time to wall-clock time (`Clock/WallClock.swift`).
    var clock = WallClock()
    var effects = StationEffects()
    /// The reset pending and the reboot under way (`Reset/ResetMachine.swift`).
    var resets = ResetMachine()
    /// `quit --stop` stopped every session: the station is closing, and starts no new one
    /// (a card, a remote start) before it is gone.
    var closingForQuit = false
    var lastHeartbeatResponse: Timestamp?
    /// The central system's CALL ids on this connection (`Security/ReplayedCalls.swift`).
    var receivedCallIds = ReceivedCallIds()
    /// MemoryExhaustion raised for the transaction queue (`Security/MemoryExhaustion.swift`).
    var queueHighWaterMark: QueueHighWaterMark

    /// A station from its profile and what it remembered. `now` is only a starting
    /// point; every input brings the current time.
    public init(
        profile: StationProfile, durable: DurableState, now: Timestamp,
        ids: MessageIdGenerator = .uuid(), seed: UInt64 = UInt64.random(in: 0...UInt64.max),
        certificateToolkit: any CertificateToolkit = NoCertificateToolkit()
    ) throws(ProfileError) {
        self.profile = profile
        configuration = try StationConfiguration(profile: profile, saved: durable.configuration)
        connectors = profile.connectors.map { hardware in
            let record = durable.connectors.first { $0.id == hardware.id } ?? ConnectorRecord(id: hardware.id)
            return Connector(hardware: hardware, record: record, now: now)
        }
        station = StationUnit(record: durable.connectors.first { $0.id == 0 } ?? ConnectorRecord(id: 0))
        authorization = AuthorizationStore(cache: durable.authorizationCache, localList: durable.localList)
        transactions = TransactionLog(durable.transactions)
        outbox = Outbox(transactionMessages: durable.messageQueue)
        queueHighWaterMark = QueueHighWaterMark(count: durable.messageQueue.count, capacity: profile.queueCapacity)
        reservations = ReservationBook(durable.reservations)
        chargingProfiles = ChargingProfileStore(durable.chargingProfiles)
        counters = StationCounters(durable.counters)
        firmwareVersion = durable.firmwareVersion
        transfers = FileTransferBook(
            firmware: durable.firmwareUpdate, diagnostics: durable.diagnosticsUpload, log: durable.logUpload)
        securityLog = SecurityLog(durable.securityLog)
        certificates = durable.installedCertificates
        pendingChargePointKey = durable.pendingChargePointKey
        chargePointCertificate = durable.chargePointCertificate
        self.certificateToolkit = certificateToolkit
        self.ids = ids
        link = Link(seed: seed)
        self.now = now
        recovery = PowerOnRecovery(cleanShutdown: durable.cleanShutdown, lastActivity: durable.lastActivity)
    }

    /// A `quit` to resume from or a power cut to recover from, taken by `.powerOn`
    /// (`Reset/PowerOnRecovery.swift`).
    var recovery: PowerOnRecovery

    /// Reacts to one input at station time `time`: a monotonic clock, never earlier than
    /// the previous input's. `wallClock`: the host's wall clock at that moment, when the
    /// driver has one that may differ (the timestamps sent follow it until the central
    /// system gives its time; `StationClock.swift`).
    public mutating func handle(_ input: StationInput, at time: Timestamp, wallClock hostTime: Timestamp? = nil)
        -> StationEffects
    {
        now = max(now, time)
        effects = StationEffects()
        if let hostTime { hostClockRead(hostTime) } else { settleClock() }
        switch input {
        case .powerOn: powerOn()
        case .linkUp(let server):
            callIdsForNewConnection()
            linkUp(server: server)
        case .linkDown(let reason, let failure): linkDown(reason: reason, failure: failure)
        case .received(let text): receive(text)
        case .tick: fireDueTimers()
        case .command(let command): perform(command)
        case .shutdown: shutDown()
        case .transfer(let report): transferReported(report)
        }
        installFirmwareIfIdle()
        pump()
        if !effects.persist.isEmpty {
            // The best estimate of when the power went, should it go now (PowerLossRecovery).
            effects.persist.append(.activity(wallClock))
        }
        effects.nextWakeUp = timers.earliest
        return effects
    }

    // MARK: Effects helpers

    mutating func persist(_ change: StoreChange) {
        effects.persist.append(change)
    }

    mutating func emit(_ event: StationEvent) {
        effects.events.append(event)
    }

    mutating func notice(_ text: String) {
        emit(.notice(text))
    }

    mutating func reportError(_ text: String) {
        emit(.error(text))
    }

    mutating func persistConnector(_ index: Int) {
        persist(.connector(connectors[index].record))
    }

    // MARK: Lookup

    /// The array index of connector `id` (1-based), if it exists.
    func index(of id: Int) -> Int? {
        connectors.firstIndex { $0.hardware.id == id }
    }

    /// Online for OCPP purposes: the link is up and the central system accepted us.
    public var isOnline: Bool { link.state == .connected && registration.isAccepted }
    /// Online and staying so: not told to go offline (`offline`), no reset under way. What
    /// `wait online` waits for: a link about to close is no link to script against.
    public var staysOnline: Bool { isOnline && !link.heldOffline && !resets.isPending && !resets.isRebooting }

    /// Transaction messages not yet answered by the central system (durably queued).
    public var queuedTransactionMessages: Int { outbox.transactionMessages.count }
    /// Calls other than transaction messages waiting to leave, and the call in flight.
    public var callsOutstanding: Int { outbox.waiting.count + (outbox.inFlight == nil ? 0 : 1) }
}

/// The station's own "connector 0".
struct StationUnit: Sendable {
    private(set) var record: ConnectorRecord
    var status = StatusTracker()

    init(record: ConnectorRecord) { self.record = record }

    /// A station-wide fault (connector 0, OCPP 1.6 §4.9): the record to save.
    mutating func raiseFault(_ code: ChargePointErrorCode, info: String?) -> ConnectorRecord {
        record.fault = ConnectorRecord.Fault(code: code, info: info)
        return record
    }

    /// The record to save, or nil when there was no fault to clear.
    mutating func clearFault() -> ConnectorRecord? {
        guard record.fault != nil else { return nil }
        record.fault = nil
        return record
    }

    /// ChangeAvailability of connector 0 (§5.2): the record to save.
    mutating func setOperative(_ operative: Bool) -> ConnectorRecord {
        record.operative = operative
        return record
    }
}
