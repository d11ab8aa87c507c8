/// UnlockConnector (OCPP 1.6 §5.18, errata 3.84, 3.87): NotSupported for an unknown
/// connector (0 included) and for a connector without a lock (a fixed cable);
/// otherwise a running transaction is stopped first (reason UnlockCommand), then the
/// lock opens: Unlocked, or UnlockFailed when the mechanism is broken.
extension StationCore {
    mutating func unlockConnector(_ request: UnlockConnectorRequest) -> UnlockConnectorResponse {
        guard let index = index(of: request.connectorId), connectors[index].hardware.hasLock else {
            return UnlockConnectorResponse(status: .notSupported)
        }
        let id = connectors[index].id
        if transactions.active(on: id) != nil {
            stopTransaction(connector: id, reason: .unlockCommand, idTag: nil)
        }
        guard connectors[index].unlock() else {
            notice("connector \(id): the lock did not open")
            return UnlockConnectorResponse(status: .unlockFailed)
        }
        leaveIfUnlocked(index)
        persistConnector(index)
        notice("connector \(id) unlocked")
        return UnlockConnectorResponse(status: .unlocked)
    }
}
