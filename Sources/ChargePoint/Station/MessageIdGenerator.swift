/// Where CALL message ids come from (OCPP-J 1.6 §4.1.4: unique, at most 36 characters).
/// Production uses random UUIDs; tests use a counter so that frames can be compared
/// literally.
public struct MessageIdGenerator: Sendable {
    enum Kind: Sendable {
        /// Random version-4 UUIDs from a generator seeded once from the system's
        /// entropy: unique without a system call per message (Foundation's `UUID()`
        /// opens /dev/urandom every time on Linux).
        case uuid(SplitMix)
        case sequential(prefix: String, next: Int)
    }

    var kind: Kind

    public static func uuid() -> MessageIdGenerator {
        var system = SystemRandomNumberGenerator()
        return MessageIdGenerator(kind: .uuid(SplitMix(seed: system.next())))
    }

    public static func sequential(prefix: String = "", startingAt first: Int = 1) -> MessageIdGenerator {
        MessageIdGenerator(kind: .sequential(prefix: prefix, next: first))
    }

    public mutating func next() -> String {
        switch kind {
        case .uuid(var random):
            let high = random.next()
            let low = random.next()
            kind = .uuid(random)
            return Self.uuidText(high: high, low: low)
        case .sequential(let prefix, let next):
            kind = .sequential(prefix: prefix, next: next + 1)
            return "\(prefix)\(next)"
        }
    }
}

extension MessageIdGenerator {
    /// "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" (RFC 4122 version 4, variant 1).
    static func uuidText(high: UInt64, low: UInt64) -> String {
        let high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        for (position, nibble) in (0..<32).map({ position -> UInt64 in
            let word = position < 16 ? high : low
            return (word >> UInt64(60 - (position % 16) * 4)) & 0xF
        }).enumerated() {
            if [8, 12, 16, 20].contains(position) { bytes.append(UInt8(ascii: "-")) }
            bytes.append(digits[Int(nibble)])
        }
        return String(decoding: bytes, as: UTF8.self)
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
