/// ReserveNow (OCPP 1.6 §5.13; messages §6.37 and §6.38).

/// The ReserveNow.req payload.
public struct ReserveNowRequest: OCPPRequest {
    public var connectorId: Int
    public var expiryDate: Timestamp
    public var idTag: CiString20
    public var parentIdTag: CiString20?
    public var reservationId: Int

    public init(
        connectorId: Int, expiryDate: Timestamp, idTag: CiString20, parentIdTag: CiString20? = nil, reservationId: Int
    ) {
        self.connectorId = connectorId
        self.expiryDate = expiryDate
        self.idTag = idTag
        self.parentIdTag = parentIdTag
        self.reservationId = reservationId
    }
}

extension ReserveNowRequest {
    public typealias Response = ReserveNowResponse
    public static let action = Action.reserveNow
}

/// The ReserveNow.conf payload.
public struct ReserveNowResponse: OCPPResponse {
    public var status: ReservationStatus

    public init(status: ReservationStatus) {
        self.status = status
    }
}

/// OCPP 1.6 §7.40.
public enum ReservationStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case faulted = "Faulted"
    case occupied = "Occupied"
    case rejected = "Rejected"
    case unavailable = "Unavailable"
}
