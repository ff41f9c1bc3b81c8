import Foundation
import Optimizer
import Scheduling

/// Fits FSRS parameters to simulated learners of 10k and 100k cards and prints wall time and log loss.
///
/// The side-by-side comparison with fsrs-rs is `scripts/bench-optimizer.sh` (it needs Python); this measures
/// Annals alone, in-process, on the same simulated logs.
func runOptimizerBench() {
  print("FSRS optimizer: one gradient pass over a simulated 10k-card log (best of 5, single thread):")
  let sample = ReviewLogSimulator.trainingSet(
    ReviewLogSimulator.simulate(cards: 10_000, days: 365, weights: FSRSParameters.defaultWeights, seed: 1))
  let cards = Array(0..<sample.cardCount)
  let weights = FSRSParameters.defaultWeights
  func best(_ body: () -> Void) -> Double {
    var fastest = Double.infinity
    for _ in 0..<5 {
      let start = Date()
      body()
      fastest = Swift.min(fastest, Date().timeIntervalSince(start))
    }
    return fastest
  }
  let hand = HandGradient(longestCard: 1000)
  let tape = Tape(capacity: 200_000)
  let plain = best { _ = FSRSLoss.meanLoss(sample, weights: weights) }
  let handTime = best { _ = hand.lossAndGradient(sample, cards: cards, weights: weights) }
  let tapeTime = best { _ = FSRSLoss.reverseLossAndGradient(sample, cards: cards, weights: weights, tape: tape) }
  let dualTime = best { _ = FSRSLoss.lossAndGradient(sample, cards: cards, weights: weights) }
  print(
    String(
      format: "  %d reviews: loss only %.1f ms, hand-derived %.1f ms, tape %.1f ms, dual numbers %.1f ms",
      sample.reviewCount, plain * 1000, handTime * 1000, tapeTime * 1000, dualTime * 1000))
  print("FSRS optimizer (simulated learners, default weights as the truth):")
  for cards in [10_000, 100_000] {
    let reviews = ReviewLogSimulator.simulate(
      cards: cards, days: 365, weights: FSRSParameters.defaultWeights, seed: cards == 10_000 ? 1 : 2)
    let training = ReviewLogSimulator.trainingSet(reviews)
    let start = Date()
    let result = FSRSOptimizer.fit(training)
    let seconds = Date().timeIntervalSince(start)
    let metrics = FSRSMetrics(FSRSLoss.predictions(training, weights: result.weights))
    print(
      String(
        format: "  %6d cards, %7d reviews, %7d items: fit %.3f s, log loss %.4f (fsrs-rs weighting %.4f), "
          + "RMSE(bins) %.4f, AUC %.4f",
        cards, training.reviewCount, training.sampleCount, seconds, metrics.logLoss, metrics.fsrsRSLogLoss,
        metrics.rmseBins, metrics.auc))
  }
}
