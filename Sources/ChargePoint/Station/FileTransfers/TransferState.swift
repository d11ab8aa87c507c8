/// How a transfer stands, as observers see it (snapshot and events).
public struct TransferState: Sendable, Equatable {
    public var purpose: TransferPurpose
    /// The OCPP status last reported (FirmwareStatus or DiagnosticsStatus raw value), or
    /// `Scheduled` before the firmware's retrieveDate, `Waiting` before a retry.
    public var status: String
    public var fileName: String
    public var bytes: Int64 = 0
    /// Bytes in all, when known.
    public var total: Int64?
    /// The try under way (1-based) and how many there may be.
    public var attempt: Int
    public var attempts: Int
    /// Wall clock: when the try under way began (for the rate), or when the next begins.
    public var since: Timestamp?
    /// Why the last try failed, or what the station waits for.
    public var detail: String?
    /// A GetLog's requestId (whitepaper N01), so that two uploads can be told apart.
    public var requestId: Int?
}
