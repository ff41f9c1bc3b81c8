import ArgumentParser
import Foundation
import Workspace

/// `annals init [DIR]`: makes a workspace with a small sample deck.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create a workspace (Decks/ and Progress/) with a small sample deck."
  )

  @Argument(help: ArgumentHelp("The folder to make a workspace (created if missing).", valueName: "dir"))
  var directory: String = "."

  func run() throws {
    let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    let url = URL(fileURLWithPath: directory, relativeTo: here)
    let workspace: Workspace
    let written: [String]
    do {
      (workspace, written) = try Workspace.create(at: url)
    } catch {
      throw CommandError(error.description)
    }
    print("Created an Annals workspace in \(workspace.root.path)")
    for path in written { print("  \(path)") }
    print("Next: cd \(directory) && annals lint Decks/apollo-11.yaml")
  }
}
