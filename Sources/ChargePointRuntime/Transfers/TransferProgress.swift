/// How far a transfer has come: bytes received (download) or sent (upload).
public struct TransferProgress: Sendable, Equatable {
    public var bytes: Int64
    /// The size of the whole file; nil when the server did not say.
    public var total: Int64?

    public init(bytes: Int64, total: Int64?) {
        self.bytes = bytes
        self.total = total
    }
}
