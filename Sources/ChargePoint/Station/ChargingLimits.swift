/// Smart charging limits (OCPP 1.6 §3.13, §5.16, errata 3.7, 3.34, 3.43–3.45, 3.70).
///
/// The limit on a connector at a moment is the lowest of: its transaction's limit
/// (the highest-stack TxProfile in force, else the highest-stack TxDefaultProfile, of
/// the connector or of the whole station) and the station's ChargePointMaxProfile. A
/// profile is in force within its validity, from its schedule's start for its duration;
/// within it the last period started gives the limit. Limits in amperes become watts
/// with the connector's voltage and phases (never more phases than it has, errata
/// 3.34). The limits are recomputed whenever something changes and at the next moment
/// one of them will.
extension StationCore {
    /// What one profile says at a wall-clock time.
    struct ProfileReading {
        var limitW: Double?
        /// When this profile's say next changes.
        var nextChange: Timestamp?
    }

    func reading(_ installed: InstalledChargingProfile, at time: Timestamp, connector index: Int) -> ProfileReading {
        let profile = installed.profile
        let schedule = profile.chargingSchedule
        if let validFrom = profile.validFrom, time < validFrom { return ProfileReading(nextChange: validFrom) }
        if let validTo = profile.validTo, time >= validTo { return ProfileReading() }
        let transactionStart = activeTransaction(on: connectors[index].id)?.startedAt
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
        let watts = watts(
            current.limit.value, unit: schedule.chargingRateUnit, phases: current.numberPhases, connector: index)
        return ProfileReading(limitW: watts, nextChange: next.min())
    }

    /// Converts a limit to watts on connector `index`.
    func watts(_ value: Double, unit: ChargingRateUnitType, phases: Int?, connector index: Int) -> Double {
        guard unit == .amperes else { return value }
        let hardware = connectors[index].hardware
        if hardware.currentType == .dc { return value * dcVoltage(connectors[index]) }
        return value * hardware.voltage * Double(min(phases ?? hardware.phases, hardware.phases))
    }

    /// A power on connector `index` as its current per phase now, A.
    func amperes(_ watts: Double, connector index: Int) -> Double {
        watts / wattsPerAmpere(index)
    }

    /// The highest stack level in force among `profiles` (a connector's own before the
    /// station's on equal levels), and when any of them changes next.
    private func stacked(_ profiles: [InstalledChargingProfile], at time: Timestamp, connector index: Int)
        -> ProfileReading
    {
        let ordered = profiles.sorted {
            ($0.profile.stackLevel, $0.connector) > ($1.profile.stackLevel, $1.connector)
        }
        var result = ProfileReading()
        var changes: [Timestamp] = []
        for installed in ordered {
            let reading = reading(installed, at: time, connector: index)
            if let change = reading.nextChange { changes.append(change) }
            if result.limitW == nil, let limit = reading.limitW { result.limitW = limit }
        }
        result.nextChange = changes.min()
        return result
    }

    /// The limit on connector `index` at `time` (wall clock), W.
    func chargingLimit(connector index: Int, at time: Timestamp) -> ProfileReading {
        let id = connectors[index].id
        let transaction = activeTransaction(on: id)
        let txProfiles = chargingProfiles.filter {
            $0.profile.chargingProfilePurpose == .txProfile && $0.transaction != nil
                && $0.transaction == transaction?.number
        }
        let defaults = chargingProfiles.filter {
            $0.profile.chargingProfilePurpose == .txDefaultProfile && ($0.connector == id || $0.connector == 0)
        }
        let maxima = chargingProfiles.filter { $0.profile.chargingProfilePurpose == .chargePointMaxProfile }
        let tx = stacked(txProfiles, at: time, connector: index)
        let fallback = stacked(defaults, at: time, connector: index)
        let station = stacked(maxima, at: time, connector: index)
        let transactionLimit = tx.limitW ?? fallback.limitW
        let limits = [transactionLimit, station.limitW].compactMap { $0 }
        let changes = [tx.nextChange, fallback.nextChange, station.nextChange].compactMap { $0 }
        return ProfileReading(limitW: limits.min(), nextChange: changes.min())
    }

    /// Recomputes every connector's limit now and arms the next change.
    mutating func applyChargingLimits() {
        guard profile.supports(.smartCharging) else { return }
        var next: Timestamp?
        for index in connectors.indices {
            let reading = chargingLimit(connector: index, at: wallClock)
            if connectors[index].limitW != reading.limitW {
                connectors[index].limitW = reading.limitW
                updatePower(index)
                refreshStatus(connectors[index].id)
            }
            if let change = reading.nextChange, change > wallClock { next = min(next ?? change, change) }
        }
        if let next {
            schedule(.chargingLimitChange, at: next.adding(milliseconds: -clockOffset))
        } else {
            cancel(.chargingLimitChange)
        }
    }

    /// The TxProfile a RemoteStartTransaction carried, for the transaction it started.
    mutating func installTransactionProfile(_ chargingProfile: ChargingProfile, connector: Int, transaction: Int64) {
        let installed = InstalledChargingProfile(
            connector: connector, profile: chargingProfile, transaction: transaction)
        chargingProfiles.removeAll { $0.profile.chargingProfileId == chargingProfile.chargingProfileId }
        chargingProfiles.append(installed)
        persist(.chargingProfile(installed))
        applyChargingLimits()
    }

    /// TxProfiles end with their transaction (§3.13.1).
    mutating func removeTransactionProfiles(transaction: Int64) {
        let ended = chargingProfiles.filter { $0.transaction == transaction }
        guard !ended.isEmpty else { return }
        chargingProfiles.removeAll { $0.transaction == transaction }
        for installed in ended { persist(.chargingProfileRemoved(id: installed.profile.chargingProfileId)) }
        applyChargingLimits()
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
