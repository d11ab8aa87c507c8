/// StopTransaction (OCPP 1.6 §4.10, errata 3.14, 3.91).
///
/// Sent (queued, in order) when a transaction stops, see `stopTransaction`, with the
/// reason and the transactionData the StopTxn keys ask for. Its answer may carry an
/// IdTagInfo for the idTag that stopped it, which updates the cache; then the
/// transaction is complete and forgotten.
extension StationCore {
    mutating func stopTransactionAnswered(transaction number: Int64, _ response: StopTransactionResponse) {
        guard let record = transactions.record(number: number) else { return }
        if let info = response.idTagInfo, let idTag = record.stop?.idTag {
            remember(idTag, info)
        }
        if let change = transactions.forget(number: number) { persist(change) }
    }
}
