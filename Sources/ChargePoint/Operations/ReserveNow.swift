/// ReserveNow (OCPP 1.6 §5.13, §3.11).
///
/// A reservation with an id already held replaces it. Otherwise, for the connector (or,
/// with connector 0 and ReserveConnectorZeroSupported, the station): Faulted,
/// Unavailable, Occupied (in use, or reserved already) or Accepted; Rejected when
/// reservations of connector 0 are not supported or the expiry is past. What a
/// reservation means while it lasts: `ReservationBook`.
extension StationCore {
    mutating func reserveNow(_ request: ReserveNowRequest) -> ReserveNowResponse {
        apply(reservations.remove(id: request.reservationId))
        guard request.expiryDate > wallClock else { return ReserveNowResponse(status: .rejected) }
        if request.connectorId == 0 {
            guard config.bool(.reserveConnectorZeroSupported) == true else {
                return ReserveNowResponse(status: .rejected)
            }
            if let fault = station.record.fault, fault.faulted {
                return ReserveNowResponse(status: .faulted)
            }
            guard station.record.operative else { return ReserveNowResponse(status: .unavailable) }
            let stationWide = reservations.stationWide.count
            guard freeConnectors().count > stationWide else { return ReserveNowResponse(status: .occupied) }
        } else {
            guard let index = index(of: request.connectorId) else { return ReserveNowResponse(status: .rejected) }
            let status = currentStatus(of: request.connectorId).status
            switch status {
            case .faulted: return ReserveNowResponse(status: .faulted)
            case .unavailable: return ReserveNowResponse(status: .unavailable)
            case .available: break
            default: return ReserveNowResponse(status: .occupied)
            }
            guard isUsable(index) else { return ReserveNowResponse(status: .occupied) }
        }
        let reservation = Reservation(
            id: request.reservationId, connector: request.connectorId, idTag: request.idTag,
            parentIdTag: request.parentIdTag, expiresAt: request.expiryDate)
        apply(reservations.add(reservation))
        return ReserveNowResponse(status: .accepted)
    }
}
