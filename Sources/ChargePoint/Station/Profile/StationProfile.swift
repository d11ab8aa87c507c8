/// A station as it leaves the factory: identity, hardware, supported feature profiles
/// and the initial value of every configuration key (DESIGN.md "Station profiles").
/// Loaded from `Assets/stations/*.toml` by `StationProfileLoader`, validated in full.
public struct StationProfile: Sendable, Equatable {
    public var name: String
    public var identity: StationIdentity
    public var connectors: [ConnectorHardware]
    public var rfidReaders: Int
    /// The OCPP 1.6 feature profiles supported (always including Core), plus
    /// `.security` when the security extension is implemented.
    public var featureProfiles: Set<FeatureProfile>
    /// Initial configuration values by key name. Exactly the keys the station supports:
    /// an optional key left out is a feature the station does not have (OCPP 1.6 §9).
    public var configuration: [String: String]
    /// Keys whose accessibility the specification leaves to the implementation
    /// ("R or RW"), made read-only here.
    public var readOnlyKeys: Set<String>
    /// Measurands the meters can deliver; configuration lists are checked against them
    /// (OCPP 1.6 §3.16.4).
    public var measurands: [Measurand]
    public var ev: EVDefaults
    /// What an open transaction becomes after a power cut.
    public var powerLoss: PowerLossBehaviour
    /// How long a reboot (Reset) keeps the station dark, s: the link closes after the
    /// Reset.conf and the new BootNotification comes this much later, as on a real
    /// station (`[behaviour] reboot-seconds`).
    public var rebootSeconds: Int
    /// How many transaction messages the station's storage is built to hold while the
    /// central system cannot take them (`[behaviour] queue-capacity`): the budget
    /// MemoryExhaustion is measured against (`Security/MemoryExhaustion.swift`). Nothing
    /// is dropped past it (OCPP 1.6 §3.7: transaction messages are delivered).
    public var queueCapacity: Int

    public enum PowerLossBehaviour: String, Sendable, Equatable {
        /// Stop it with reason PowerLoss once the station is back (the common case, no
        /// back-up power).
        case stop
        /// Resume it: the transaction carries on after the boot.
        case resume
    }

    public init(
        name: String, identity: StationIdentity, connectors: [ConnectorHardware], rfidReaders: Int = 1,
        featureProfiles: Set<FeatureProfile>, configuration: [String: String], readOnlyKeys: Set<String> = [],
        measurands: [Measurand], ev: EVDefaults = EVDefaults(), powerLoss: PowerLossBehaviour = .stop,
        rebootSeconds: Int = StationProfile.defaultRebootSeconds,
        queueCapacity: Int = StationProfile.defaultQueueCapacity
    ) {
        self.name = name
        self.identity = identity
        self.connectors = connectors
        self.rfidReaders = rfidReaders
        self.featureProfiles = featureProfiles.union([.core])
        self.configuration = configuration
        self.readOnlyKeys = readOnlyKeys
        self.measurands = measurands
        self.ev = ev
        self.powerLoss = powerLoss
        self.rebootSeconds = rebootSeconds
        self.queueCapacity = queueCapacity
    }

    public static let defaultRebootSeconds = 3
    /// About a day offline of two connectors sampling five measurands every 30 s while
    /// charging, or one sampling every 10 s (the JST-CON-03's interval).
    public static let defaultQueueCapacity = 10_000

    public func supports(_ profile: FeatureProfile) -> Bool { featureProfiles.contains(profile) }
}

/// Who the station is: exactly the fields of BootNotification.req (OCPP 1.6 §6.3), with
/// their limits, so the profile and the message cannot drift apart. The profile's names
/// (`vendor`, `model`, `serialNumber`) read the payload's.
public typealias StationIdentity = BootNotificationRequest

extension BootNotificationRequest {
    public init(
        vendor: CiString20, model: CiString20, serialNumber: CiString25? = nil,
        chargeBoxSerialNumber: CiString25? = nil,
        firmwareVersion: CiString50? = nil, iccid: CiString20? = nil, imsi: CiString20? = nil,
        meterType: CiString25? = nil, meterSerialNumber: CiString25? = nil
    ) {
        self.init(
            chargePointVendor: vendor, chargePointModel: model, chargePointSerialNumber: serialNumber,
            chargeBoxSerialNumber: chargeBoxSerialNumber, firmwareVersion: firmwareVersion, iccid: iccid, imsi: imsi,
            meterType: meterType, meterSerialNumber: meterSerialNumber)
    }

    public var vendor: CiString20 { chargePointVendor }
    public var model: CiString20 { chargePointModel }
    public var serialNumber: CiString25? { chargePointSerialNumber }
}

/// One connector's hardware.
public struct ConnectorHardware: Sendable, Equatable {
    public enum Cable: String, Sendable, Equatable {
        /// A socket: the EV brings the cable; it may be locked in.
        case socket
        /// A cable fixed to the station; nothing to lock or unlock.
        case fixed
    }

    public enum CurrentType: String, Sendable, Equatable { case ac = "AC", dc = "DC" }

    public var id: Int
    /// The plug standard, as shown to the operator: "Type2", "CCS2", "CHAdeMO", …
    public var type: String
    public var cable: Cable
    /// Whether a socket has a cable lock (a fixed cable never has one).
    public var hasLock: Bool
    public var currentType: CurrentType
    /// Phases used for AC (1 or 3); ignored for DC.
    public var phases: Int
    /// Nominal voltage: phase-to-neutral for AC, the DC link voltage for DC.
    public var voltage: Double
    public var maxCurrent: Double
    public var maxPowerW: Double

    public init(
        id: Int, type: String, cable: Cable, hasLock: Bool, currentType: CurrentType, phases: Int, voltage: Double,
        maxCurrent: Double, maxPowerW: Double
    ) {
        self.id = id
        self.type = type
        self.cable = cable
        self.hasLock = cable == .socket && hasLock
        self.currentType = currentType
        self.phases = currentType == .dc ? 1 : phases
        self.voltage = voltage
        self.maxCurrent = maxCurrent
        self.maxPowerW = maxPowerW
    }
}

/// The virtual EV that `plug` connects.
public struct EVDefaults: Sendable, Equatable {
    public var batteryWh: Double = 60_000
    public var initialSoC: Double = 30
    public var maxPowerACW: Double = 11_000
    public var maxPowerDCW: Double = 50_000

    public init(
        batteryWh: Double = 60_000, initialSoC: Double = 30, maxPowerACW: Double = 11_000, maxPowerDCW: Double = 50_000
    ) {
        self.batteryWh = batteryWh
        self.initialSoC = initialSoC
        self.maxPowerACW = maxPowerACW
        self.maxPowerDCW = maxPowerDCW
    }
}
