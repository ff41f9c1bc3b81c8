import ArgumentParser
import Foundation
import Scheduling

extension FSRSCommand {
  /// `annals fsrs replay REVLOG.csv`: the FSRS memory state after every review of a log.
  struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "replay",
      abstract: "Replay a review log and print, per review, what FSRS computes.",
      discussion: """
        The log is CSV with a header naming card_id, review_time (ISO 8601, or epoch milliseconds), review_rating \
        (1 Again … 4 Easy) and optionally review_duration (ms). Reviews are replayed card by card in time order \
        with FSRS-6 and the default parameters; elapsed days are differences of study-day numbers (a study day \
        starts at the rollover hour in the given time zone). Printed per review: elapsed days, retrievability \
        before the review, stability and difficulty after it, and the next interval in days (unfuzzed).
        """)

    @Argument(help: ArgumentHelp("The review log (CSV).", valueName: "REVLOG.csv"))
    var file: String

    @Option(help: "Time zone of the learner's study days (IANA name, e.g. Asia/Baku; default: the system's).")
    var timezone: String?

    @Option(help: "Hour (0-23) at which a study day begins.")
    var rolloverHour = 4

    @Option(help: "Desired retention for the intervals (0.7-0.99).")
    var desiredRetention = 0.9

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func validate() throws {
      guard (0...23).contains(rolloverHour) else {
        throw ValidationError("--rollover-hour must be between 0 and 23, got \(rolloverHour)")
      }
      if let timezone, TimeZone(identifier: timezone) == nil {
        throw ValidationError("--timezone '\(timezone.terminalSafe)' is not a known time zone (try e.g. Europe/Berlin or UTC)")
      }
      guard desiredRetention > 0, desiredRetention < 1 else {
        throw ValidationError("--desired-retention must be between 0 and 1, got \(desiredRetention)")
      }
    }

    func run() throws {
      let reviews = try ReviewSourceOptions.readLog(file)
      let clock = StudyDayClock(
        rolloverHour: rolloverHour, timeZone: timezone.flatMap(TimeZone.init(identifier:)) ?? .current)
      let parameters = try FSRSParameters(desiredRetention: desiredRetention, fuzz: false)
      let replayed = FSRSReplay.replay(reviews, scheduler: FSRSScheduler(parameters: parameters, clock: clock))
      if json {
        print(try JSONOutput.line(replayed))
        return
      }
      var out = "card_id\treview_time\trating\telapsed_days\tretrievability\tstability\tdifficulty\tinterval\n"
      let formatter = ISO8601DateFormatter()
      for review in replayed {
        out += review.cardID.terminalSafe + "\t" + formatter.string(from: review.time) + "\t\(review.rating)\t"
        out += (review.elapsedDays.map(String.init) ?? "-") + "\t"
        out += (review.retrievability.map { String(format: "%.4f", $0) } ?? "-") + "\t"
        out += String(format: "%.4f\t%.4f\t%d\n", review.stability, review.difficulty, review.interval)
      }
      let cards = Set(replayed.map(\.cardID)).count
      out += "\(replayed.count) reviews of \(cards) cards replayed\n"
      FileHandle.standardOutput.write(Data(out.utf8))
    }
  }
}
