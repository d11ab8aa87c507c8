/// An immutable picture of the station for the screen and for `status`: everything a
/// panel shows, computed from the core without changing it. Energy and state of charge
/// are projected to the moment asked for, so the screen can show them live between
/// inputs.
public struct StationSnapshot: Sendable, Equatable {
    /// The wall-clock time the snapshot shows (the time the station stamps messages with).
    public var time: Timestamp
    /// The same moment in station time (monotonic), for `projected(to:)`.
    public var stationTime: Timestamp
    public var profileName: String
    public var vendor: String
    public var model: String
    public var firmwareVersion: String?
    public var connection: ConnectionState
    public var heldOffline: Bool
    /// The security profile of the link (SecurityProfile, whitepaper §2) and, over TLS,
    /// the certificate the central system was verified by.
    public var securityProfile: Int = 0
    public var server: ServerCertificate? = nil
    public var registration: RegistrationStatus?
    public var heartbeatInterval: Int?
    public var lastHeartbeat: Timestamp?
    /// Milliseconds until the next connection attempt, while one is scheduled.
    public var reconnectIn: Int64?
    /// Milliseconds until the station is back from a reboot, while it reboots.
    public var rebootingIn: Int64?
    /// Milliseconds until the next BootNotification, while the central system has
    /// answered Pending or Rejected (OCPP 1.6 §4.2: its `interval`).
    public var bootRetryIn: Int64? = nil
    public var queuedTransactionMessages: Int
    public var station: ConnectorSnapshot
    public var connectors: [ConnectorSnapshot]
    public var localListVersion: Int
    public var cachedIdTags: Int
    public var chargingProfiles: Int
    public var reservations: [Reservation]
    /// The last firmware download and diagnostics upload (OCPP 1.6 chapter 8), as they
    /// stand: under way, waiting, or how they ended; nil when none since the start.
    public var firmwareTransfer: TransferState? = nil
    public var diagnosticsTransfer: TransferState? = nil
    /// The last GetLog upload (security whitepaper N01), as it stands.
    public var logTransfer: TransferState? = nil
}

public struct ConnectorSnapshot: Sendable, Equatable {
    public struct Session: Sendable, Equatable {
        public var number: Int64
        public var transactionId: Int?
        public var idTag: String
        public var startedAt: Timestamp
        public var energyWh: Double
    }

    public var id: Int
    public var type: String
    public var cable: ConnectorHardware.Cable?
    public var hasLock: Bool
    public var locked: Bool
    public var lockBroken: Bool
    public var evConnected: Bool
    public var cableInSocket: Bool
    public var status: ChargePointStatus
    public var errorCode: ChargePointErrorCode
    public var info: String?
    public var operative: Bool
    public var session: Session?
    public var preparingIdTag: String?
    public var meterWh: Double
    public var powerW: Double
    public var offeredW: Double
    public var maxPowerW: Double
    /// The smart-charging limit, W: the lowest of the connector's rating, its own limit
    /// and its share of the station's limit (`StationLimitSharing.swift`); nil when no
    /// charging profile applies.
    public var limitW: Double?
    public var socPercent: Double?
    /// The EV's battery, Wh (for projecting its state of charge).
    public var batteryWh: Double? = nil
    public var evMaxPowerW: Double?
    public var evSuspended: Bool
    /// The readings a MeterValues.req with MeterValuesSampledData would carry now.
    public var readings: [SampledValue]
    /// The station's limit for all connectors combined (ChargePointMaxProfile, OCPP 1.6
    /// §3.13.3) that `limitW` is a share of, W; nil when none is in force.
    public var stationLimitW: Double? = nil
    /// The charging profile that sets `limitW` (OCPP 1.6 §3.13.1): the connector's own,
    /// or the station's ChargePointMaxProfile when its share is the lower.
    public var limitSource: ChargingLimitSource? = nil
}

/// Which charging profile sets a connector's limit: its id and purpose.
public struct ChargingLimitSource: Sendable, Equatable {
    public var profileId: Int
    public var purpose: ChargingProfilePurposeType

    public init(profileId: Int, purpose: ChargingProfilePurposeType) {
        (self.profileId, self.purpose) = (profileId, purpose)
    }
}

extension StationCore {
    public var snapshot: StationSnapshot { snapshot(at: now) }

    public func snapshot(at time: Timestamp) -> StationSnapshot {
        let stationStatus = currentStatus(of: 0)
        return StationSnapshot(
            time: clock.wallClock(at: time), stationTime: max(now, time), profileName: profile.name,
            vendor: profile.identity.vendor.value, model: profile.identity.model.value,
            firmwareVersion: installedFirmwareVersion, connection: link.state,
            heldOffline: link.heldOffline, securityProfile: securityProfile, server: link.server,
            registration: registration.state.status,
            heartbeatInterval: config.int(.heartbeatInterval), lastHeartbeat: lastHeartbeatResponse,
            reconnectIn: timers.deadline(of: .reconnect).map { max(0, time.milliseconds(until: $0)) },
            rebootingIn: resets.rebootingUntil.map { max(0, time.milliseconds(until: $0)) },
            bootRetryIn: registration.state.retryAt.map { max(0, time.milliseconds(until: $0)) },
            queuedTransactionMessages: outbox.transactionMessages.count,
            station: ConnectorSnapshot(
                id: 0, type: "station", cable: nil, hasLock: false, locked: false, lockBroken: false,
                evConnected: false, cableInSocket: false, status: stationStatus.status,
                errorCode: stationStatus.errorCode, info: station.record.fault?.info,
                operative: station.record.operative,
                session: nil, preparingIdTag: nil, meterWh: connectors.reduce(0) { $0 + $1.record.meterWh }, powerW: 0,
                offeredW: 0, maxPowerW: 0, limitW: nil, socPercent: nil, evMaxPowerW: nil, evSuspended: false,
                readings: []),
            connectors: connectors.indices.map { connectorSnapshot($0, at: time) },
            localListVersion: authorization.localList.version, cachedIdTags: authorization.cache.count,
            chargingProfiles: chargingProfiles.all.count,
            reservations: reservations.all, firmwareTransfer: transfers.shown[.firmware],
            diagnosticsTransfer: transfers.shown[.diagnostics], logTransfer: transfers.shown[.log])
    }

    private func connectorSnapshot(_ index: Int, at time: Timestamp) -> ConnectorSnapshot {
        var projected = self
        projected.now = max(now, time)
        projected.connectors[index].advanceMeter(to: now)
        let connector = projected.connectors[index]
        let status = currentStatus(of: connector.id)
        let session = transactions.active(on: connector.id).map { transaction in
            ConnectorSnapshot.Session(
                number: transaction.number, transactionId: transaction.transactionId, idTag: transaction.idTag.value,
                startedAt: transaction.startedAt,
                energyWh: connector.record.meterWh - Double(transaction.meterStartWh))
        }
        return ConnectorSnapshot(
            id: connector.id, type: connector.hardware.type, cable: connector.hardware.cable,
            hasLock: connector.hardware.hasLock, locked: connector.record.locked,
            lockBroken: connector.record.lockBroken,
            evConnected: connector.record.evConnected, cableInSocket: connector.record.cableInSocket,
            status: status.status, errorCode: status.errorCode, info: status.info ?? connector.record.fault?.info,
            operative: connector.record.operative, session: session, preparingIdTag: connector.preparing?.idTag?.value,
            meterWh: connector.record.meterWh, powerW: connector.powerW, offeredW: offeredPowerW(index),
            maxPowerW: connector.hardware.maxPowerW, limitW: connector.limitW,
            socPercent: connector.record.ev?.socPercent, batteryWh: connector.record.ev?.batteryWh,
            evMaxPowerW: connector.record.ev?.maxPowerW,
            evSuspended: connector.record.ev?.suspended ?? false,
            readings: projected.sampledValues(
                index, config.measurands(.meterValuesSampledData), context: .samplePeriodic),
            stationLimitW: profile.supports(.smartCharging) ? stationLimit(at: wallClock).limitW : nil,
            limitSource: limitSource(index, limitW: connector.limitW))
    }

    /// The profile behind connector `index`'s limit: its own while that is no higher
    /// than the limit it gets, else the station's.
    private func limitSource(_ index: Int, limitW: Double?) -> ChargingLimitSource? {
        guard profile.supports(.smartCharging), let limitW else { return nil }
        let own = connectorLimit(index, at: wallClock)
        if let ownW = own.limitW, ownW <= limitW + 0.5 { return own.source }
        return stationLimit(at: wallClock).source ?? own.source
    }

    /// The configuration as the operator sees it (write-only values masked).
    public var configurationEntries: [ConfigurationEntry] { config.entries(named: []) }

    /// The durable state as the core holds it; equal to what the store has after
    /// applying every `StoreChange` emitted so far (tests check exactly that).
    public var durableState: DurableState {
        var state = DurableState()
        state.configuration = configuration.durableValues
        state.authorizationCache = authorization.cacheEntries
        state.localList = authorization.localList
        state.transactions = transactions.all
        state.messageQueue = Array(outbox.transactionMessages)
        state.connectors = [station.record] + connectors.map(\.record)
        state.reservations = reservations.all
        state.chargingProfiles = chargingProfiles.all
        state.counters = counters.values
        state.firmwareVersion = firmwareVersion
        state.firmwareUpdate = transfers.firmware
        state.diagnosticsUpload = transfers.uploads[.diagnostics]
        state.logUpload = transfers.uploads[.log]
        state.securityLog = securityLog.entries
        state.installedCertificates = certificates
        state.pendingChargePointKey = pendingChargePointKey
        state.chargePointCertificate = chargePointCertificate
        return state
    }
}
