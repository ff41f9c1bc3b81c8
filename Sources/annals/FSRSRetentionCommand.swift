import ArgumentParser
import Foundation
import Optimizer
import ProgressStore
import Scheduling

extension FSRSCommand {
  /// `annals fsrs retention`: simulated workload and knowledge at each desired retention.
  struct Retention: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "retention",
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
      var weights = try WeightsArgument.load(parameters)
      if weights == nil {
        let progress = try store.open()
        do { weights = try progress.settings().weights } catch { throw CommandError(error.description) }
      }
      let points = WorkloadSimulator.sweep(weights: weights ?? FSRSParameters.defaultWeights)
      let best = WorkloadSimulator.optimal(points)
      if json {
        print(try JSONOutput.line(Output(points: points, optimalRetention: best?.desiredRetention ?? 0.9)))
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

    /// `--json`: every retention's figures and the most efficient retention.
    struct Output: Encodable {
      let points: [WorkloadSimulator.Point]
      let optimalRetention: Double

      enum CodingKeys: String, CodingKey {
        case points, optimalRetention = "optimal_retention"
      }
    }
  }
}
