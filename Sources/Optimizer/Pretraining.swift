import Foundation
import Scheduling

/// Initial stabilities (w0…w3) fitted from each card's first review with a gap of at least a day, before training.
///
/// As fsrs-rs' pretraining: for each first rating, the stability S0 whose forgetting curve (with the default
/// decay) best explains recall at the first day-gap review, grouped by gap; a pull of |S0 − default|/16 keeps sparse
/// ratings near the default. Ratings with no data get the default scaled like the others, and S0 never decreases
/// from Again to Easy.
public enum Pretraining {
  /// The four initial stabilities fitted from `training`.
  public static func initialStabilities(_ training: TrainingSet) -> [Double] {
    // groups[rating][gap] = (count, recalled)
    var groups = Array(repeating: [Int: (count: Double, recalled: Double)](), count: 4)
    for card in 0..<training.cardCount {
      let start = training.starts[card]
      let end = training.starts[card + 1]
      guard let j = (start + 1..<end).first(where: { training.gaps[$0] > 0 }) else { continue }
      let first = Int(training.ratings[start]) - 1
      let gap = Int(training.gaps[j])
      let recalled = training.ratings[j] > 1 ? 1.0 : 0.0
      groups[first][gap, default: (0, 0)].count += 1
      groups[first][gap]!.recalled += recalled
    }
    let defaults = FSRSParameters.defaultWeights
    let decay = defaults[20]
    let factor = Foundation.pow(0.9, -1 / decay) - 1
    var fitted: [Double?] = Array(repeating: nil, count: 4)
    for rating in 0..<4 where !groups[rating].isEmpty {
      // Sorted by gap: a dictionary's order changes from run to run, and the sum's rounding with it.
      let points = groups[rating].sorted { $0.key < $1.key }.map {
        (t: Double($0.key), count: $0.value.count, y: $0.value.recalled / $0.value.count)
      }
      func cost(_ logS: Double) -> Double {
        let s = Foundation.exp(logS)
        var total = Swift.abs(s - defaults[rating]) / 16
        for p in points {
          let r = Swift.min(Swift.max(Foundation.pow(1 + factor * p.t / s, -decay), 1e-7), 1 - 1e-7)
          total -= p.count * (p.y * Foundation.log(r) + (1 - p.y) * Foundation.log(1 - r))
        }
        return total
      }
      // Golden-section search on log S0 over 0.001…100.
      var low = Foundation.log(FSRSMath.minimumStability)
      var high = Foundation.log(ParameterClipper.maximumInitialStability)
      let ratio = (5.0.squareRoot() - 1) / 2
      var x1 = high - ratio * (high - low)
      var x2 = low + ratio * (high - low)
      var f1 = cost(x1)
      var f2 = cost(x2)
      for _ in 0..<80 {
        if f1 < f2 {
          high = x2
          x2 = x1
          f2 = f1
          x1 = high - ratio * (high - low)
          f1 = cost(x1)
        } else {
          low = x1
          x1 = x2
          f1 = f2
          x2 = low + ratio * (high - low)
          f2 = cost(x2)
        }
      }
      fitted[rating] = Foundation.exp((low + high) / 2)
    }
    let known = (0..<4).compactMap { i in fitted[i].map { Foundation.log($0 / defaults[i]) } }
    let scale = known.isEmpty ? 1 : Foundation.exp(known.reduce(0, +) / Double(known.count))
    var out = (0..<4).map { fitted[$0] ?? defaults[$0] * scale }
    for i in 1..<4 { out[i] = Swift.max(out[i], out[i - 1]) }
    return out.map { Swift.min(Swift.max($0, FSRSMath.minimumStability), ParameterClipper.maximumInitialStability) }
  }
}
