import ArgumentParser
import Foundation
import Workspace

/// `--workspace` and `--learner`, shared by every command that reads decks or progress (`@OptionGroup`).
struct WorkspaceOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The workspace folder (holding Decks/ and Progress/); found from the current folder upwards when omitted.",
      valueName: "dir"))
  var workspace: String?

  @Option(
    help: ArgumentHelp(
      "Whose progress to use: Progress/<name>.sqlite (default: $USER, else 'learner').", valueName: "name"))
  var learner: String?

  /// The workspace named by `--workspace` or found above the current folder.
  func resolveWorkspace() throws -> Workspace {
    let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    do {
      return try Workspace.find(explicit: workspace, from: here)
    } catch {
      throw CommandError(error.description)
    }
  }

  /// The learner named by `--learner`, `$USER` or "learner".
  func resolveLearner() throws -> Learner {
    do {
      return try Learner.resolve(option: learner, environment: ProcessInfo.processInfo.environment)
    } catch {
      throw CommandError(error.description)
    }
  }

  func validate() throws {
    if let learner {
      do {
        _ = try Learner(learner)
      } catch {
        throw ValidationError(error.description)
      }
    }
  }
}
