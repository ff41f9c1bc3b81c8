import ArgumentParser
import Foundation
import Optimizer
import ProgressStore
import Scheduling

/// Where the reviews to fit or evaluate come from: a CSV log, or a learner's store.
struct ReviewSourceOptions: ParsableArguments {
  @Argument(help: ArgumentHelp("A review log (CSV, as `annals fsrs replay` reads); omit to use the learner's store.",
    valueName: "REVLOG.csv"))
  var file: String?

  @OptionGroup var store: StoreOptions

  @Option(help: "Time zone of the study days of a CSV log (IANA name; default: the system's).")
  var timezone: String?

  @Option(help: "Hour (0-23) at which a study day of a CSV log begins.")
  var rolloverHour = 4

  func validate() throws {
    guard (0...23).contains(rolloverHour) else {
      throw ValidationError("--rollover-hour must be between 0 and 23, got \(rolloverHour)")
    }
    if let timezone, TimeZone(identifier: timezone) == nil {
      throw ValidationError("--timezone '\(timezone.terminalSafe)' is not a known time zone (try e.g. Europe/Berlin or UTC)")
    }
    if file != nil && (store.workspaceOptions.learner != nil || store.store != nil) {
      throw ValidationError("give either a review log or --learner/--store, not both")
    }
  }

  /// The reviews as histories, with a description of where they came from and the learner's settings if any.
  func load() throws -> (histories: ReviewHistories, source: String, store: ProgressStore?, settings: LearnerSettings?) {
    if let file {
      let reviews = try ReviewLogFile.load(file)
      let clock = StudyDayClock(
        rolloverHour: rolloverHour, timeZone: timezone.flatMap(TimeZone.init(identifier:)) ?? .current)
      return (ReviewHistories(reviews: reviews, clock: clock), file, nil, nil)
    }
    let progress = try store.open()
    let path = try store.resolvePath()
    do {
      let settings = try progress.settings()
      let reviews = try progress.loggedReviews()
      return (ReviewHistories(reviews: reviews, clock: settings.clock), path, progress, settings)
    } catch {
      throw CommandError(error.description)
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

func formatWeights(_ weights: [Double]) -> String {
  weights.map { String(format: "%.4f", $0) }.joined(separator: ", ")
}

func jsonText(_ object: Any) -> String {
  let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
  return String(decoding: data, as: UTF8.self)
}

func metricsObject(_ metrics: FSRSMetrics) -> [String: Any] {
  [
    "log_loss": metrics.logLoss, "rmse_bins": metrics.rmseBins, "auc": metrics.auc, "items": metrics.items,
    "fsrs_rs_log_loss": metrics.fsrsRSLogLoss, "fsrs_rs_rmse_bins": metrics.fsrsRSRMSEBins,
  ]
}

extension FSRSCommand {
  /// `annals fsrs optimize`: fits the 21 FSRS-6 weights to a review log or a learner's reviews.
  struct Optimize: ParsableCommand {
    static let configuration = CommandConfiguration(
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
      let (histories, sourceName, store, settings) = try source.load()
      let current = settings?.weights ?? FSRSParameters.defaultWeights
      let retention = settings?.desiredRetention ?? 0.9
      let line = ProgressLine()
      let fitStart = Date()
      let result = FSRSOptimizer.fit(histories) { line.update($0) }
      let fitSeconds = Date().timeIntervalSince(fitStart)
      line.finish()
      if result.keptDefaults {
        let message =
          "not enough data to fit: \(result.items) reviews with a gap of at least one day (at least 8 needed); "
          + "keeping the current parameters"
        if json {
          print(jsonText(["fitted": false, "reason": message, "items": result.items, "weights": current]))
        } else {
          print(message)
        }
        return
      }
      let before = FSRSMetrics(FSRSLoss.predictions(histories, weights: current))
      let after = FSRSMetrics(FSRSLoss.predictions(histories, weights: result.weights))
      let workloadBefore = WorkloadSimulator.simulate(weights: current, desiredRetention: retention)
      let workloadAfter = WorkloadSimulator.simulate(weights: result.weights, desiredRetention: retention)
      var stored = false
      func storeFit() throws {
        guard let store else { return }
        let metrics = jsonText(metricsObject(after))
        do {
          try store.recordFittedParameters(
            FittedParameters(
              time: Date(), weights: result.weights, source: "annals fsrs optimize",
              reviewCount: histories.reviewCount, metricsJSON: metrics))
        } catch { throw CommandError(error.description) }
        stored = true
      }
      if json {
        if !dryRun { try storeFit() }
        print(
          jsonText([
            "fitted": true, "source": sourceName, "cards": histories.cardCount, "reviews": histories.reviewCount,
            "items": histories.itemCount, "weights": result.weights, "previous_weights": current,
            "metrics_before": metricsObject(before), "metrics": metricsObject(after),
            "desired_retention": retention, "reviews_per_day_before": workloadBefore.reviewsPerDay,
            "reviews_per_day_after": workloadAfter.reviewsPerDay, "stored": stored, "fit_seconds": fitSeconds,
          ]))
        return
      }
      var out = "Fitted FSRS-6 parameters on \(histories.reviewCount) reviews of \(histories.cardCount) cards "
      out += "(\(histories.itemCount) with a gap of at least one day) from \(sourceName.terminalSafe).\n"
      out += "weights: \(formatWeights(result.weights))\n"
      out += String(
        format: "log loss %.4f -> %.4f, RMSE(bins) %.4f -> %.4f, AUC %.4f -> %.4f\n", before.logLoss, after.logLoss,
        before.rmseBins, after.rmseBins, before.auc, after.auc)
      out += String(
        format: "predicted workload at retention %.2f: %.1f -> %.1f reviews/day (simulated, 10 new cards/day)\n",
        retention, workloadBefore.reviewsPerDay, workloadAfter.reviewsPerDay)
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
  }

  /// `annals fsrs evaluate`: srs-benchmark's metrics of a set of parameters on a review log or a learner's reviews.
  struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
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
      let (histories, _, _, settings) = try source.load()
      let weights = try loadWeights(parameters) ?? settings?.weights ?? FSRSParameters.defaultWeights
      guard histories.itemCount > 0 else {
        throw CommandError("no review with a gap of at least one day to evaluate")
      }
      let metrics = FSRSMetrics(FSRSLoss.predictions(histories, weights: weights))
      if json {
        print(jsonText(metricsObject(metrics)))
      } else {
        print(String(
          format: "log loss %.4f  RMSE(bins) %.4f  AUC %.4f  (%d items; srs-benchmark's definitions)",
          metrics.logLoss, metrics.rmseBins, metrics.auc, metrics.items))
        print(String(
          format: "fsrs-rs evaluate (recency-weighted): log loss %.4f  RMSE(bins) %.4f", metrics.fsrsRSLogLoss,
          metrics.fsrsRSRMSEBins))
      }
    }
  }

  /// `annals fsrs retention`: simulated workload and knowledge at each desired retention.
  struct Retention: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Simulate workload and knowledge for desired retentions 0.70-0.97 and find the most efficient.",
      discussion: """
        Simulates 10 new cards a day for a year with the learner's FSRS parameters (Anki's model of "compute \
        optimal retention"): reviews per day, minutes per day, knowledge at the end (sum of recall probabilities) \
        and seconds of study per card remembered; the retention with the lowest cost per card remembered is marked.
        """)

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("'defaults' or a file with 21 weights (default: the learner's).", valueName: "FILE|defaults"))
    var parameters: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
      var weights = try loadWeights(parameters)
      if weights == nil {
        let progress = try store.open()
        do { weights = try progress.settings().weights } catch { throw CommandError(error.description) }
      }
      let points = WorkloadSimulator.sweep(weights: weights ?? FSRSParameters.defaultWeights)
      let best = WorkloadSimulator.optimal(points)
      if json {
        print(jsonText([
          "points": points.map {
            ["desired_retention": $0.desiredRetention, "reviews_per_day": $0.reviewsPerDay,
             "minutes_per_day": $0.minutesPerDay, "knowledge": $0.knowledge, "seconds_per_fact": $0.secondsPerFact]
          },
          "optimal_retention": best?.desiredRetention ?? 0.9,
        ]))
        return
      }
      var out = "retention  reviews/day  minutes/day  knowledge  s/fact\n"
      for p in points {
        out += String(
          format: "%9.2f  %11.1f  %11.1f  %9.0f  %6.1f%@\n", p.desiredRetention, p.reviewsPerDay, p.minutesPerDay,
          p.knowledge, p.secondsPerFact, p == best ? "  <- lowest cost per fact remembered" : "")
      }
      FileHandle.standardOutput.write(Data(out.utf8))
    }
  }

  /// `annals fsrs parameters`: the learner's fitted parameters, oldest first; `--restore N` brings one back.
  struct Parameters: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List a learner's fitted FSRS parameters, or restore an earlier set.")

    @OptionGroup var store: StoreOptions

    @Option(help: "Use fitted set N (from the list) again; 0 restores the defaults.")
    var restore: Int?

    func run() throws {
      let progress = try store.open()
      do {
        let history = try progress.fittedParameterHistory()
        if let restore {
          guard restore >= 0, restore <= history.count else {
            throw CommandError("--restore \(restore): there are \(history.count) fitted sets (0 = defaults)")
          }
          let weights = restore == 0 ? FSRSParameters.defaultWeights : history[restore - 1].weights
          try progress.recordFittedParameters(
            FittedParameters(
              time: Date(), weights: weights, source: restore == 0 ? "restored defaults" : "restored set \(restore)",
              reviewCount: restore == 0 ? 0 : history[restore - 1].reviewCount,
              metricsJSON: restore == 0 ? nil : history[restore - 1].metricsJSON))
          print("Restored \(restore == 0 ? "the default parameters" : "fitted set \(restore)").")
          return
        }
        if history.isEmpty { print("No fitted parameters yet; the defaults are in use.") }
        let formatter = ISO8601DateFormatter()
        for (index, fitted) in history.enumerated() {
          print(
            "\(index + 1)\t\(formatter.string(from: fitted.time))\t\(fitted.source.terminalSafe)\t"
              + "\(fitted.reviewCount) reviews\t\(fitted.metricsJSON?.terminalSafe ?? "-")\n\t\(formatWeights(fitted.weights))")
        }
      } catch let error as StoreError { throw CommandError(error.description) }
    }
  }

  /// `annals fsrs simulate-log`: a review log of a simulated learner (for benchmarks and tests).
  struct SimulateLog: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "simulate-log", abstract: "Write the review log of a simulated learner as CSV.",
      shouldDisplay: false)

    @Option(help: "Cards.") var cards = 10_000
    @Option(help: "Days simulated.") var days = 365
    @Option(help: "Seed.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("'defaults' or a file with the true weights.", valueName: "FILE|defaults"))
    var parameters: String?
    @Option(help: "Output file.") var output: String

    func run() throws {
      let weights = try loadWeights(parameters) ?? FSRSParameters.defaultWeights
      let reviews = ReviewLogSimulator.simulate(cards: cards, days: days, weights: weights, seed: seed)
      do { try ReviewLogSimulator.csv(reviews).write(toFile: output, atomically: true, encoding: .utf8) } catch {
        throw CommandError("cannot write \(output.terminalSafe): \(error.localizedDescription)")
      }
    }
  }
}

/// Weights from `--parameters`: nil when not given, the defaults for "defaults", else 21 numbers read from a file.
func loadWeights(_ argument: String?) throws -> [Double]? {
  guard let argument else { return nil }
  if argument == "defaults" { return FSRSParameters.defaultWeights }
  let text: String
  do { text = try String(contentsOfFile: argument, encoding: .utf8) } catch {
    throw CommandError("--parameters: cannot read \(argument.terminalSafe): \(error.localizedDescription)")
  }
  let fields = text.split(whereSeparator: { ",[] \n\t\r".contains($0) })
  let numbers = fields.compactMap { Double($0) }
  guard numbers.count == fields.count, numbers.count == 21, numbers.allSatisfy(\.isFinite) else {
    throw CommandError(
      "--parameters: \(argument.terminalSafe) must hold 21 numbers (JSON array or comma-separated), found \(fields.count) fields")
  }
  return numbers
}
