import ArgumentParser
import Foundation
import Optimizer
import Scheduling

extension FSRSCommand {
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
      let weights = try WeightsArgument.load(parameters) ?? FSRSParameters.defaultWeights
      let reviews = ReviewLogSimulator.simulate(cards: cards, days: days, weights: weights, seed: seed)
      do { try ReviewLogSimulator.csv(reviews).write(toFile: output, atomically: true, encoding: .utf8) } catch {
        throw CommandError("cannot write \(output.terminalSafe): \(error.localizedDescription)")
      }
    }
  }
}
