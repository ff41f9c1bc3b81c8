import Foundation
import Optimizer
import Scheduling

/// Fits FSRS parameters to simulated learners of 10k and 100k cards and prints wall time and log loss.
///
/// The side-by-side comparison with fsrs-rs is `scripts/bench-optimizer.sh` (it needs Python); this measures
/// Annals alone, in-process, on the same simulated logs.
func runOptimizerBench() {
  print("FSRS optimizer (simulated learners, default weights as the truth):")
  for cards in [10_000, 100_000] {
    let reviews = ReviewLogSimulator.simulate(
      cards: cards, days: 365, weights: FSRSParameters.defaultWeights, seed: cards == 10_000 ? 1 : 2)
    let histories = ReviewLogSimulator.histories(reviews)
    let start = Date()
    let result = FSRSOptimizer.fit(histories)
    let seconds = Date().timeIntervalSince(start)
    let metrics = FSRSMetrics(FSRSLoss.predictions(histories, weights: result.weights))
    print(
      String(
        format: "  %6d cards, %7d reviews, %7d items: fit %.3f s, log loss %.4f (fsrs-rs weighting %.4f), "
          + "RMSE(bins) %.4f, AUC %.4f",
        cards, histories.reviewCount, histories.itemCount, seconds, metrics.logLoss, metrics.fsrsRSLogLoss,
        metrics.rmseBins, metrics.auc))
  }
}
