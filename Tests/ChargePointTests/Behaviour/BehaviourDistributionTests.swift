import Foundation
import Testing

@testable import ChargePoint

/// The behaviour generator's randomness (issue 15): seeded, so a run repeats, and the
/// distributions have the means and bounds the file gives.
@Suite("Behaviour distributions")
struct BehaviourDistributionTests {
    @Test func sameSeed_sameNumbers_otherStream_otherNumbers() {
        var first = BehaviourRandom(seed: 15, stream: 1)
        var second = BehaviourRandom(seed: 15, stream: 1)
        var other = BehaviourRandom(seed: 15, stream: 2)
        let a = (0..<5).map { _ in first.next() }
        #expect(a == (0..<5).map { _ in second.next() })
        #expect(a != (0..<5).map { _ in other.next() })
    }

    @Test func splitMix64_matchesTheReferenceSequence() {
        // SplitMix64 from 0 (Vigna's reference implementation).
        var random = BehaviourRandom(seed: 0)
        #expect(random.next() == 0xe220_a839_7b1d_cdaf)
        #expect(random.next() == 0x6e78_9e6a_a1b9_65f4)
    }

    @Test func unit_isInsideTheOpenInterval() {
        var random = BehaviourRandom(seed: 1)
        for _ in 0..<10_000 {
            let value = random.unit()
            #expect(value > 0 && value < 1)
        }
    }

    @Test(arguments: [
        BehaviourDistribution.normal(mean: 20, spread: 5, min: 0, max: 100),
        .logNormal(mean: 60, spread: 45, min: 0, max: 100_000),
        .exponential(mean: 8, min: 0, max: 100_000),
        .uniform(min: 10, max: 30),
    ])
    func drawsHaveTheDistributionsMean(_ distribution: BehaviourDistribution) {
        var random = BehaviourRandom(seed: 99)
        let count = 50_000
        let mean = (0..<count).reduce(0.0) { sum, _ in sum + distribution.sample(&random) } / Double(count)
        let expected: Double =
            switch distribution {
            case .normal(let mean, _, _, _), .logNormal(let mean, _, _, _), .exponential(let mean, _, _): mean
            case .uniform(let low, let high): (low + high) / 2
            case .fixed(let value): value
            }
        #expect(abs(mean - expected) / expected < 0.02, "mean \(mean), expected \(expected)")
    }

    @Test func logNormal_hasTheSpreadOfTheQuantityItself() {
        var random = BehaviourRandom(seed: 3)
        let distribution = BehaviourDistribution.logNormal(mean: 60, spread: 45, min: 0, max: 100_000)
        let draws = (0..<50_000).map { _ in distribution.sample(&random) }
        let mean = draws.reduce(0, +) / Double(draws.count)
        let deviation = (draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws.count)).squareRoot()
        #expect(abs(deviation - 45) / 45 < 0.05, "deviation \(deviation)")
    }

    @Test func drawsAreClippedToTheBounds() {
        var random = BehaviourRandom(seed: 5)
        let distribution = BehaviourDistribution.normal(mean: 10, spread: 50, min: 5, max: 15)
        let draws = (0..<5000).map { _ in distribution.sample(&random) }
        #expect(draws.allSatisfy { (5...15).contains($0) })
        #expect(draws.contains(5) && draws.contains(15))
        #expect(BehaviourDistribution.fixed(7).sample(&random) == 7)
    }
}
