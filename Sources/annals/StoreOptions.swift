import ArgumentParser
import Foundation
import LineEditing
import ProgressStore
import TextKit

/// Which learner's progress store a command uses: `--workspace`/`--learner` (as every command), or `--store PATH`.
struct StoreOptions: ParsableArguments {
  @OptionGroup var workspaceOptions: WorkspaceOptions

  @Option(
    help: ArgumentHelp(
      "A progress store file to use instead of the workspace's Progress/<learner>.sqlite.", valueName: "path"))
  var store: String?

  /// The store's path: `--store`, else the learner's store in the workspace.
  func resolvePath() throws -> String {
    if let store { return store }
    let workspace = try workspaceOptions.resolveWorkspace()
    return workspace.storeURL(for: try workspaceOptions.resolveLearner()).path
  }

  /// Opens the store, turning a store error into a clean command error.
  func open() throws -> ProgressStore {
    let path = try resolvePath()
    do { return try ProgressStore(path: path) } catch { throw CommandError(error.description) }
  }
}

extension String {
  /// The text made safe for a terminal by TextKit's `TerminalText.sanitize` (ESC as `^[`, C1 as `<U+XXXX>`).
  var terminalSafe: String { TerminalText.sanitize(self) }
}

/// An error whose message is already complete; ArgumentParser prints it after "Error: " and exits with 1.
struct CommandError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
