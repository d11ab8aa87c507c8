/// RemoteStartTransaction (OCPP 1.6 §5.11, §5.16.2, errata 3.32, 3.41).
///
/// Accepted means "will attempt to start": the connector must exist (connector 0 is
/// Rejected), be usable and free; without a connector the station picks one with a
/// cable waiting, else a free one. With AuthorizeRemoteTxRequests the idTag is then
/// authorized like a card; without, the transaction starts as soon as the cable is in
/// (ConnectionTimeOut applies). On a connector reserved for a group (parentIdTag), the
/// idTag's group is looked up or asked for first, exactly as for a card (§5.13). A
/// charging profile must be a TxProfile without a
/// transactionId, and is ignored by a station without Smart Charging. Not while Pending.
extension StationCore {
    mutating func remoteStartTransaction(_ request: RemoteStartTransactionRequest) -> RemoteStartTransactionResponse {
        let rejected = RemoteStartTransactionResponse(status: .rejected)
        guard registration.isAccepted else { return rejected }
        guard !closingForQuit else {
            notice("RemoteStartTransaction refused: the station is quitting (quit --stop)")
            return rejected
        }
        var remoteProfile: ChargingProfile?
        if let chargingProfile = request.chargingProfile, profile.supports(.smartCharging) {
            guard chargingProfile.chargingProfilePurpose == .txProfile, chargingProfile.transactionId == nil,
                chargingScheduleProblem(chargingProfile.chargingSchedule) == nil
            else {
                notice(
                    "RemoteStartTransaction refused: its charging profile must be a valid TxProfile without transactionId"
                )
                return rejected
            }
            remoteProfile = chargingProfile
        }
        guard let index = remoteStartConnector(request.connectorId) else {
            notice("RemoteStartTransaction refused: no usable connector\(request.connectorId.map { " \($0)" } ?? "")")
            return rejected
        }
        let id = connectors[index].id
        // A reserved connector takes the reserved idTag or one of its group (§5.13): the
        // group of another idTag is learnt from the local sources, else from the central
        // system (Authorize.req), and then decided in `authorized`, like a card.
        var parentIdTag: IdToken?
        var mustLearnGroup = false
        if let reservation = reservation(blocking: id, idTag: request.idTag, parent: nil),
            reservation.parentIdTag == nil
        {
            notice("RemoteStartTransaction refused: connector \(id) is reserved (reservation \(reservation.id))")
            return rejected
        }
        // The connector's reservation or the station's may be for the idTag's group: the
        // transaction that starts must carry its reservationId.
        let here = reservations.applicable(to: id)
        let heldForIt = here.contains { $0.idTag.equalsIgnoringCase(request.idTag) }
        if !heldForIt, here.contains(where: { $0.parentIdTag != nil }) {
            if let known = knownParentIdTag(request.idTag) {
                if let reservation = self.reservation(blocking: id, idTag: request.idTag, parent: known) {
                    notice(
                        "RemoteStartTransaction refused: connector \(id) is reserved for another group (reservation \(reservation.id))"
                    )
                    return rejected
                }
                parentIdTag = known
            } else {
                mustLearnGroup = true
            }
        }
        notice("RemoteStartTransaction for \(request.idTag) on connector \(id) accepted")
        if config.bool(.authorizeRemoteTxRequests) == true || mustLearnGroup {
            connectors[index].prepareRemoteStart(profile: remoteProfile, at: now)
            refreshStatus(id)
            authorize(request.idTag, for: .remoteStart(connector: id))
        } else {
            connectors[index].prepareRemoteStart(profile: remoteProfile, at: now)
            connectors[index].prepare(idTag: request.idTag, parent: parentIdTag, at: now)
            if connectors[index].record.evConnected {
                startTransaction(index)
            } else {
                armConnectionTimeout(index)
                refreshStatus(id)
            }
        }
        return RemoteStartTransactionResponse(status: .accepted)
    }

    private func remoteStartConnector(_ requested: Int?) -> Int? {
        func free(_ index: Int) -> Bool { isUsable(index) && connectors[index].preparing?.idTag == nil }
        if let requested {
            guard requested > 0, let index = index(of: requested), free(index) else { return nil }
            return index
        }
        let candidates = connectors.indices.filter(free)
        return candidates.first { connectors[$0].record.evConnected } ?? candidates.first
    }
}
