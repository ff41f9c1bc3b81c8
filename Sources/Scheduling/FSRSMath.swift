/// The FSRS-6 memory model as pure formulas, generic over the number type.
///
/// Each function follows fsrs-rs (`src/model.rs`) so that, fed the same day gaps, it gives the same stability,
/// difficulty and interval. `w` is the 21-parameter vector (w0…w20); it is not clipped here (see
/// `FSRSParameters.clipped`). Elapsed time is in (study) days.
///
/// ```swift
/// var memory = FSRSMath.step(nil, rating: .good, elapsedDays: 0.0, w: FSRSParameters.defaultWeights)
/// memory = FSRSMath.step(memory, rating: .hard, elapsedDays: 3.0, w: FSRSParameters.defaultWeights)
/// ```
public enum FSRSMath {
  /// The smallest stability FSRS keeps (days).
  public static let minimumStability = 0.001
  /// The largest stability FSRS keeps (days), as in fsrs-rs.
  public static let maximumStability = 36500.0
  /// The difficulty range.
  public static let difficultyRange = 1.0...10.0

  /// The curve's factor F = 0.9^(−1/w20) − 1, chosen so that R = 0.9 when t = S.
  @inlinable public static func forgettingFactor<T: FSRSReal>(w: [T]) -> T {
    T.exp(T.log(T(0.9)) / -w[20]) - T(1)
  }

  /// Retrievability after `elapsedDays` with stability `stability`: R(t, S) = (1 + F·t/S)^(−w20).
  @inlinable public static func retrievability<T: FSRSReal>(elapsedDays t: T, stability s: T, w: [T]) -> T {
    T.pow(T(1) + forgettingFactor(w: w) * t / s, -w[20])
  }

  /// The stability after the first review: S0 = w[G−1].
  @inlinable public static func initialStability<T: FSRSReal>(_ rating: Rating, w: [T]) -> T {
    w[rating.rawValue - 1]
  }

  /// The difficulty after the first review, D0(G) = w4 − e^(w5·(G−1)) + 1, unclamped.
  @inlinable public static func initialDifficultyUnclamped<T: FSRSReal>(_ rating: Rating, w: [T]) -> T {
    w[4] - T.exp(w[5] * T(Double(rating.rawValue - 1))) + T(1)
  }

  /// The difficulty after the first review, D0(G), clamped to 1…10.
  @inlinable public static func initialDifficulty<T: FSRSReal>(_ rating: Rating, w: [T]) -> T {
    initialDifficultyUnclamped(rating, w: w).clamped(difficultyRange.lowerBound, difficultyRange.upperBound)
  }

  /// The difficulty after a later review: linear damping, mean reversion towards D0(4), clamp to 1…10.
  @inlinable public static func nextDifficulty<T: FSRSReal>(_ d: T, rating: Rating, w: [T]) -> T {
    let deltaD = -w[6] * T(Double(rating.rawValue - 3))
    let damped = d + (T(10) - d) * deltaD / T(9)
    let reverted = w[7] * initialDifficultyUnclamped(.easy, w: w) + (T(1) - w[7]) * damped
    return reverted.clamped(difficultyRange.lowerBound, difficultyRange.upperBound)
  }

  /// The stability after a successful recall (Hard, Good, Easy) at retrievability `r`.
  @inlinable public static func stabilityAfterSuccess<T: FSRSReal>(
    stability s: T, difficulty d: T, retrievability r: T, rating: Rating, w: [T]
  ) -> T {
    let hardPenalty = rating == .hard ? w[15] : T(1)
    let easyBonus = rating == .easy ? w[16] : T(1)
    let growth =
      T.exp(w[8]) * (T(11) - d) * T.pow(s, -w[9]) * (T.exp(w[10] * (T(1) - r)) - T(1)) * hardPenalty * easyBonus
    return s * (growth + T(1))
  }

  /// The stability after a lapse (Again) at retrievability `r`; never above S / e^(w17·w18).
  @inlinable public static func stabilityAfterLapse<T: FSRSReal>(
    stability s: T, difficulty d: T, retrievability r: T, w: [T]
  ) -> T {
    let lapsed =
      w[11] * T.pow(d, -w[12]) * (T.pow(s + T(1), w[13]) - T(1)) * T.exp(w[14] * (T(1) - r))
    let ceiling = s / T.exp(w[17] * w[18])
    return lapsed.min(ceiling)
  }

  /// The stability after a review on the same day as the previous one: S·e^(w17·(G−3+w18))·S^(−w19), never
  /// lower than S for a success.
  @inlinable public static func shortTermStability<T: FSRSReal>(stability s: T, rating: Rating, w: [T]) -> T {
    var increase = T.exp(w[17] * (T(Double(rating.rawValue - 3)) + w[18])) * T.pow(s, -w[19])
    if rating >= .hard { increase = increase.max(T(1)) }
    return s * increase
  }

  /// One review: the memory state after answering `rating` `elapsedDays` after the previous review.
  ///
  /// `state` is nil for a card's first review (its gap is then ignored). The new stability uses the old
  /// difficulty; a gap of zero days uses the same-day formula. Stability is kept within 0.001…36500.
  @inlinable public static func step<T: FSRSReal>(
    _ state: (stability: T, difficulty: T)?, rating: Rating, elapsedDays: T, w: [T]
  ) -> (stability: T, difficulty: T) {
    guard let state else {
      let s = initialStability(rating, w: w).clamped(minimumStability, maximumStability)
      return (s, initialDifficulty(rating, w: w))
    }
    let s: T
    if elapsedDays.value == 0 {
      s = shortTermStability(stability: state.stability, rating: rating, w: w)
    } else {
      let r = retrievability(elapsedDays: elapsedDays, stability: state.stability, w: w)
      if rating == .again {
        s = stabilityAfterLapse(stability: state.stability, difficulty: state.difficulty, retrievability: r, w: w)
      } else {
        s = stabilityAfterSuccess(
          stability: state.stability, difficulty: state.difficulty, retrievability: r, rating: rating, w: w)
      }
    }
    let d = nextDifficulty(state.difficulty, rating: rating, w: w)
    return (s.clamped(minimumStability, maximumStability), d)
  }

  /// The interval in days, unrounded, after which R falls to `desiredRetention`: S/F·(DR^(−1/w20) − 1).
  @inlinable public static func interval<T: FSRSReal>(stability s: T, desiredRetention: T, w: [T]) -> T {
    s / forgettingFactor(w: w) * (T.exp(T.log(desiredRetention) / -w[20]) - T(1))
  }
}
