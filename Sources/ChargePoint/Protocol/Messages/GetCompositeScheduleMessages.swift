/// GetCompositeSchedule (OCPP 1.6 §5.7; messages §6.21 and §6.22).

/// The GetCompositeSchedule.req payload.
public struct GetCompositeScheduleRequest: OCPPRequest {
    public var connectorId: Int
    public var duration: Int
    public var chargingRateUnit: ChargingRateUnitType?

    public init(connectorId: Int, duration: Int, chargingRateUnit: ChargingRateUnitType? = nil) {
        self.connectorId = connectorId
        self.duration = duration
        self.chargingRateUnit = chargingRateUnit
    }
}

extension GetCompositeScheduleRequest {
    public typealias Response = GetCompositeScheduleResponse
    public static let action = Action.getCompositeSchedule
}

/// The GetCompositeSchedule.conf payload.
public struct GetCompositeScheduleResponse: OCPPResponse {
    public var status: GetCompositeScheduleStatus
    public var connectorId: Int?
    public var scheduleStart: Timestamp?
    public var chargingSchedule: ChargingSchedule?

    public init(
        status: GetCompositeScheduleStatus, connectorId: Int? = nil, scheduleStart: Timestamp? = nil,
        chargingSchedule: ChargingSchedule? = nil
    ) {
        self.status = status
        self.connectorId = connectorId
        self.scheduleStart = scheduleStart
        self.chargingSchedule = chargingSchedule
    }
}

/// OCPP 1.6 §7.26.
public enum GetCompositeScheduleStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case rejected = "Rejected"
}
