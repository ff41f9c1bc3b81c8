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

  /// The reviews as a training set, with where they came from and the learner's store and settings if any.
  func load() throws -> (training: TrainingSet, source: String, store: ProgressStore?, settings: LearnerSettings?) {
    if let file {
      let clock = StudyDayClock(
        rolloverHour: rolloverHour, timeZone: timezone.flatMap(TimeZone.init(identifier:)) ?? .current)
      return (TrainingSet(reviews: try Self.readLog(file), clock: clock), file, nil, nil)
    }
    let progress = try store.open()
    let path = try store.resolvePath()
    do {
      let settings = try progress.settings()
      let reviews = try progress.loggedReviews()
      return (TrainingSet(reviews: reviews, clock: settings.clock), path, progress, settings)
    } catch {
      throw CommandError(error.description)
    }
  }

  /// The review log at `file`; an error names the file and line, shown terminal-safe.
  static func readLog(_ file: String) throws -> [Review] {
    do { return try ReviewLogCSV.load(contentsOfFile: file) } catch { throw CommandError(error.description.terminalSafe) }
  }
}
