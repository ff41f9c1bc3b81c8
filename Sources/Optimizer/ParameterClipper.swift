import Scheduling

/// The bounds fsrs-rs keeps the weights in while training.
public enum ParameterClipper {
  /// The highest initial stability (w0…w3) fsrs-rs allows.
  public static let maximumInitialStability = 100.0

  /// The lower and upper bound of each weight when training with short-term (same-day) reviews.
  ///
  /// As fsrs-rs: py-fsrs' bounds, w19 at least 0.01 when same-day reviews are trained, and w17, w18 at most 2 with
  /// one relearning step (a tighter ceiling with more steps, so that relearning cannot raise stability above S).
  public static func bounds(weights: [Double], relearningSteps: Int = 1) -> [ClosedRange<Double>] {
    var lower = FSRSParameters.lowerBounds
    var upper = FSRSParameters.upperBounds
    for i in 0..<4 { upper[i] = maximumInitialStability }
    lower[19] = 0.01
    if relearningSteps > 1 {
      let penalty = Foundation.log(weights[11]) + Foundation.log(Foundation.pow(2, weights[13]) - 1) + weights[14] * 0.3
      let ceiling = Swift.min(Swift.max(-penalty / Double(relearningSteps), 0.01).squareRoot(), 2)
      upper[17] = ceiling
      upper[18] = ceiling
    }
    return (0..<21).map { lower[$0]...Swift.max(lower[$0], upper[$0]) }
  }

  /// `weights` moved into their bounds.
  public static func clip(_ weights: [Double], relearningSteps: Int = 1) -> [Double] {
    let ranges = bounds(weights: weights, relearningSteps: relearningSteps)
    return (0..<21).map { Swift.min(Swift.max(weights[$0], ranges[$0].lowerBound), ranges[$0].upperBound) }
  }
}

import Foundation
