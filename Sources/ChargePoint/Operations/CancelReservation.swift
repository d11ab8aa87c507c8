/// CancelReservation (OCPP 1.6 §5.1): Accepted when the reservation exists (it ends),
/// Rejected otherwise.
extension StationCore {
    mutating func cancelReservation(_ request: CancelReservationRequest) -> CancelReservationResponse {
        guard reservations.contains(where: { $0.id == request.reservationId }) else {
            return CancelReservationResponse(status: .rejected)
        }
        removeReservation(request.reservationId)
        notice("reservation \(request.reservationId) cancelled")
        return CancelReservationResponse(status: .accepted)
    }
}
