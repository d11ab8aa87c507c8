import Foundation

/// A small seeded random source for the fleet's behaviour generator (issue 15): SplitMix64
/// (Steele, Lea, Flood 2014), eight bytes of state, so that thousands of stations keep
/// three streams each for almost nothing, and the same seed draws the same numbers on
/// every platform (Swift's `SystemRandomNumberGenerator` cannot be seeded).
public struct BehaviourRandom: RandomNumberGenerator, Sendable, Equatable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A stream of its own for `purpose` (arrivals, faults, offline periods) from one
    /// station's seed: drawing more of one never shifts the others.
    public init(seed: UInt64, stream purpose: UInt64) {
        var mixer = BehaviourRandom(seed: seed ^ (purpose &* 0x9e37_79b9_7f4a_7c15))
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Uniform in the open interval (0, 1): never 0, so a logarithm of it is finite.
    public mutating func unit() -> Double {
        (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992
    }

    /// A standard normal deviate (Box–Muller; one of the pair, so each draw takes two
    /// numbers and the stream stays easy to reason about).
    public mutating func standardNormal() -> Double {
        let radius = (-2 * Foundation.log(unit())).squareRoot()
        return radius * cos(2 * Double.pi * unit())
    }

    /// The wait until the next event of a Poisson process of `rate` events per unit
    /// (exponential, mean 1 / rate); infinite for a rate of 0.
    public mutating func exponential(rate: Double) -> Double {
        guard rate > 0 else { return .infinity }
        return -Foundation.log(unit()) / rate
    }

    /// One element of `choices`, uniformly; nil for none.
    public mutating func pick<T>(_ choices: [T]) -> T? {
        guard !choices.isEmpty else { return nil }
        return choices[Int(next() % UInt64(choices.count))]
    }
}
