/// The reservations the station holds (OCPP 1.6 §5.13, §3.11), and the one owner of
/// them.
///
/// While a reservation lasts, only the reserved idTag (or one of its group) may charge
/// there; it ends when that idTag starts a transaction (whose StartTransaction carries
/// the reservationId), at expiry, or when the connector becomes Faulted or Unavailable.
/// The book decides; each mutating method returns the `Action`s that must follow, in
/// order, and `StationCore.apply(_:)` carries them out.
struct ReservationBook: Sendable {
    /// What must happen after a change to the book.
    enum Action: Sendable, Equatable {
        /// Persist the reservation (`StoreChange.reservation`).
        case persist(Reservation)
        /// Persist its removal (`StoreChange.reservationRemoved`).
        case persistRemoval(id: Int)
        /// Arm the expiry timer at the reservation's `expiresAt` (a wall-clock time).
        case armExpiry(Reservation)
        case cancelExpiry(id: Int)
        /// The connector's status may have changed (Reserved or not).
        case refreshStatus(connector: Int)
        case notice(String)
    }

    private(set) var all: [Reservation]

    init(_ reservations: [Reservation]) {
        all = reservations
    }

    func reservation(id: Int) -> Reservation? {
        all.first { $0.id == id }
    }

    func isReserved(connector id: Int) -> Bool {
        all.contains { $0.connector == id }
    }

    /// Reservations of "any connector" (connector 0).
    var stationWide: [Reservation] {
        all.filter { $0.connector == 0 }
    }

    /// The reservations that may be used at connector `id`: its own and the station's.
    func applicable(to id: Int) -> [Reservation] {
        all.filter { $0.connector == id || $0.connector == 0 }
    }

    /// The reservation that keeps `idTag` (of group `parent`) from charging at
    /// connector `id`, if any. `freeConnectors` gives the connectors free for anyone
    /// now; it is read only when a station-wide reservation is in the way.
    func reservation(
        blocking id: Int, idTag: IdToken, parent: IdToken?, freeConnectors: () -> [Int]
    ) -> Reservation? {
        func admits(_ reservation: Reservation) -> Bool {
            if reservation.idTag.equalsIgnoringCase(idTag) { return true }
            if let parent, let group = reservation.parentIdTag, group.equalsIgnoringCase(parent) { return true }
            return false
        }
        if let own = all.first(where: { $0.connector == id }) {
            return admits(own) ? nil : own
        }
        let stationWide = self.stationWide
        guard !stationWide.isEmpty, !stationWide.contains(where: admits) else { return nil }
        // Another idTag may use this connector only while enough stay free for them.
        let othersFree = freeConnectors().filter { $0 != id }.count
        return othersFree >= stationWide.count ? nil : stationWide[0]
    }

    /// Holds `reservation` (ReserveNow accepted it).
    mutating func add(_ reservation: Reservation) -> [Action] {
        all.append(reservation)
        var actions: [Action] = [
            .persist(reservation),
            .armExpiry(reservation),
            .notice(
                "reservation \(reservation.id) for \(reservation.idTag) on \(reservation.connector == 0 ? "the station" : "connector \(reservation.connector)") until \(reservation.expiresAt)"
            ),
        ]
        if reservation.connector > 0 { actions.append(.refreshStatus(connector: reservation.connector)) }
        return actions
    }

    /// Ends reservation `id`, if held.
    mutating func remove(id: Int) -> [Action] {
        guard let reservation = reservation(id: id) else { return [] }
        all.removeAll { $0.id == id }
        var actions: [Action] = [.persistRemoval(id: id), .cancelExpiry(id: id)]
        if reservation.connector > 0 { actions.append(.refreshStatus(connector: reservation.connector)) }
        return actions
    }

    /// The reservation a transaction starting now at connector `id` ends, if any (its id
    /// goes in the StartTransaction.req), and what its end requires.
    mutating func consume(connector id: Int, idTag: IdToken, parent: IdToken?) -> (id: Int?, actions: [Action]) {
        guard
            let reservation = applicable(to: id).first(where: { reservation in
                reservation.idTag.equalsIgnoringCase(idTag)
                    || (parent != nil && reservation.parentIdTag?.equalsIgnoringCase(parent!) == true)
            })
        else { return (nil, []) }
        return (reservation.id, remove(id: reservation.id))
    }

    /// CancelReservation (§5.1): nil when no such reservation is held.
    mutating func cancel(id: Int) -> [Action]? {
        guard reservation(id: id) != nil else { return nil }
        return remove(id: id) + [.notice("reservation \(id) cancelled")]
    }

    /// Ends the reservations of connector `id`: it became Faulted or Unavailable.
    mutating func end(onConnector id: Int, reason: String) -> [Action] {
        var actions: [Action] = []
        for reservation in all where reservation.connector == id {
            actions.append(.notice("reservation \(reservation.id) ended: \(reason)"))
            actions += remove(id: reservation.id)
        }
        return actions
    }

    /// The expiry timer of reservation `id` fired.
    mutating func expire(id: Int) -> [Action] {
        [.notice("reservation \(id) expired")] + remove(id: id)
    }
}
