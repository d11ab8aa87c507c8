/// GetCompositeSchedule (OCPP 1.6 §5.7, errata 3.24, 3.28–3.30, 3.51, 3.57): the limits
/// from now to now + duration as one schedule, in the unit asked for (or the first
/// allowed), taking every profile and the connector's own maximum into account. For
/// connector 0, the total the station expects to draw. An unknown connector, or a
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
                let watts = min(reading.limitW ?? .infinity, connectors[index].hardware.maxPowerW)
                total += unit == .watts ? watts : amperes(watts, connector: index)
                if let change = reading.nextChange, change > time { next = min(next, change) }
            }
            let limit = ChargingRate(rounding: total)
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
