/// GetCompositeSchedule (OCPP 1.6 §5.7, errata 3.24, 3.28–3.30, 3.51, 3.57): the limits
/// from now to now + duration as one schedule, in the unit asked for (or the first
/// allowed), taking every profile and the connector's rating (`ratingW`) into account.
/// An unknown connector, or a unit ChargingScheduleAllowedChargingRateUnit does not
/// allow, is Rejected.
///
/// For a connector: the lowest of its own limit, the station's ChargePointMaxProfile and
/// its rating (§3.13.3), in A per phase at its voltage. For connector 0, "the total
/// expected power or current the Charge Point expects to consume from the grid" (errata
/// 3.30): what the connectors could take together, but never more than the
/// ChargePointMaxProfile, "the limit for all connectors combined" (§3.13.3); in A, per
/// phase of the station's supply. A limit is a maximum: it is rounded down to the 0.1
/// the schedule can carry, never up past the rating or the station's limit.
extension StationCore {
    mutating func getCompositeSchedule(_ request: GetCompositeScheduleRequest) -> GetCompositeScheduleResponse {
        let rejected = GetCompositeScheduleResponse(status: .rejected)
        let allowed = config.list(.chargingScheduleAllowedChargingRateUnit)
        let unit = request.chargingRateUnit ?? (allowed.first == "Power" ? .watts : .amperes)
        let unitName = unit == .amperes ? "Current" : "Power"
        guard request.duration > 0, allowed.isEmpty || allowed.contains(unitName) else { return rejected }
        guard request.connectorId == 0 || index(of: request.connectorId) != nil else { return rejected }
        let start = wallClock
        let end = start.adding(seconds: request.duration)
        var periods: [ChargingSchedulePeriod] = []
        var time = start
        while time < end {
            let (total, change, phases) = compositeLimit(
                connector: request.connectorId, unit: unit, at: time, schedulingFrom: start)
            let limit = ChargingRate(roundingDown: total)
            if periods.last?.limit != limit || periods.last?.numberPhases != phases {
                periods.append(
                    ChargingSchedulePeriod(
                        startPeriod: Int(start.milliseconds(until: time) / 1000), limit: limit, numberPhases: phases))
            }
            time = min(end, change ?? end)
        }
        let schedule = ChargingSchedule(
            duration: request.duration, startSchedule: start, chargingRateUnit: unit, chargingSchedulePeriod: periods)
        return GetCompositeScheduleResponse(
            status: .accepted, connectorId: request.connectorId, scheduleStart: start, chargingSchedule: schedule)
    }

    /// The composite limit of connector `id` (0: the station) at `time` in `unit`, and
    /// when it may change next. A Relative ChargePointMaxProfile with no transaction
    /// running is taken to run from `schedulingFrom`, the schedule's start: should a
    /// session start, the station stays within it (§3.13.3), so no composite — the
    /// station's or a connector's — promises more.
    /// In A, a limit the central system set for fewer phases than the site has is given
    /// per phase on those phases, with numberPhases (§7.12): 16 A on one phase stays
    /// 16 A, numberPhases 1, not 5.3 A on three.
    private func compositeLimit(
        connector id: Int, unit: ChargingRateUnitType, at time: Timestamp, schedulingFrom: Timestamp
    ) -> (limit: Double, nextChange: Timestamp?, numberPhases: Int?) {
        if let index = index(of: id) {
            let reading = chargingLimit(connector: index, at: time, assumedStart: schedulingFrom)
            let watts = min(reading.limitW ?? .infinity, ratingW(index))
            let next = reading.nextChange.flatMap { $0 > time ? $0 : nil }
            let hardware = connectors[index].hardware
            if unit == .amperes, hardware.currentType == .ac, let phases = reading.numberPhases,
                phases < hardware.phases, watts == reading.limitW
            {
                return (watts / hardware.voltage / Double(phases), next, phases)
            }
            return (unit == .watts ? watts : amperes(watts, connector: index), next, nil)
        }
        var total = 0.0
        var changes: [Timestamp?] = []
        for index in connectors.indices {
            let own = connectorLimit(index, at: time)
            total += min(own.limitW ?? .infinity, ratingW(index))
            changes.append(own.nextChange)
        }
        let station = stationLimit(at: time, assumedStart: schedulingFrom)
        changes.append(station.nextChange)
        let watts = max(0, min(total, station.limitW ?? .infinity))
        let next = changes.compactMap { $0 }.filter { $0 > time }.min()
        if unit == .amperes, let phases = station.numberPhases, phases < supplyPhases, watts == station.limitW {
            return (watts / supplyVoltage / Double(phases), next, phases)
        }
        return (unit == .watts ? watts : watts / supplyWattsPerAmpere, next, nil)
    }
}

extension ChargingRate {
    /// The representable rate at or just below `value` (a thousandth of a tenth of slack
    /// absorbs binary noise: 16.000000001 A is 16.0 A).
    init(roundingDown value: Double) {
        self.init(tenths: Int64((value * 10 + 1e-6).rounded(.down)))
    }
}
