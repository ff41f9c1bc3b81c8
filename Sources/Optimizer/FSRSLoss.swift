import Foundation
import Scheduling

/// One item's prediction: the retrievability FSRS gave a review with a gap of at least a day, and what happened.
public struct ItemPrediction: Sendable, Equatable {
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

/// How much each item counts in the loss.
public enum ItemWeighting: Sendable, Equatable {
  /// Every item counts the same (srs-benchmark's metrics).
  case uniform
  /// fsrs-rs' recency weights: item k of n (numbered card by card) counts 0.25 + 0.75·(k/(n−1))³, as fsrs-rs
  /// trains and as its `evaluate` measures.
  case recency

  /// The weight of item `index` of `count`.
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

/// Binary cross-entropy of FSRS's predicted recall over a card's items, and its gradient.
///
/// A card's reviews are walked once: every item of the card is a prefix of the same history, so the memory state
/// after review k serves every later item. This is the loss fsrs-rs minimises, summed instead of batched by item.
public enum FSRSLoss {
  /// Predictions are kept within this distance of 0 and 1 so that the log loss stays finite.
  public static let epsilon = 1e-7

  /// Walks card `card`, calling `visit` with each item's retrievability and position; returns nothing.
  @inlinable static func walk<T: FSRSReal>(
    _ histories: ReviewHistories, card: Int, w: [T], factor: T,
    visit: (_ r: T, _ recalled: Bool, _ gap: Int, _ longTerm: Int, _ lapses: Int) -> Void
  ) {
    let start = histories.starts[card]
    let end = histories.starts[card + 1]
    guard start < end else { return }
    let first = Rating(rawValue: Int(histories.ratings[start]))!
    var s = FSRSMath.initialStability(first, w: w).clamped(FSRSMath.minimumStability, FSRSMath.maximumStability)
    var d = FSRSMath.initialDifficulty(first, w: w)
    var longTerm = 0
    var lapses = 0
    var j = start + 1
    while j < end {
      let rating = Rating(rawValue: Int(histories.ratings[j]))!
      let gap = Int(histories.gaps[j])
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

  /// The summed log loss of the items of `cards` and its gradient with respect to the 21 weights.
  public static func lossAndGradient(
    _ histories: ReviewHistories, cards: some Collection<Int>, weights: [Double], weighting: ItemWeighting = .uniform
  ) -> (loss: Double, gradient: [Double], items: Int) {
    let w = Dual.seeds(weights)
    let (loss, gradient, items) = lossAndPartials(histories, cards: cards, w: w, weighting: weighting)
    return (loss, gradient.array, items)
  }

  @inlinable static func lossAndPartials(
    _ histories: ReviewHistories, cards: some Collection<Int>, w: [Dual], weighting: ItemWeighting
  ) -> (loss: Double, gradient: Partials, items: Int) {
    let factor = FSRSMath.forgettingFactor(w: w)
    var loss = 0.0
    var gradient = Partials()
    var items = 0
    let count = histories.itemCount
    for card in cards {
      var item = histories.itemStarts[card]
      walk(histories, card: card, w: w, factor: factor) { r, recalled, _, _, _ in
        let p = Swift.min(Swift.max(r.value, epsilon), 1 - epsilon)
        let weight = weighting.weight(item, of: count)
        item += 1
        items += 1
        if recalled {
          loss -= weight * Foundation.log(p)
          gradient.add(r.partials, times: -weight / p)
        } else {
          loss -= weight * Foundation.log(1 - p)
          gradient.add(r.partials, times: weight / (1 - p))
        }
      }
    }
    return (loss, gradient, items)
  }

  /// The summed log loss of the items of `cards` and its gradient, by reverse mode on `tape`.
  public static func reverseLossAndGradient(
    _ histories: ReviewHistories, cards: some Collection<Int>, weights: [Double], weighting: ItemWeighting = .uniform,
    tape: Tape
  ) -> (loss: Double, gradient: [Double], items: Int) {
    let w = tape.leaves(weights)
    let factor = FSRSMath.forgettingFactor(w: w)
    let leaves = tape.countPointer.pointee
    var loss = 0.0
    var gradient = [Double](repeating: 0, count: 21)
    var items = 0
    let count = histories.itemCount
    var seeds: [(Tracked, Double)] = []
    for card in cards {
      tape.rewind(leaves: leaves)
      seeds.removeAll(keepingCapacity: true)
      var item = histories.itemStarts[card]
      walk(histories, card: card, w: w, factor: factor) { r, recalled, _, _, _ in
        let p = Swift.min(Swift.max(r.value, epsilon), 1 - epsilon)
        let weight = weighting.weight(item, of: count)
        item += 1
        items += 1
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
    return (loss, gradient, items)
  }

  /// The weighted mean log loss of every item under `weights` (no gradient; fast).
  public static func meanLoss(
    _ histories: ReviewHistories, weights: [Double], weighting: ItemWeighting = .uniform
  ) -> Double {
    let factor = FSRSMath.forgettingFactor(w: weights)
    var loss = 0.0
    var total = 0.0
    var item = 0
    let count = histories.itemCount
    for card in 0..<histories.cardCount {
      walk(histories, card: card, w: weights, factor: factor) { r, recalled, _, _, _ in
        let p = Swift.min(Swift.max(r, epsilon), 1 - epsilon)
        let weight = weighting.weight(item, of: count)
        item += 1
        total += weight
        loss -= weight * (recalled ? Foundation.log(p) : Foundation.log(1 - p))
      }
    }
    return total > 0 ? loss / total : 0
  }

  /// Every item's prediction under `weights`, card by card.
  public static func predictions(_ histories: ReviewHistories, weights: [Double]) -> [ItemPrediction] {
    let factor = FSRSMath.forgettingFactor(w: weights)
    var out: [ItemPrediction] = []
    out.reserveCapacity(histories.itemCount)
    for card in 0..<histories.cardCount {
      walk(histories, card: card, w: weights, factor: factor) { r, recalled, gap, longTerm, lapses in
        out.append(
          ItemPrediction(
            retrievability: r, recalled: recalled, gap: gap, longTermReviewsBefore: longTerm, lapsesBefore: lapses))
      }
    }
    return out
  }
}
