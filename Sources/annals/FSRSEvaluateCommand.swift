import ArgumentParser
import Foundation
import Optimizer
import Scheduling

extension FSRSCommand {
  /// `annals fsrs evaluate`: srs-benchmark's metrics of a set of parameters on a review log or a learner's reviews.
  struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "evaluate",
      abstract: "Measure how well FSRS parameters predict recall: log loss, RMSE(bins), AUC.",
      discussion: """
        Metrics as srs-benchmark and fsrs-rs define them, over every review with a gap of at least one study day, \
        so that they compare with published figures.
        """)

    @OptionGroup var source: ReviewSourceOptions

    @Option(help: ArgumentHelp(
      "'defaults', or a file with 21 weights (JSON array or comma-separated); default: the learner's, else defaults.",
      valueName: "FILE|defaults"))
    var parameters: String?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
      let (training, _, _, settings) = try source.load()
      let weights = try WeightsArgument.load(parameters) ?? settings?.weights ?? FSRSParameters.defaultWeights
      guard training.sampleCount > 0 else {
        throw CommandError("no review with a gap of at least one day to evaluate")
      }
      let metrics = FSRSMetrics(FSRSLoss.predictions(training, weights: weights))
      if json {
        print(try JSONOutput.line(metrics))
      } else {
        print(String(
          format: "log loss %.4f  RMSE(bins) %.4f  AUC %.4f  (%d items; srs-benchmark's definitions)",
          metrics.logLoss, metrics.rmseBins, metrics.auc, metrics.samples))
        print(String(
          format: "fsrs-rs evaluate (recency-weighted): log loss %.4f  RMSE(bins) %.4f", metrics.fsrsRSLogLoss,
          metrics.fsrsRSRMSEBins))
      }
    }
  }
}
