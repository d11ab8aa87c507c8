import Foundation

/// How one quantity of the fleet's behaviour varies from EV to EV (issue 15): a session's
/// stay, its energy, a driver's delays, a fault's length. Each draw is clipped to
/// `[min, max]` (the bounds take what falls outside them), in the quantity's own unit.
public enum BehaviourDistribution: Sendable, Equatable {
    /// Always `value`.
    case fixed(Double)
    /// Evenly between the bounds.
    case uniform(min: Double, max: Double)
    /// Normal with this mean and standard deviation (`spread`).
    case normal(mean: Double, spread: Double, min: Double, max: Double)
    /// Log-normal with this mean and standard deviation of the quantity itself (not of
    /// its logarithm): skewed to the right, as parking times and energies are.
    case logNormal(mean: Double, spread: Double, min: Double, max: Double)
    /// Exponential with this mean.
    case exponential(mean: Double, min: Double, max: Double)

    /// One value from `random`.
    public func sample(_ random: inout BehaviourRandom) -> Double {
        switch self {
        case .fixed(let value):
            return value
        case .uniform(let low, let high):
            return low + (high - low) * random.unit()
        case .normal(let mean, let spread, let low, let high):
            return Self.clip(mean + spread * random.standardNormal(), low, high)
        case .logNormal(let mean, let spread, let low, let high):
            // σ² = ln(1 + s²/m²), μ = ln m − σ²/2: the variable's mean is m, its deviation s.
            let variance = Foundation.log(1 + (spread * spread) / (mean * mean))
            let mu = Foundation.log(mean) - variance / 2
            return Self.clip(exp(mu + variance.squareRoot() * random.standardNormal()), low, high)
        case .exponential(let mean, let low, let high):
            return Self.clip(random.exponential(rate: 1 / mean), low, high)
        }
    }

    /// The bounds every draw falls within.
    public var range: ClosedRange<Double> {
        switch self {
        case .fixed(let value): value...value
        case .uniform(let low, let high), .normal(_, _, let low, let high), .logNormal(_, _, let low, let high),
            .exponential(_, let low, let high):
            low...high
        }
    }

    private static func clip(_ value: Double, _ low: Double, _ high: Double) -> Double {
        Swift.min(high, Swift.max(low, value))
    }
}
