import ArgumentParser
import Foundation
import ProgressStore

/// Which learner's progress store a command uses.
struct StoreOptions: ParsableArguments {
  @Option(help: "The learner whose progress to use (default: $ANNALS_LEARNER, else 'default').")
  var learner: String?

  @Option(help: ArgumentHelp("The progress store file (default: Progress/<learner>.sqlite).", valueName: "path"))
  var store: String?

  /// The store's path.
  var path: String {
    if let store { return store }
    let name = learner ?? ProcessInfo.processInfo.environment["ANNALS_LEARNER"] ?? "default"
    return ProgressStore.path(forLearner: name)
  }

  func validate() throws {
    if let learner, learner.isEmpty || learner.contains("/") || learner.hasPrefix(".") {
      throw ValidationError("--learner '\(learner.terminalSafe)' must be a plain name (no '/', not starting with '.')")
    }
  }

  /// Opens the store, turning a store error into a clean command error.
  func open() throws -> ProgressStore {
    do { return try ProgressStore(path: path) } catch { throw CommandError(error.description) }
  }
}

extension String {
  /// The text with control and escape characters shown visibly (`\u{1B}`), safe to write to a terminal.
  var terminalSafe: String {
    var out = ""
    for scalar in unicodeScalars {
      if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
        && scalar != "\u{200D}"
      {
        out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

/// An error whose message is already complete; ArgumentParser prints it after "Error: " and exits with 1.
struct CommandError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
