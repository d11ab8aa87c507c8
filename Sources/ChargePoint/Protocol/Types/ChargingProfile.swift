/// OCPP 1.6 §7.8: a charging profile with its schedule.
public struct ChargingProfile: Codable, Sendable, Hashable {
    public var chargingProfileId: Int
    public var transactionId: Int?
    public var stackLevel: Int
    public var chargingProfilePurpose: ChargingProfilePurposeType
    public var chargingProfileKind: ChargingProfileKindType
    public var recurrencyKind: RecurrencyKindType?
    public var validFrom: Timestamp?
    public var validTo: Timestamp?
    public var chargingSchedule: ChargingSchedule

    public init(
        chargingProfileId: Int, transactionId: Int? = nil, stackLevel: Int,
        chargingProfilePurpose: ChargingProfilePurposeType, chargingProfileKind: ChargingProfileKindType,
        recurrencyKind: RecurrencyKindType? = nil, validFrom: Timestamp? = nil, validTo: Timestamp? = nil,
        chargingSchedule: ChargingSchedule
    ) {
        self.chargingProfileId = chargingProfileId
        self.transactionId = transactionId
        self.stackLevel = stackLevel
        self.chargingProfilePurpose = chargingProfilePurpose
        self.chargingProfileKind = chargingProfileKind
        self.recurrencyKind = recurrencyKind
        self.validFrom = validFrom
        self.validTo = validTo
        self.chargingSchedule = chargingSchedule
    }
}

/// OCPP 1.6 §7.13.
public struct ChargingSchedule: Codable, Sendable, Hashable {
    public var duration: Int?
    public var startSchedule: Timestamp?
    public var chargingRateUnit: ChargingRateUnitType
    public var chargingSchedulePeriod: [ChargingSchedulePeriod]
    public var minChargingRate: ChargingRate?

    public init(
        duration: Int? = nil, startSchedule: Timestamp? = nil, chargingRateUnit: ChargingRateUnitType,
        chargingSchedulePeriod: [ChargingSchedulePeriod], minChargingRate: ChargingRate? = nil
    ) {
        self.duration = duration
        self.startSchedule = startSchedule
        self.chargingRateUnit = chargingRateUnit
        self.chargingSchedulePeriod = chargingSchedulePeriod
        self.minChargingRate = minChargingRate
    }
}

/// OCPP 1.6 §7.14.
public struct ChargingSchedulePeriod: Codable, Sendable, Hashable {
    public var startPeriod: Int
    public var limit: ChargingRate
    public var numberPhases: Int?

    public init(startPeriod: Int, limit: ChargingRate, numberPhases: Int? = nil) {
        self.startPeriod = startPeriod
        self.limit = limit
        self.numberPhases = numberPhases
    }
}

/// OCPP 1.6 §7.10.
public enum ChargingProfilePurposeType: String, OCPPEnumeration {
    case chargePointMaxProfile = "ChargePointMaxProfile"
    case txDefaultProfile = "TxDefaultProfile"
    case txProfile = "TxProfile"
}

/// OCPP 1.6 §7.9.
public enum ChargingProfileKindType: String, OCPPEnumeration {
    case absolute = "Absolute"
    case recurring = "Recurring"
    case relative = "Relative"
}

/// OCPP 1.6 §7.37.
public enum RecurrencyKindType: String, OCPPEnumeration {
    case daily = "Daily"
    case weekly = "Weekly"
}

/// OCPP 1.6 §7.12: amperes or watts.
public enum ChargingRateUnitType: String, OCPPEnumeration {
    case amperes = "A"
    case watts = "W"
}
