/// CancelReservation (OCPP 1.6 §5.1): Accepted when the reservation exists (it ends),
/// Rejected otherwise.
extension StationCore {
    mutating func cancelReservation(_ request: CancelReservationRequest) -> CancelReservationResponse {
        guard let actions = reservations.cancel(id: request.reservationId) else {
            return CancelReservationResponse(status: .rejected)
        }
        apply(actions)
        return CancelReservationResponse(status: .accepted)
    }
}
