import Foundation
import Scheduling

/// The `--parameters FILE|defaults` argument of the fsrs commands.
enum WeightsArgument {
  /// Nil when not given, the defaults for "defaults", else the 21 weights in the file.
  static func load(_ argument: String?) throws -> [Double]? {
    guard let argument else { return nil }
    if argument == "defaults" { return FSRSParameters.defaultWeights }
    let text: String
    do { text = try String(contentsOfFile: argument, encoding: .utf8) } catch {
      throw CommandError("--parameters: cannot read \(argument.terminalSafe): \(error.localizedDescription)")
    }
    do { return try FSRSParameters.weights(parsing: text) } catch {
      throw CommandError("--parameters: \(argument.terminalSafe) \(error.description)")
    }
  }
}
