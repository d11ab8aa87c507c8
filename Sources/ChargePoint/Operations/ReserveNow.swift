/// ReserveNow (OCPP 1.6 §5.13, §3.11).
///
/// A reservation with an id already held replaces it. Otherwise, for the connector (or,
/// with connector 0 and ReserveConnectorZeroSupported, the station): Faulted,
/// Unavailable, Occupied (in use, or reserved already) or Accepted; Rejected when
/// reservations of connector 0 are not supported or the expiry is past. While it lasts,
/// only the reserved idTag (or one of its group) may charge there; it ends when that
/// idTag starts a transaction (whose StartTransaction carries the reservationId), at
/// expiry, or when the connector becomes Faulted or Unavailable.
extension StationCore {
    mutating func reserveNow(_ request: ReserveNowRequest) -> ReserveNowResponse {
        if let existing = reservations.first(where: { $0.id == request.reservationId }) {
            removeReservation(existing.id)
        }
        guard request.expiryDate > wallClock else { return ReserveNowResponse(status: .rejected) }
        if request.connectorId == 0 {
            guard config.bool(.reserveConnectorZeroSupported) == true else {
                return ReserveNowResponse(status: .rejected)
            }
            if let fault = station.record.fault, fault.faulted {
                return ReserveNowResponse(status: .faulted)
            }
            guard station.record.operative else { return ReserveNowResponse(status: .unavailable) }
            let stationWide = reservations.filter { $0.connector == 0 }.count
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
        reservations.append(reservation)
        persist(.reservation(reservation))
        scheduleReservationExpiry(reservation)
        notice(
            "reservation \(reservation.id) for \(reservation.idTag) on \(reservation.connector == 0 ? "the station" : "connector \(reservation.connector)") until \(reservation.expiresAt)"
        )
        if reservation.connector > 0 { refreshStatus(reservation.connector) }
        return ReserveNowResponse(status: .accepted)
    }

    func freeConnectors() -> [Int] {
        connectors.indices.filter { index in
            isUsable(index) && !connectors[index].isOccupied && connectors[index].preparing == nil
                && !reservations.contains { $0.connector == connectors[index].id }
        }.map { connectors[$0].id }
    }

    func isReserved(connector id: Int) -> Bool {
        reservations.contains { $0.connector == id }
    }

    /// The reservation that keeps `idTag` (of group `parent`) from charging at
    /// connector `id`, if any.
    func reservation(blocking id: Int, idTag: IdToken, parent: IdToken?) -> Reservation? {
        func admits(_ reservation: Reservation) -> Bool {
            if reservation.idTag.equalsIgnoringCase(idTag) { return true }
            if let parent, let group = reservation.parentIdTag, group.equalsIgnoringCase(parent) { return true }
            return false
        }
        if let own = reservations.first(where: { $0.connector == id }) {
            return admits(own) ? nil : own
        }
        let stationWide = reservations.filter { $0.connector == 0 }
        guard !stationWide.isEmpty, !stationWide.contains(where: admits) else { return nil }
        // Another idTag may use this connector only while enough stay free for them.
        let free = freeConnectors()
        let othersFree = free.filter { $0 != id }.count
        return othersFree >= stationWide.count ? nil : stationWide[0]
    }

    /// The reservation a transaction starting now ends, if any (its id goes in the
    /// StartTransaction.req).
    mutating func consumeReservation(connector id: Int, idTag: IdToken, parent: IdToken?) -> Int? {
        let candidates = reservations.filter { $0.connector == id || $0.connector == 0 }
        guard
            let reservation = candidates.first(where: { reservation in
                reservation.idTag.equalsIgnoringCase(idTag)
                    || (parent != nil && reservation.parentIdTag?.equalsIgnoringCase(parent!) == true)
            })
        else { return nil }
        removeReservation(reservation.id)
        return reservation.id
    }

    mutating func removeReservation(_ id: Int) {
        guard let reservation = reservations.first(where: { $0.id == id }) else { return }
        reservations.removeAll { $0.id == id }
        persist(.reservationRemoved(id: id))
        cancel(.reservationExpiry(id: id))
        if reservation.connector > 0 { refreshStatus(reservation.connector) }
    }

    mutating func endReservations(onConnector id: Int, reason: String) {
        for reservation in reservations where reservation.connector == id {
            notice("reservation \(reservation.id) ended: \(reason)")
            removeReservation(reservation.id)
        }
    }

    mutating func reservationExpired(id: Int) {
        notice("reservation \(id) expired")
        removeReservation(id)
    }

    mutating func scheduleReservationExpiry(_ reservation: Reservation) {
        schedule(
            .reservationExpiry(id: reservation.id),
            at: reservation.expiresAt.adding(milliseconds: -clockOffset))
    }

    mutating func scheduleReservationExpiries() {
        for reservation in reservations { scheduleReservationExpiry(reservation) }
    }
}
