/// GetCompositeSchedule (OCPP 1.6 §5.7, errata 3.24, 3.28–3.30, 3.51, 3.57): the limits
/// from now to now + duration as one schedule, in the unit asked for (or the first
/// allowed), taking every profile and the connector's rating (`ratingW`) into account.
/// For connector 0, the total the station expects to draw. A limit is a maximum: it is
/// rounded down to the 0.1 the schedule can carry, never up above the rating. An unknown connector, or a
/// unit ChargingScheduleAllowedChargingRateUnit does not allow, is Rejected.
extension StationCore {
    mutating func getCompositeSchedule(_ request: GetCompositeScheduleRequest) -> GetCompositeScheduleResponse {
        let rejected = GetCompositeScheduleResponse(status: .rejected)
        let allowed = config.list(.chargingScheduleAllowedChargingRateUnit)
        let unit = request.chargingRateUnit ?? (allowed.first == "Power" ? .watts : .amperes)
        let unitName = unit == .amperes ? "Current" : "Power"
        guard request.duration > 0, allowed.isEmpty || allowed.contains(unitName) else { return rejected }
        let indices: [Int]
        if request.connectorId == 0 {
            indices = Array(connectors.indices)
        } else if let index = index(of: request.connectorId) {
            indices = [index]
        } else {
            return rejected
        }
        let start = wallClock
        let end = start.adding(seconds: request.duration)
        var periods: [ChargingSchedulePeriod] = []
        var time = start
        while time < end {
            var total = 0.0
            var next = end
            for index in indices {
                let reading = chargingLimit(connector: index, at: time)
                let watts = min(reading.limitW ?? .infinity, ratingW(index))
                total += unit == .watts ? watts : amperes(watts, connector: index)
                if let change = reading.nextChange, change > time { next = min(next, change) }
            }
            let limit = ChargingRate(roundingDown: total)
            if periods.last?.limit != limit {
                periods.append(
                    ChargingSchedulePeriod(startPeriod: Int(start.milliseconds(until: time) / 1000), limit: limit))
            }
            time = next
        }
        let schedule = ChargingSchedule(
            duration: request.duration, startSchedule: start, chargingRateUnit: unit, chargingSchedulePeriod: periods)
        return GetCompositeScheduleResponse(
            status: .accepted, connectorId: request.connectorId, scheduleStart: start, chargingSchedule: schedule)
    }
}

extension ChargingRate {
    /// The representable rate at or just below `value` (a thousandth of a tenth of slack
    /// absorbs binary noise: 16.000000001 A is 16.0 A).
    init(roundingDown value: Double) {
        self.init(tenths: Int64((value * 10 + 1e-6).rounded(.down)))
    }
}
