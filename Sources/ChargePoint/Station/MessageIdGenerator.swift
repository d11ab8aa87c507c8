import Foundation

/// Where CALL message ids come from (OCPP-J 1.6 §4.1.4: unique, at most 36 characters).
/// Production uses random UUIDs; tests use a counter so that frames can be compared
/// literally.
public struct MessageIdGenerator: Sendable {
    enum Kind: Sendable {
        case uuid
        case sequential(prefix: String, next: Int)
    }

    var kind: Kind

    public static func uuid() -> MessageIdGenerator { MessageIdGenerator(kind: .uuid) }

    public static func sequential(prefix: String = "", startingAt first: Int = 1) -> MessageIdGenerator {
        MessageIdGenerator(kind: .sequential(prefix: prefix, next: first))
    }

    public mutating func next() -> String {
        switch kind {
        case .uuid:
            return UUID().uuidString.lowercased()
        case .sequential(let prefix, let next):
            kind = .sequential(prefix: prefix, next: next + 1)
            return "\(prefix)\(next)"
        }
    }
}

/// A small seeded generator (SplitMix64) for the reconnect jitter, so that the core
/// stays deterministic under test.
struct SplitMix: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
