/// The attempts of one transfer: `retries` counts the tries after the first (§6.25 with
/// errata 3.50; §6.55 read the same way, see README departures), `retryInterval` the
/// seconds between them. Absent fields are the station's choice (§6.25, §6.55):
/// `defaultRetries` and `defaultRetryInterval`.
public struct TransferAttempts: Sendable, Codable, Equatable {
    public static let defaultRetries = 2
    public static let defaultRetryInterval = 30

    /// How many tries in all.
    public let limit: Int
    /// Seconds between a failed try and the next.
    public let interval: Int
    /// Tries begun so far (the one under way included).
    public private(set) var made = 0

    public init(retries: Int?, retryInterval: Int?) {
        limit = 1 + max(0, retries ?? Self.defaultRetries)
        interval = max(0, retryInterval ?? Self.defaultRetryInterval)
    }

    public var remaining: Int { max(0, limit - made) }

    /// Counts a try beginning; false when none is left.
    mutating func begin() -> Bool {
        guard made < limit else { return false }
        made += 1
        return true
    }
}
