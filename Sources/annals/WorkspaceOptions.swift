import ArgumentParser
import Foundation
import Workspace

/// `--workspace` and `--learner`, shared by every command that reads decks or progress (`@OptionGroup`).
struct WorkspaceOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The workspace folder (holding Decks/ and Progress/); found from the current folder upwards when omitted, "
        + "else the personal one in $XDG_DATA_HOME/annals (~/.local/share/annals).",
      valueName: "dir"))
  var workspace: String?

  @Option(
    help: ArgumentHelp(
      "Whose progress to use: Progress/<name>.sqlite (default: $USER, else 'learner').", valueName: "name"))
  var learner: String?

  /// The workspace named by `--workspace`, found above the current folder, or else the personal one (saying
  /// where on stderr, once, when this run made it).
  func resolveWorkspace() throws -> Workspace {
    let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    do {
      let (found, created) = try Workspace.resolve(
        explicit: workspace, from: here, environment: ProcessInfo.processInfo.environment)
      if created {
        let line = "annals: made your personal workspace in \(found.root.path.terminalSafe) (no workspace here or above)"
        FileHandle.standardError.write(Data((line + "\n").utf8))
      }
      return found
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
