/// What the operator asks the embedded demo central system to send the station (issue
/// 14, `csms …` on the `:` line, in scripts and headless): one CALL of OCPP 1.6 chapter
/// 5 each, built by `DemoCentralSystem` from its own state (the running transactions,
/// the list version, the reservation and profile ids). The engine only parses these;
/// the station hears them as any central system's CALL.
public enum CentralSystemCommand: Sendable, Equatable {
    /// Reset (§5.14).
    case reset(ResetType)
    /// ChangeAvailability (§5.2); connector 0 is the whole station.
    case availability(connector: Int, AvailabilityType)
    /// UnlockConnector (§5.18).
    case unlock(connector: Int)
    /// GetConfiguration (§5.8); no keys: every key.
    case getConfiguration(keys: [String])
    /// ChangeConfiguration (§5.3).
    case setConfiguration(key: String, value: String)
    /// ClearCache (§5.4).
    case clearCache
    /// TriggerMessage (§5.17).
    case trigger(MessageTrigger, connector: Int?)
    /// RemoteStartTransaction (§5.11), with a TxProfile of `limit` when given (§5.11,
    /// §3.13.2: a profile of purpose TxProfile without a transactionId).
    case remoteStart(idTag: String, connector: Int?, limit: PowerOrCurrent?)
    /// RemoteStopTransaction (§5.12): a number that is one of the station's connectors
    /// (as its StatusNotifications told the demo) means the transaction running there
    /// only — refused when none runs; any other number is a transactionId.
    case remoteStop(connectorOrTransaction: Int)
    /// SetChargingProfile (§5.16): a TxProfile on the connector's running transaction, or
    /// a TxDefaultProfile when none runs; for `seconds`, else open-ended.
    case limit(connector: Int, PowerOrCurrent, seconds: Int?)
    /// SetChargingProfile (§5.16, §3.13.1): a ChargePointMaxProfile on connector 0.
    case stationLimit(kilowatts: Double)
    /// ClearChargingProfile (§5.5) without criteria: every profile the station holds.
    case clearLimits
    /// GetCompositeSchedule (§5.7).
    case composite(connector: Int, seconds: Int)
    /// ReserveNow (§5.13), expiring `seconds` from now; the reservation id is the
    /// central system's next one.
    case reserve(connector: Int, idTag: String, seconds: Int)
    /// CancelReservation (§5.1).
    case cancelReservation(id: Int)
    /// SendLocalList (§5.15): entries `idTag` (Accepted, or the demo card's status),
    /// `idTag:Status`, and in a differential update `-idTag` (removed).
    case localList(UpdateType, entries: [String])
    /// DataTransfer (§5.6) from the central system.
    case dataTransfer(vendorId: String, messageId: String?, data: String?)
    /// UpdateFirmware (§5.19) of an image the demo serves itself: after the install the
    /// station runs `version`.
    case updateFirmware(version: String)
    /// GetDiagnostics (§5.9) to an upload location the demo serves itself.
    case getDiagnostics
    /// Any CALL of the central system, its payload checked against the schema first.
    case send(action: String, payload: String)
}

extension CentralSystemCommand {
    /// The action of the CALL it sends (for a picker or a log line); `send`'s when it
    /// names one.
    public var action: Action? {
        switch self {
        case .reset: .reset
        case .availability: .changeAvailability
        case .unlock: .unlockConnector
        case .getConfiguration: .getConfiguration
        case .setConfiguration: .changeConfiguration
        case .clearCache: .clearCache
        case .trigger: .triggerMessage
        case .remoteStart: .remoteStartTransaction
        case .remoteStop: .remoteStopTransaction
        case .limit, .stationLimit: .setChargingProfile
        case .clearLimits: .clearChargingProfile
        case .composite: .getCompositeSchedule
        case .reserve: .reserveNow
        case .cancelReservation: .cancelReservation
        case .localList: .sendLocalList
        case .dataTransfer: .dataTransfer
        case .updateFirmware: .updateFirmware
        case .getDiagnostics: .getDiagnostics
        case .send(let name, _): Action(caseInsensitive: name)
        }
    }
}

/// A charging limit as the operator writes it: `7.4` or `7.4kW` (sent in W), `16A`.
public struct PowerOrCurrent: Sendable, Equatable {
    public var value: Double
    public var unit: ChargingRateUnitType

    public init(_ value: Double, _ unit: ChargingRateUnitType) {
        (self.value, self.unit) = (value, unit)
    }

    /// As a schedule's limit: kW become W.
    public var rate: ChargingRate {
        ChargingRate(rounding: unit == .watts ? value * 1000 : value)
    }
}
