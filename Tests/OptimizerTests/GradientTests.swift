import Foundation
import StableRandom
import Testing

@testable import Optimizer
import Scheduling

@Suite("Exact gradients")
struct GradientTests {
  /// Random weights inside fsrs-rs' bounds, away from them so that no clamp sits within the difference step.
  static func randomPoint(_ seed: UInt64) -> [Double] {
    var rng = SplitMix64(seed: seed)
    let bounds = ParameterClipper.bounds(weights: FSRSParameters.defaultWeights)
    return (0..<21).map { i in
      let low = i < 4 ? 0.2 : bounds[i].lowerBound
      let high = i < 4 ? 20 : bounds[i].upperBound
      return low + (0.15 + 0.6 * rng.unit()) * (high - low)
    }
  }

  @Test("the dual-number gradient of the loss agrees with central differences at random points", arguments: 1...4)
  func gradientMatchesFiniteDifferences(seed: UInt64) throws {
    let training = try fixtureTrainingSet().subset(0..<80)
    let point = Self.randomPoint(seed)
    let cards = Array(0..<training.cardCount)
    let exact = FSRSLoss.lossAndGradient(training, cards: cards, weights: point).gradient
    for i in 0..<21 {
      let h = 1e-6 * Swift.max(1, Swift.abs(point[i]))
      var up = point
      var down = point
      up[i] += h
      down[i] -= h
      let samples = Double(training.sampleCount)
      let numeric =
        (FSRSLoss.meanLoss(training, weights: up) - FSRSLoss.meanLoss(training, weights: down)) * samples / (2 * h)
      let scale = Swift.max(1, Swift.abs(numeric))
      #expect(Swift.abs(exact[i] - numeric) / scale < 1e-4, "w\(i): exact \(exact[i]) vs numeric \(numeric)")
    }
  }

  @Test("hand-derived, tape and dual-number gradients agree, with either weighting, at random points",
    arguments: [(SampleWeighting.uniform, UInt64(99)), (.recency, 98), (.uniform, 97), (.recency, 0)])
  func reverseMatchesForward(weighting: SampleWeighting, seed: UInt64) throws {
    let training = try fixtureTrainingSet().subset(0..<150)
    // Seed 0: the default weights, where w7 = 0.001 sits on its bound and clamps are common.
    let point = seed == 0 ? FSRSParameters.defaultWeights : Self.randomPoint(seed)
    let cards = Array(0..<training.cardCount)
    let forward = FSRSLoss.lossAndGradient(training, cards: cards, weights: point, weighting: weighting)
    let reverse = FSRSLoss.reverseLossAndGradient(
      training, cards: cards, weights: point, weighting: weighting, tape: Tape(capacity: 100_000))
    let hand = HandGradient(longestCard: 200).lossAndGradient(
      training, cards: cards, weights: point, weighting: weighting)
    #expect(Swift.abs(forward.loss - reverse.loss) < 1e-9)
    #expect(Swift.abs(forward.loss - hand.loss) < 1e-9)
    for i in 0..<21 {
      let scale = Swift.max(1, Swift.abs(forward.gradient[i]))
      #expect(Swift.abs(forward.gradient[i] - reverse.gradient[i]) <= 1e-9 * scale, "tape w\(i)")
      #expect(Swift.abs(forward.gradient[i] - hand.gradient[i]) <= 1e-8 * scale,
        "hand w\(i): \(hand.gradient[i]) vs dual \(forward.gradient[i])")
    }
  }

  @Test("dual arithmetic gives textbook derivatives")
  func dualRules() {
    let x = Dual(value: 2, partials: Partials(unit: 0))
    let y = Dual(value: 3, partials: Partials(unit: 1))
    let f = Dual.pow(x, y) / (x * y) + Dual.exp(-x) - Dual.log(y)
    // f = x^y/(xy) + e^-x - ln y = x^(y-1)/y + e^-x - ln y
    let dfdx = (y.value - 1) * Foundation.pow(2, 1) / 3 - Foundation.exp(-2)
    let dfdy = (Foundation.pow(2, 2) * Foundation.log(2) * 3 - Foundation.pow(2, 2)) / 9 - 1.0 / 3
    #expect(Swift.abs(f.partials[0] - dfdx) < 1e-12)
    #expect(Swift.abs(f.partials[1] - dfdy) < 1e-12)
    #expect(f.partials[2] == 0)
  }
}
