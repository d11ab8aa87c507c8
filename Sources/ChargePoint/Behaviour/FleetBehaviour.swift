/// What each station of a fleet does on its own (`--fleet-behaviour FILE`, issue 15):
/// EVs arrive, charge and leave, connectors fault and recover, links drop and come back.
/// Read from TOML by `FleetBehaviourLoader`; carried out by one `StationBehaviour` per
/// station. Every rate is per station; every duration names its unit.
public struct FleetBehaviour: Sendable, Equatable {
    /// EVs arriving at the station, per hour (a Poisson process: exponential gaps). An EV
    /// takes a connector that is Available, chosen at random; with none it drives on.
    public var arrivalsPerHour: Double
    /// How long an EV stays plugged in, min: from the plug to the unplug.
    public var stayMinutes: BehaviourDistribution
    /// The energy the EV wants, kWh: it draws at full power (the smaller of the
    /// connector's and the profile's EV maximum) until it has it, then stops drawing
    /// (SuspendedEV) and waits for its driver.
    public var energyKWh: BehaviourDistribution
    /// From the plug to the card at the reader, s (the swipe path).
    public var swipeDelaySeconds: BehaviourDistribution
    /// From the end of the transaction to the unplug, s.
    public var leaveDelaySeconds: BehaviourDistribution
    /// The share of arrivals (0–1) whose driver starts from an app: the EV plugs in and
    /// waits `remoteStartTimeoutSeconds` for the central system's RemoteStartTransaction
    /// (the station cannot ask for one: the app asks the central system); when none came,
    /// the driver swipes a card instead.
    public var remoteStartShare: Double
    public var remoteStartTimeoutSeconds: Double
    /// The cards drivers present, one drawn at random per arrival.
    public var idTags: [String]
    /// Connector faults, per day: a connector drawn at random, one of `faultCodes`,
    /// cleared after `faultMinutes`.
    public var faultsPerDay: Double
    public var faultMinutes: BehaviourDistribution
    public var faultCodes: [ChargePointErrorCode]
    /// Periods offline (the link cut, `offline`), per day, each `offlineMinutes` long.
    public var offlinePerDay: Double
    public var offlineMinutes: BehaviourDistribution

    public init(
        arrivalsPerHour: Double = 0, stayMinutes: BehaviourDistribution = Self.defaultStay,
        energyKWh: BehaviourDistribution = Self.defaultEnergy,
        swipeDelaySeconds: BehaviourDistribution = Self.defaultSwipeDelay,
        leaveDelaySeconds: BehaviourDistribution = Self.defaultLeaveDelay, remoteStartShare: Double = 0,
        remoteStartTimeoutSeconds: Double = Self.defaultRemoteStartTimeout, idTags: [String] = Self.defaultIdTags,
        faultsPerDay: Double = 0, faultMinutes: BehaviourDistribution = Self.defaultFaultMinutes,
        faultCodes: [ChargePointErrorCode] = Self.defaultFaultCodes, offlinePerDay: Double = 0,
        offlineMinutes: BehaviourDistribution = Self.defaultOfflineMinutes
    ) {
        self.arrivalsPerHour = arrivalsPerHour
        self.stayMinutes = stayMinutes
        self.energyKWh = energyKWh
        self.swipeDelaySeconds = swipeDelaySeconds
        self.leaveDelaySeconds = leaveDelaySeconds
        self.remoteStartShare = remoteStartShare
        self.remoteStartTimeoutSeconds = remoteStartTimeoutSeconds
        self.idTags = idTags
        self.faultsPerDay = faultsPerDay
        self.faultMinutes = faultMinutes
        self.faultCodes = faultCodes
        self.offlinePerDay = offlinePerDay
        self.offlineMinutes = offlineMinutes
    }

    // The defaults of a key the file leaves out (README "Fleet behaviour").
    public static let defaultStay = BehaviourDistribution.logNormal(mean: 60, spread: 45, min: 5, max: 600)
    public static let defaultEnergy = BehaviourDistribution.logNormal(mean: 15, spread: 10, min: 1, max: 80)
    public static let defaultSwipeDelay = BehaviourDistribution.uniform(min: 5, max: 60)
    public static let defaultLeaveDelay = BehaviourDistribution.uniform(min: 10, max: 120)
    public static let defaultRemoteStartTimeout = 120.0
    public static let defaultIdTags = ["VALID1"]
    public static let defaultFaultMinutes = BehaviourDistribution.logNormal(mean: 20, spread: 30, min: 1, max: 1440)
    public static let defaultFaultCodes: [ChargePointErrorCode] = [
        .groundFailure, .overCurrentFailure, .powerMeterFailure, .highTemperature, .otherError,
    ]
    public static let defaultOfflineMinutes = BehaviourDistribution.logNormal(mean: 10, spread: 20, min: 0.5, max: 720)
}
