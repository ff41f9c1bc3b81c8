import ArgumentParser
import Foundation
import ProgressStore
import Scheduling

extension FSRSCommand {
  /// `annals fsrs parameters`: the learner's fitted parameters, oldest first; `--restore N` brings one back.
  struct Parameters: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "parameters",
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
              + "\(fitted.reviewCount) reviews\t\(fitted.metricsJSON?.terminalSafe ?? "-")\n\t\(FSRSParameters.text(of: fitted.weights))")
        }
      } catch let error as StoreError { throw CommandError(error.description) }
    }
  }
}
