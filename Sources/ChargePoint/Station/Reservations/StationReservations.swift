/// How the core composes the `ReservationBook`: it carries out the book's actions in one
/// place and answers the questions that need the connectors too.
extension StationCore {
    /// Carries out what a change to the reservations requires, in order.
    mutating func apply(_ actions: [ReservationBook.Action]) {
        for action in actions {
            switch action {
            case .persist(let reservation): persist(.reservation(reservation))
            case .persistRemoval(let id): persist(.reservationRemoved(id: id))
            case .armExpiry(let reservation): scheduleReservationExpiry(reservation)
            case .cancelExpiry(let id): cancel(.reservationExpiry(id: id))
            case .refreshStatus(let connector): refreshStatus(connector)
            case .notice(let text): notice(text)
            }
        }
    }

    /// The connectors anyone may start at now: usable, free and not reserved.
    func freeConnectors() -> [Int] {
        connectors.indices.filter { index in
            isUsable(index) && !connectors[index].isOccupied && connectors[index].preparing == nil
                && !reservations.isReserved(connector: connectors[index].id)
        }.map { connectors[$0].id }
    }

    /// The reservation that keeps `idTag` (of group `parent`) from charging at
    /// connector `id`, if any.
    func reservation(blocking id: Int, idTag: IdToken, parent: IdToken?) -> Reservation? {
        reservations.reservation(blocking: id, idTag: idTag, parent: parent) { freeConnectors() }
    }

    /// The reservation a transaction starting now ends, if any (its id goes in the
    /// StartTransaction.req).
    mutating func consumeReservation(connector id: Int, idTag: IdToken, parent: IdToken?) -> Int? {
        let (reservationId, actions) = reservations.consume(connector: id, idTag: idTag, parent: parent)
        apply(actions)
        return reservationId
    }

    mutating func endReservations(onConnector id: Int, reason: String) {
        apply(reservations.end(onConnector: id, reason: reason))
    }

    /// Expiries are wall-clock times: armed on the station clock through the offset.
    mutating func scheduleReservationExpiry(_ reservation: Reservation) {
        schedule(
            .reservationExpiry(id: reservation.id),
            at: clock.stationTime(at: reservation.expiresAt))
    }

    mutating func scheduleReservationExpiries() {
        for reservation in reservations.all { scheduleReservationExpiry(reservation) }
    }
}
