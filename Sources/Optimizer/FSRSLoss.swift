import Foundation
import Scheduling

/// One sample's prediction: the retrievability FSRS gave a review with a gap of at least a day, and what happened.
public struct SamplePrediction: Sendable, Equatable {
  /// Predicted probability of recall.
  public var retrievability: Double
  /// Whether the card was recalled (rating above Again).
  public var recalled: Bool
  /// Study days since the previous review.
  public var gap: Int
  /// Reviews of the card with a gap of at least a day before this one (the first review not counted).
  public var longTermReviewsBefore: Int
  /// Lapses (Again with a gap of at least a day) before this review.
  public var lapsesBefore: Int
}

/// How much each sample counts in the loss.
public enum SampleWeighting: Sendable, Equatable {
  /// Every sample counts the same (srs-benchmark's metrics).
  case uniform
  /// fsrs-rs' recency weights: sample k of n (numbered card by card) counts 0.25 + 0.75·(k/(n−1))³, as fsrs-rs
  /// trains and as its `evaluate` measures.
  case recency

  /// The weight of sample `index` of `count`.
  @inlinable public func weight(_ index: Int, of count: Int) -> Double {
    switch self {
    case .uniform: return 1
    case .recency:
      guard count > 1 else { return 1 }
      let x = Double(index) / Double(count - 1)
      return 0.25 + 0.75 * x * x * x
    }
  }
}

/// Binary cross-entropy of FSRS's predicted recall over a card's samples, and its gradient.
///
/// A card's reviews are walked once: every sample of the card is a prefix of the same history, so the memory state
/// after review k serves every later sample. This is the loss fsrs-rs minimises, summed instead of batched by sample.
public enum FSRSLoss {
  /// Predictions are kept within this distance of 0 and 1 so that the log loss stays finite.
  public static let epsilon = 1e-7

  /// Walks card `card`, calling `visit` with each sample's retrievability and position; returns nothing.
  @inlinable static func walk<T: FSRSReal>(
    _ training: TrainingSet, card: Int, w: [T], factor: T,
    visit: (_ r: T, _ recalled: Bool, _ gap: Int, _ longTerm: Int, _ lapses: Int) -> Void
  ) {
    let start = training.starts[card]
    let end = training.starts[card + 1]
    guard start < end else { return }
    let first = Rating(rawValue: Int(training.ratings[start]))!
    var s = FSRSMath.initialStability(first, w: w).clamped(FSRSMath.minimumStability, FSRSMath.maximumStability)
    var d = FSRSMath.initialDifficulty(first, w: w)
    var longTerm = 0
    var lapses = 0
    var j = start + 1
    while j < end {
      let rating = Rating(rawValue: Int(training.ratings[j]))!
      let gap = Int(training.gaps[j])
      let next: T
      if gap == 0 {
        next = FSRSMath.shortTermStability(stability: s, rating: rating, w: w)
      } else {
        let r = T.pow(T(1) + factor * T(Double(gap)) / s, -w[20])
        visit(r, rating != .again, gap, longTerm, lapses)
        longTerm += 1
        if rating == .again {
          lapses += 1
          next = FSRSMath.stabilityAfterLapse(stability: s, difficulty: d, retrievability: r, w: w)
        } else {
          next = FSRSMath.stabilityAfterSuccess(stability: s, difficulty: d, retrievability: r, rating: rating, w: w)
        }
      }
      d = FSRSMath.nextDifficulty(d, rating: rating, w: w)
      s = next.clamped(FSRSMath.minimumStability, FSRSMath.maximumStability)
      j += 1
    }
  }

  /// The summed log loss of the samples of `cards` and its gradient with respect to the 21 weights.
  public static func lossAndGradient(
    _ training: TrainingSet, cards: some Collection<Int>, weights: [Double], weighting: SampleWeighting = .uniform
  ) -> (loss: Double, gradient: [Double], samples: Int) {
    let w = Dual.seeds(weights)
    let (loss, gradient, samples) = lossAndPartials(training, cards: cards, w: w, weighting: weighting)
    return (loss, gradient.array, samples)
  }

  @inlinable static func lossAndPartials(
    _ training: TrainingSet, cards: some Collection<Int>, w: [Dual], weighting: SampleWeighting
  ) -> (loss: Double, gradient: Partials, samples: Int) {
    let factor = FSRSMath.forgettingFactor(w: w)
    var loss = 0.0
    var gradient = Partials()
    var samples = 0
    let count = training.sampleCount
    for card in cards {
      var sample = training.sampleStarts[card]
      walk(training, card: card, w: w, factor: factor) { r, recalled, _, _, _ in
        let p = Swift.min(Swift.max(r.value, epsilon), 1 - epsilon)
        let weight = weighting.weight(sample, of: count)
        sample += 1
        samples += 1
        if recalled {
          loss -= weight * Foundation.log(p)
          gradient.add(r.partials, times: -weight / p)
        } else {
          loss -= weight * Foundation.log(1 - p)
          gradient.add(r.partials, times: weight / (1 - p))
        }
      }
    }
    return (loss, gradient, samples)
  }

  /// The summed log loss of the samples of `cards` and its gradient, by reverse mode on `tape`.
  public static func reverseLossAndGradient(
    _ training: TrainingSet, cards: some Collection<Int>, weights: [Double], weighting: SampleWeighting = .uniform,
    tape: Tape
  ) -> (loss: Double, gradient: [Double], samples: Int) {
    let w = tape.leaves(weights)
    let factor = FSRSMath.forgettingFactor(w: w)
    let leaves = tape.countPointer.pointee
    var loss = 0.0
    var gradient = [Double](repeating: 0, count: 21)
    var samples = 0
    let count = training.sampleCount
    var seeds: [(Tracked, Double)] = []
    for card in cards {
      tape.rewind(leaves: leaves)
      seeds.removeAll(keepingCapacity: true)
      var sample = training.sampleStarts[card]
      walk(training, card: card, w: w, factor: factor) { r, recalled, _, _, _ in
        let p = Swift.min(Swift.max(r.value, epsilon), 1 - epsilon)
        let weight = weighting.weight(sample, of: count)
        sample += 1
        samples += 1
        if recalled {
          loss -= weight * Foundation.log(p)
          seeds.append((r, -weight / p))
        } else {
          loss -= weight * Foundation.log(1 - p)
          seeds.append((r, weight / (1 - p)))
        }
      }
      guard !seeds.isEmpty else { continue }
      tape.clearAdjoints()
      for (r, d) in seeds { tape.seed(r, d) }
      // The sweep also passes the forgetting factor's nodes (recorded once, right after the leaves).
      tape.accumulate(into: &gradient, leaves: 21)
    }
    return (loss, gradient, samples)
  }

  /// The weighted mean log loss of every sample under `weights` (no gradient; fast).
  public static func meanLoss(
    _ training: TrainingSet, weights: [Double], weighting: SampleWeighting = .uniform
  ) -> Double {
    let factor = FSRSMath.forgettingFactor(w: weights)
    var loss = 0.0
    var total = 0.0
    var sample = 0
    let count = training.sampleCount
    for card in 0..<training.cardCount {
      walk(training, card: card, w: weights, factor: factor) { r, recalled, _, _, _ in
        let p = Swift.min(Swift.max(r, epsilon), 1 - epsilon)
        let weight = weighting.weight(sample, of: count)
        sample += 1
        total += weight
        loss -= weight * (recalled ? Foundation.log(p) : Foundation.log(1 - p))
      }
    }
    return total > 0 ? loss / total : 0
  }

  /// Every sample's prediction under `weights`, card by card.
  public static func predictions(_ training: TrainingSet, weights: [Double]) -> [SamplePrediction] {
    let factor = FSRSMath.forgettingFactor(w: weights)
    var out: [SamplePrediction] = []
    out.reserveCapacity(training.sampleCount)
    for card in 0..<training.cardCount {
      walk(training, card: card, w: weights, factor: factor) { r, recalled, gap, longTerm, lapses in
        out.append(
          SamplePrediction(
            retrievability: r, recalled: recalled, gap: gap, longTermReviewsBefore: longTerm, lapsesBefore: lapses))
      }
    }
    return out
  }
}
