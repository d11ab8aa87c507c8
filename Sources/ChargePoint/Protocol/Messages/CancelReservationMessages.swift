/// CancelReservation (OCPP 1.6 §5.1; messages §6.5 and §6.6).

/// The CancelReservation.req payload.
public struct CancelReservationRequest: OCPPRequest {
    public var reservationId: Int

    public init(reservationId: Int) {
        self.reservationId = reservationId
    }
}

extension CancelReservationRequest {
    public typealias Response = CancelReservationResponse
    public static let action = Action.cancelReservation
}

/// The CancelReservation.conf payload.
public struct CancelReservationResponse: OCPPResponse {
    public var status: CancelReservationStatus

    public init(status: CancelReservationStatus) {
        self.status = status
    }
}

/// OCPP 1.6 §7.5.
public enum CancelReservationStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case rejected = "Rejected"
}
