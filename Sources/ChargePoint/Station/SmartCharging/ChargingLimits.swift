/// Smart charging limits (OCPP 1.6 §3.13, §5.16, errata 3.7, 3.34, 3.43–3.45, 3.70).
///
/// A connector's own limit at a moment is its transaction's: the highest-stack TxProfile
/// in force, else the highest-stack TxDefaultProfile, of the connector or of the whole
/// station. The station's limit is the highest-stack ChargePointMaxProfile in force: the
/// limit for all connectors combined (§3.13.3), shared among them by
/// `StationLimitSharing.swift`. A profile is in force within its validity, from its
/// schedule's start for its duration; within it the last period started gives the
/// limit. Limits in amperes become watts with the connector's voltage and phases (never
/// more phases than it has, errata 3.34); a ChargePointMaxProfile's with the station's
/// supply (`supplyWattsPerAmpere`). The limits are recomputed whenever something changes
/// and at the next moment one of them will.
extension StationCore {
    /// What one profile says at a wall-clock time.
    struct ProfileReading {
        var limitW: Double?
        /// When this profile's say next changes.
        var nextChange: Timestamp?
        /// The numberPhases of the period that gives the limit, when it gave one (§7.12),
        /// so that a composite schedule in A reports the limit per phase the central
        /// system set, on the phases it set it for.
        var numberPhases: Int? = nil
        /// The profile that gives the limit, when one does (for the screen: which
        /// profile holds the car back).
        var source: ChargingLimitSource? = nil
    }

    /// Where a profile's limits apply: one connector (TxProfile, TxDefaultProfile), or the
    /// station's supply, shared by all connectors (ChargePointMaxProfile, §3.13.1).
    enum LimitSite {
        case connector(Int)
        case station
    }

    /// The start of the transaction a Relative profile at `site` runs from (§7.9): the
    /// connector's; for the station, the first of the running transactions (the station
    /// has been delivering since). Nil when none runs: a Relative profile is then not in
    /// force.
    func transactionStart(for site: LimitSite) -> Timestamp? {
        switch site {
        case .connector(let index): transactions.active(on: connectors[index].id)?.startedAt
        case .station: transactions.running.map(\.startedAt).min()
        }
    }

    /// `assumedStart`: for a prediction (a composite schedule), when a Relative profile
    /// runs from if no transaction runs yet (a session starting then).
    func reading(
        _ installed: InstalledChargingProfile, at time: Timestamp, site: LimitSite, assumedStart: Timestamp? = nil
    ) -> ProfileReading {
        let profile = installed.profile
        let schedule = profile.chargingSchedule
        if let validFrom = profile.validFrom, time < validFrom { return ProfileReading(nextChange: validFrom) }
        if let validTo = profile.validTo, time >= validTo { return ProfileReading() }
        let transactionStart = transactionStart(for: site) ?? assumedStart
        var start: Timestamp
        var recurrence: Int64?
        switch profile.chargingProfileKind {
        case .absolute:
            start =
                schedule.startSchedule ?? transactionStart ?? profile.validFrom ?? Timestamp(millisecondsSince1970: 0)
        case .relative:
            guard let transactionStart else { return ProfileReading() }
            start = transactionStart
        case .recurring:
            let period: Int64 = profile.recurrencyKind == .weekly ? 604_800_000 : 86_400_000
            let base = schedule.startSchedule ?? profile.validFrom ?? Timestamp(millisecondsSince1970: 0)
            guard time >= base else { return ProfileReading(nextChange: base) }
            start = base.adding(milliseconds: base.milliseconds(until: time) / period * period)
            recurrence = period
        }
        var next: [Timestamp] = []
        if let validTo = profile.validTo { next.append(validTo) }
        if let recurrence { next.append(start.adding(milliseconds: recurrence)) }
        let offset = start.milliseconds(until: time)
        guard offset >= 0 else { return ProfileReading(nextChange: start) }
        if let duration = schedule.duration, offset >= Int64(duration) * 1000 {
            return ProfileReading(nextChange: next.min())
        }
        if let duration = schedule.duration { next.append(start.adding(seconds: duration)) }
        let periods = schedule.chargingSchedulePeriod.sorted { $0.startPeriod < $1.startPeriod }
        guard let current = periods.last(where: { Int64($0.startPeriod) * 1000 <= offset }) else {
            return ProfileReading(nextChange: periods.first.map { start.adding(seconds: $0.startPeriod) })
        }
        if let following = periods.first(where: { Int64($0.startPeriod) * 1000 > offset }) {
            next.append(start.adding(seconds: following.startPeriod))
        }
        let watts = watts(current.limit.value, unit: schedule.chargingRateUnit, phases: current.numberPhases, at: site)
        return ProfileReading(limitW: watts, nextChange: next.min(), numberPhases: current.numberPhases)
    }

    /// Converts a limit to watts at `site`. A, per phase (§7.12): × the voltage × the
    /// phases, numberPhases (3 when absent) but never more than there are (errata 3.34).
    func watts(_ value: Double, unit: ChargingRateUnitType, phases: Int?, at site: LimitSite) -> Double {
        guard unit == .amperes else { return value }
        switch site {
        case .connector(let index):
            let hardware = connectors[index].hardware
            if hardware.currentType == .dc { return value * dcVoltage(connectors[index]) }
            return value * hardware.voltage * Double(min(phases ?? hardware.phases, hardware.phases))
        case .station:
            return value * supplyVoltage * Double(min(phases ?? supplyPhases, supplyPhases))
        }
    }

    /// A power on connector `index` as its current per phase now, A.
    func amperes(_ watts: Double, connector index: Int) -> Double {
        watts / wattsPerAmpere(index)
    }

    /// The highest stack level in force among `profiles` (a connector's own before the
    /// station's on equal levels), and when any of them changes next.
    private func stacked(
        _ profiles: [InstalledChargingProfile], at time: Timestamp, site: LimitSite, assumedStart: Timestamp? = nil
    ) -> ProfileReading {
        let ordered = profiles.sorted {
            ($0.profile.stackLevel, $0.connector) > ($1.profile.stackLevel, $1.connector)
        }
        var result = ProfileReading()
        var changes: [Timestamp] = []
        for installed in ordered {
            let reading = reading(installed, at: time, site: site, assumedStart: assumedStart)
            if let change = reading.nextChange { changes.append(change) }
            if result.limitW == nil, let limit = reading.limitW {
                result.limitW = limit
                result.numberPhases = reading.numberPhases
                result.source = ChargingLimitSource(
                    profileId: installed.profile.chargingProfileId, purpose: installed.profile.chargingProfilePurpose)
            }
        }
        result.nextChange = changes.min()
        return result
    }

    /// Connector `index`'s own limit at `time` (wall clock), W: its transaction's
    /// TxProfile, else the TxDefaultProfile (§3.13.1). Nil when none is in force.
    func connectorLimit(_ index: Int, at time: Timestamp) -> ProfileReading {
        let id = connectors[index].id
        let transaction = transactions.active(on: id)
        let txProfiles = chargingProfiles.txProfiles(transaction: transaction?.number)
        let defaults = chargingProfiles.txDefaultProfiles(connector: id)
        let tx = stacked(txProfiles, at: time, site: .connector(index))
        let fallback = stacked(defaults, at: time, site: .connector(index))
        return ProfileReading(
            limitW: tx.limitW ?? fallback.limitW,
            nextChange: [tx.nextChange, fallback.nextChange].compactMap { $0 }.min(),
            numberPhases: tx.limitW != nil ? tx.numberPhases : fallback.numberPhases,
            source: tx.limitW != nil ? tx.source : fallback.source)
    }

    /// The station's limit at `time` (wall clock), W, for all connectors combined: the
    /// ChargePointMaxProfile in force (§3.13.1, §3.13.3). Nil when none is.
    /// `assumedStart`: see `reading`.
    func stationLimit(at time: Timestamp, assumedStart: Timestamp? = nil) -> ProfileReading {
        stacked(chargingProfiles.chargePointMaxProfiles, at: time, site: .station, assumedStart: assumedStart)
    }

    /// The limit on connector `index` alone at `time` (wall clock), W: the lowest of its
    /// own and the station's (§3.13.3, "taking the minimum value for each time
    /// interval"), as its composite schedule reports it (§5.7). What it may draw now also
    /// depends on the others: `StationLimitSharing.swift`.
    /// `assumedStart`: for the station's limit, see `reading`.
    func chargingLimit(connector index: Int, at time: Timestamp, assumedStart: Timestamp? = nil) -> ProfileReading {
        let own = connectorLimit(index, at: time)
        let station = stationLimit(at: time, assumedStart: assumedStart)
        let stationBinds = station.limitW.map { $0 < (own.limitW ?? .infinity) } ?? false
        return ProfileReading(
            limitW: [own.limitW, station.limitW].compactMap { $0 }.min(),
            nextChange: [own.nextChange, station.nextChange].compactMap { $0 }.min(),
            numberPhases: stationBinds ? station.numberPhases : own.numberPhases)
    }

    /// Re-shares the power after the limits changed, and arms the next change.
    mutating func applyChargingLimits() {
        guard profile.supports(.smartCharging) else { return }
        shareStationPower()
        var changes = [stationLimit(at: wallClock).nextChange]
        for index in connectors.indices { changes.append(connectorLimit(index, at: wallClock).nextChange) }
        if let next = changes.compactMap({ $0 }).filter({ $0 > wallClock }).min() {
            schedule(.chargingLimitChange, at: clock.stationTime(at: next))
        } else {
            cancel(.chargingLimitChange)
        }
    }

    /// Carries out what a change to the installed profiles requires, in order.
    mutating func apply(_ actions: [ChargingProfileStore.Action]) {
        for action in actions {
            switch action {
            case .persist(let change): persist(change)
            case .notice(let text): notice(text)
            case .limitsChanged: applyChargingLimits()
            }
        }
    }

    /// The TxProfile a RemoteStartTransaction carried, for the transaction it started.
    mutating func installTransactionProfile(_ chargingProfile: ChargingProfile, connector: Int, transaction: Int64) {
        apply(
            chargingProfiles.installTransactionProfile(
                InstalledChargingProfile(connector: connector, profile: chargingProfile, transaction: transaction)))
    }

    /// TxProfiles end with their transaction (§3.13.1).
    mutating func removeTransactionProfiles(transaction: Int64) {
        apply(chargingProfiles.removeTransactionProfiles(transaction: transaction))
    }

    /// Why a schedule cannot be used by this station, or nil (§5.16, errata 3.45, 3.88).
    func chargingScheduleProblem(_ schedule: ChargingSchedule) -> String? {
        let periods = schedule.chargingSchedulePeriod
        guard let first = periods.first else { return "the schedule has no periods" }
        guard first.startPeriod == 0 else { return "the first period must start at 0 (errata 3.45)" }
        for (earlier, later) in zip(periods, periods.dropFirst()) where later.startPeriod <= earlier.startPeriod {
            return "periods must start in increasing order"
        }
        if let maximum = config.int(.chargingScheduleMaxPeriods), periods.count > maximum {
            return "\(periods.count) periods, ChargingScheduleMaxPeriods is \(maximum)"
        }
        let allowed = config.list(.chargingScheduleAllowedChargingRateUnit)
        let unitName = schedule.chargingRateUnit == .amperes ? "Current" : "Power"
        if !allowed.isEmpty, !allowed.contains(unitName) {
            return
                "chargingRateUnit \(schedule.chargingRateUnit.rawValue) is not allowed (\(allowed.joined(separator: ",")))"
        }
        if periods.contains(where: { $0.limit.tenths < 0 }) { return "a limit is negative" }
        if periods.contains(where: { ($0.numberPhases ?? 3) < 1 || ($0.numberPhases ?? 3) > 3 }) {
            return "numberPhases must be 1 to 3"
        }
        if let duration = schedule.duration, duration < 0 { return "the duration is negative" }
        return nil
    }
}
