import Foundation
import Scheduling

/// The loss gradient by a hand-derived backward pass: the fastest of the three ways to differentiate.
///
/// The forward pass runs the shared `FSRSMath` formulas on plain doubles and keeps each review's stability,
/// difficulty and retrievability; the backward pass walks the card's reviews in reverse and applies each formula's
/// partial derivatives (written out below) to the adjoints of stability and difficulty, as reverse-mode automatic
/// differentiation would, without recording a tape. Clamps, `min` and `max` pass derivative only through the branch
/// taken, as in fsrs-rs. The tests check it against the dual-number gradient and against finite differences.
public final class HandGradient: @unchecked Sendable {
  private let capacity: Int
  private let stabilities: UnsafeMutablePointer<Double>
  private let difficulties: UnsafeMutablePointer<Double>
  private let seeds: UnsafeMutablePointer<Double>
  private let retrievabilities: UnsafeMutablePointer<Double>

  /// Scratch space for cards of up to `longestCard` reviews.
  public init(longestCard: Int) {
    capacity = Swift.max(longestCard, 1) + 1
    stabilities = .allocate(capacity: capacity)
    difficulties = .allocate(capacity: capacity)
    seeds = .allocate(capacity: capacity)
    retrievabilities = .allocate(capacity: capacity)
  }

  deinit {
    stabilities.deallocate()
    difficulties.deallocate()
    seeds.deallocate()
    retrievabilities.deallocate()
  }

  /// The summed (weighted) log loss of the samples of `cards` and its gradient.
  public func lossAndGradient(
    _ training: TrainingSet, cards: some Collection<Int>, weights w: [Double],
    weighting: SampleWeighting = .uniform
  ) -> (loss: Double, gradient: [Double], samples: Int) {
    var gradient = [Double](repeating: 0, count: 21)
    var loss = 0.0
    var samples = 0
    let count = training.sampleCount
    let decay = w[20]
    let factor = Foundation.pow(0.9, -1 / decay) - 1
    // ∂F/∂w20, F = 0.9^(−1/w20) − 1.
    let factorSlope = (factor + 1) * Foundation.log(0.9) / (decay * decay)
    let expW8 = Foundation.exp(w[8])
    let easyExp = Foundation.exp(3 * w[5])
    let easyDifficulty = w[4] - easyExp + 1
    let lapseCeilingFactor = Foundation.exp(w[17] * w[18])
    let ratings = training.ratings
    let gaps = training.gaps
    for card in cards {
      let start = training.starts[card]
      let end = training.starts[card + 1]
      let n = end - start
      guard n > 1, n < capacity else {
        if n >= capacity { preconditionFailure("card longer than the scratch space") }
        continue
      }
      // Forward: stabilities[k], difficulties[k] are the state after review k; seeds[k] is ∂loss/∂R at review k.
      let first = Rating(rawValue: Int(ratings[start]))!
      var s = FSRSMath.initialStability(first, w: w).clamped(FSRSMath.minimumStability, FSRSMath.maximumStability)
      var d = FSRSMath.initialDifficulty(first, w: w)
      stabilities[0] = s
      difficulties[0] = d
      var sample = training.sampleStarts[card]
      var hasSample = false
      for k in 1..<n {
        let rating = Rating(rawValue: Int(ratings[start + k]))!
        let gap = Double(gaps[start + k])
        seeds[k] = 0
        let next: Double
        if gap == 0 {
          next = FSRSMath.shortTermStability(stability: s, rating: rating, w: w)
        } else {
          let r = Foundation.pow(1 + factor * gap / s, -decay)
          retrievabilities[k] = r
          let p = Swift.min(Swift.max(r, FSRSLoss.epsilon), 1 - FSRSLoss.epsilon)
          let weight = weighting.weight(sample, of: count)
          sample += 1
          samples += 1
          hasSample = true
          if rating == .again {
            loss -= weight * Foundation.log(1 - p)
            seeds[k] = weight / (1 - p)
            next = FSRSMath.stabilityAfterLapse(stability: s, difficulty: d, retrievability: r, w: w)
          } else {
            loss -= weight * Foundation.log(p)
            seeds[k] = -weight / p
            next = FSRSMath.stabilityAfterSuccess(stability: s, difficulty: d, retrievability: r, rating: rating, w: w)
          }
        }
        d = FSRSMath.nextDifficulty(d, rating: rating, w: w)
        s = next.clamped(FSRSMath.minimumStability, FSRSMath.maximumStability)
        stabilities[k] = s
        difficulties[k] = d
      }
      guard hasSample else { continue }

      // Backward: adjoints of the state after review k, walked from the last review to the first.
      var adjointS = 0.0
      var adjointD = 0.0
      for k in stride(from: n - 1, through: 1, by: -1) {
        let rating = Double(ratings[start + k])
        let gap = Double(gaps[start + k])
        let sPrev = stabilities[k - 1]
        let dPrev = difficulties[k - 1]
        var nextAdjointS = 0.0
        var nextAdjointD = 0.0

        // Difficulty: D' = D − w6·(G−3)·(10−D)/9; D'' = w7·D0(4) + (1−w7)·D'; clamped to 1…10.
        let damped = dPrev - w[6] * (rating - 3) * (10 - dPrev) / 9
        let rawD = w[7] * easyDifficulty + (1 - w[7]) * damped
        if rawD >= 1 && rawD <= 10 && adjointD != 0 {
          gradient[7] += adjointD * (easyDifficulty - damped)
          gradient[4] += adjointD * w[7]
          gradient[5] -= adjointD * w[7] * 3 * easyExp
          let dDamped = adjointD * (1 - w[7])
          gradient[6] -= dDamped * (rating - 3) * (10 - dPrev) / 9
          nextAdjointD += dDamped * (1 + w[6] * (rating - 3) / 9)
        }

        // Stability: adjointRaw is ∂loss/∂(stability before clamping).
        let sNow = stabilities[k]
        let clampedS = sNow <= FSRSMath.minimumStability || sNow >= FSRSMath.maximumStability
        let adjointRaw = clampedS ? 0 : adjointS
        if gap == 0 {
          // S·e^(w17·(G−3+w18))·S^(−w19), at least S for G ≥ 2.
          let increase = Foundation.exp(w[17] * (rating - 3 + w[18])) * Foundation.pow(sPrev, -w[19])
          if rating >= 2 && increase < 1 {
            nextAdjointS += adjointRaw
          } else if adjointRaw != 0 {
            let raw = sPrev * increase
            nextAdjointS += adjointRaw * increase * (1 - w[19])
            gradient[17] += adjointRaw * raw * (rating - 3 + w[18])
            gradient[18] += adjointRaw * raw * w[17]
            gradient[19] -= adjointRaw * raw * Foundation.log(sPrev)
          }
        } else {
          let base = 1 + factor * gap / sPrev
          let r = retrievabilities[k]
          var adjointR = seeds[k]
          if rating == 1 {
            let memoryTerm = Foundation.pow(sPrev + 1, w[13])
            let lapsed =
              w[11] * Foundation.pow(dPrev, -w[12]) * (memoryTerm - 1) * Foundation.exp(w[14] * (1 - r))
            let ceiling = sPrev / lapseCeilingFactor
            if ceiling < lapsed {
              nextAdjointS += adjointRaw / lapseCeilingFactor
              gradient[17] -= adjointRaw * ceiling * w[18]
              gradient[18] -= adjointRaw * ceiling * w[17]
            } else if adjointRaw != 0 {
              gradient[11] += adjointRaw * lapsed / w[11]
              nextAdjointD -= adjointRaw * lapsed * w[12] / dPrev
              gradient[12] -= adjointRaw * lapsed * Foundation.log(dPrev)
              let withoutMemory = lapsed / (memoryTerm - 1)
              nextAdjointS += adjointRaw * withoutMemory * w[13] * memoryTerm / (sPrev + 1)
              gradient[13] += adjointRaw * withoutMemory * memoryTerm * Foundation.log(sPrev + 1)
              adjointR -= adjointRaw * lapsed * w[14]
              gradient[14] += adjointRaw * lapsed * (1 - r)
            }
          } else if adjointRaw != 0 {
            let hard = rating == 2 ? w[15] : 1
            let easy = rating == 4 ? w[16] : 1
            let growthExp = Foundation.exp(w[10] * (1 - r))
            let core = expW8 * (11 - dPrev) * Foundation.pow(sPrev, -w[9])
            let growth = core * (growthExp - 1) * hard * easy
            nextAdjointS += adjointRaw * (1 + growth * (1 - w[9]))
            nextAdjointD -= adjointRaw * sPrev * core * (growthExp - 1) * hard * easy / (11 - dPrev)
            gradient[8] += adjointRaw * sPrev * growth
            gradient[9] -= adjointRaw * sPrev * growth * Foundation.log(sPrev)
            let slope = sPrev * core * hard * easy * growthExp
            adjointR -= adjointRaw * slope * w[10]
            gradient[10] += adjointRaw * slope * (1 - r)
            if rating == 2 { gradient[15] += adjointRaw * sPrev * core * (growthExp - 1) * easy }
            if rating == 4 { gradient[16] += adjointRaw * sPrev * core * (growthExp - 1) * hard }
          }
          // R = (1 + F·t/S)^(−w20).
          if adjointR != 0 {
            nextAdjointS += adjointR * decay * r / base * factor * gap / (sPrev * sPrev)
            gradient[20] += adjointR * r * (-Foundation.log(base) - decay / base * gap / sPrev * factorSlope)
          }
        }
        adjointS = nextAdjointS
        adjointD = nextAdjointD
      }
      // First review: S0 = w[G−1], D0 = w4 − e^(w5·(G−1)) + 1, each clamped.
      let g = Double(first.rawValue)
      let s0 = w[first.rawValue - 1]
      if s0 >= FSRSMath.minimumStability && s0 <= FSRSMath.maximumStability { gradient[first.rawValue - 1] += adjointS }
      let d0 = w[4] - Foundation.exp(w[5] * (g - 1)) + 1
      if d0 >= 1 && d0 <= 10 {
        gradient[4] += adjointD
        gradient[5] -= adjointD * (g - 1) * Foundation.exp(w[5] * (g - 1))
      }
    }
    return (loss, gradient, samples)
  }
}
