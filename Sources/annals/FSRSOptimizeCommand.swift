import ArgumentParser
import Foundation
import Optimizer
import ProgressStore
import Scheduling

extension FSRSCommand {
  /// `annals fsrs optimize`: fits the 21 FSRS-6 weights to a review log or a learner's reviews.
  struct Optimize: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "optimize",
      abstract: "Fit FSRS-6 parameters to a review log or to a learner's reviews.",
      discussion: """
        Trains as fsrs-rs does: every review with a gap of at least one study day is predicted from the card's \
        history (same-day reviews through the short-term formula) and the binary cross-entropy is minimised, with \
        exact gradients, Adam and cosine-annealed learning rate over 5 epochs, initial stabilities pretrained, \
        parameters clipped to fsrs-rs' bounds. With fewer than 8 such reviews the defaults are kept. For a learner, \
        the fitted parameters are stored with their date, the number of reviews and their metrics, the previous \
        ones are kept (see `annals fsrs parameters --restore`), and the scheduler uses them from then on.
        """)

    @OptionGroup var source: ReviewSourceOptions

    @Flag(help: "For a learner: show the fit without storing it.")
    var dryRun = false

    @Flag(help: "For a learner on a terminal: store the fit without asking first.")
    var yes = false

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
      let (training, sourceName, store, settings) = try source.load()
      let current = settings?.weights ?? FSRSParameters.defaultWeights
      let retention = settings?.desiredRetention ?? 0.9
      let line = ProgressLine()
      let fitStart = Date()
      let result = FSRSOptimizer.fit(training) { line.update($0) }
      let fitSeconds = Date().timeIntervalSince(fitStart)
      line.finish()
      if result.keptDefaults {
        let message =
          "not enough data to fit: \(result.samples) reviews with a gap of at least one day (at least 8 needed); "
          + "keeping the current parameters"
        if json {
          print(try JSONOutput.line(KeptOutput(reason: message, samples: result.samples, weights: current)))
        } else {
          print(message)
        }
        return
      }
      let comparison = FitComparison(
        training: training, current: current, fitted: result.weights, desiredRetention: retention)
      let (before, after) = (comparison.metricsBefore, comparison.metricsAfter)
      var stored = false
      func storeFit() throws {
        guard let store else { return }
        let metrics = after.json
        do {
          try store.recordFittedParameters(
            FittedParameters(
              time: Date(), weights: result.weights, source: "annals fsrs optimize",
              reviewCount: training.reviewCount, metricsJSON: metrics))
        } catch { throw CommandError(error.description) }
        stored = true
      }
      if json {
        if !dryRun { try storeFit() }
        let output = FittedOutput(
          source: sourceName, cards: training.cardCount, reviews: training.reviewCount, samples: training.sampleCount,
          weights: result.weights, previousWeights: current, metricsBefore: before, metrics: after,
          desiredRetention: retention, reviewsPerDayBefore: comparison.reviewsPerDayBefore,
          reviewsPerDayAfter: comparison.reviewsPerDayAfter, stored: stored, fitSeconds: fitSeconds)
        print(try JSONOutput.line(output))
        return
      }
      var out = "Fitted FSRS-6 parameters on \(training.reviewCount) reviews of \(training.cardCount) cards "
      out += "(\(training.sampleCount) with a gap of at least one day) from \(sourceName.terminalSafe).\n"
      out += "weights: \(FSRSParameters.text(of: result.weights))\n"
      out += String(
        format: "log loss %.4f -> %.4f, RMSE(bins) %.4f -> %.4f, AUC %.4f -> %.4f\n", before.logLoss, after.logLoss,
        before.rmseBins, after.rmseBins, before.auc, after.auc)
      out += String(
        format: "predicted workload at retention %.2f: %.1f -> %.1f reviews/day (simulated, 10 new cards/day)\n",
        retention, comparison.reviewsPerDayBefore, comparison.reviewsPerDayAfter)
      FileHandle.standardOutput.write(Data(out.utf8))
      guard store != nil else { return }
      if dryRun {
        print("Dry run: nothing stored.")
        return
      }
      // The workload change above is shown before anything is applied; on a terminal the learner decides.
      if !yes && isatty(0) == 1 && isatty(1) == 1 {
        FileHandle.standardOutput.write(Data("Use these parameters from now on? [y/N] ".utf8))
        let reply = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard reply == "y" || reply == "yes" else {
          print("Not stored; the current parameters stay in use.")
          return
        }
      }
      try storeFit()
      print("Stored and in use; the previous parameters are kept (annals fsrs parameters --restore N).")
    }

    /// `--json` when there was too little data and the parameters in use were kept.
    struct KeptOutput: Encodable {
      var fitted = false
      let reason: String
      let samples: Int
      let weights: [Double]

      enum CodingKeys: String, CodingKey {
        case fitted, reason, samples = "items", weights
      }
    }

    /// `--json` after a fit: the fitted weights beside the ones in use, their metrics and simulated workload.
    struct FittedOutput: Encodable {
      var fitted = true
      let source: String
      let cards: Int
      let reviews: Int
      let samples: Int
      let weights: [Double]
      let previousWeights: [Double]
      let metricsBefore: FSRSMetrics
      let metrics: FSRSMetrics
      let desiredRetention: Double
      let reviewsPerDayBefore: Double
      let reviewsPerDayAfter: Double
      let stored: Bool
      let fitSeconds: Double

      enum CodingKeys: String, CodingKey {
        case fitted, source, cards, reviews, samples = "items", weights, previousWeights = "previous_weights"
        case metricsBefore = "metrics_before", metrics, desiredRetention = "desired_retention"
        case reviewsPerDayBefore = "reviews_per_day_before", reviewsPerDayAfter = "reviews_per_day_after"
        case stored, fitSeconds = "fit_seconds"
      }
    }
  }
}

/// Writes a progress line to the terminal (stderr) while a fit runs; nothing when stderr is not a terminal.
final class ProgressLine {
  private let enabled = isatty(2) == 1
  private var lastPercent = -1

  func update(_ progress: FSRSOptimizer.Progress) {
    guard enabled else { return }
    let percent = progress.step * 100 / Swift.max(progress.steps, 1)
    guard percent != lastPercent else { return }
    lastPercent = percent
    FileHandle.standardError.write(Data("\rfitting: epoch \(progress.epoch)/\(progress.epochs), \(percent)%  ".utf8))
  }

  func finish() {
    if enabled && lastPercent >= 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
