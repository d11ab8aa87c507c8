import ChargePoint

/// Whether a CALLRESULT says no: its `status` (or `idTagInfo.status`) is one of the
/// refusals of OCPP 1.6 §7 and the security whitepaper's enumerations, so that `/!`
/// shows them next to the CALLERRORs. Successes and waits (Accepted, Pending,
/// Scheduled, RebootRequired, Unlocked, AcceptedCanceled) are no refusal.
enum Refusal {
    /// The status values that refuse or fail what the CALL asked.
    static let statuses: Set<String> = [
        "Rejected", "Failed", "NotSupported", "NotImplemented", "UnlockFailed", "VersionMismatch", "Faulted",
        "Occupied", "Unavailable", "Unknown", "UnknownMessageId", "UnknownVendorId", "NotFound",
        "InvalidCertificate", "RevokedCertificate",
        // idTagInfo (Authorize, StartTransaction, StopTransaction): §7.15 AuthorizationStatus.
        "Blocked", "Expired", "Invalid", "ConcurrentTx",
    ]

    /// The refusing status of a CALLRESULT's payload (one line of JSON), if it has one.
    /// Payloads without the word `status` are not parsed.
    static func status(ofPayload payload: String) -> String? {
        guard payload.contains("\"status\""), let value = try? JSONParser.parse(payload) else { return nil }
        let status = value["status"]?.stringValue ?? value["idTagInfo"]?["status"]?.stringValue
        return status.flatMap { statuses.contains($0) ? $0 : nil }
    }
}
