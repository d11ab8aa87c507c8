/// ChangeAvailability (OCPP 1.6 §5.2): Operative or Inoperative, for one connector or,
/// with connector 0, the station and all its connectors. A connector with a running
/// transaction answers Scheduled and changes when the transaction ends; asking for the
/// state a connector is already in is Accepted. The setting survives reboots.
extension StationCore {
    mutating func changeAvailability(_ request: ChangeAvailabilityRequest) -> ChangeAvailabilityResponse {
        let operative = request.type == .operative
        let targets: [Int]
        if request.connectorId == 0 {
            targets = Array(connectors.indices)
            persist(.connector(station.setOperative(operative)))
            refreshStatus(0)
        } else if let index = index(of: request.connectorId) {
            targets = [index]
        } else {
            return ChangeAvailabilityResponse(status: .rejected)
        }
        var scheduled = false
        for index in targets {
            let id = connectors[index].id
            if !operative && transactions.active(on: id) != nil { scheduled = true }
            guard connectors[index].record.operative != operative else { continue }
            connectors[index].setOperative(operative)
            if !operative {
                connectors[index].endPreparing()
                cancel(.connectionTimeout(connector: id))
                endReservations(onConnector: id, reason: "the connector became unavailable")
            }
            persistConnector(index)
            refreshStatus(id)
        }
        notice(
            "availability: \(request.type.rawValue) for \(request.connectorId == 0 ? "the station" : "connector \(request.connectorId)")\(scheduled ? ", once the running transaction ends" : "")"
        )
        return ChangeAvailabilityResponse(status: scheduled ? .scheduled : .accepted)
    }
}
