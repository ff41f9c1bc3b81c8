import ArgumentParser
import EventDeck
import Foundation

/// `annals lint DECK...`: checks deck files and reports every problem as `file:line:column: error: message`.
struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check deck files and report every problem with its line and column.",
    discussion: "Exits 1 when any deck has an error, 0 otherwise (warnings alone do not fail)."
  )

  @Argument(
    help: ArgumentHelp("Deck files to check (default: every deck in the workspace's Decks/).", valueName: "deck"))
  var decks: [String] = []

  @Flag(help: "Print the findings as JSON on standard output instead.")
  var json = false

  @OptionGroup var workspaceOptions: WorkspaceOptions

  func run() throws {
    var paths = decks
    if paths.isEmpty {
      let workspace = try workspaceOptions.resolveWorkspace()
      // Shown relative to the current folder when inside it, as a teacher would type them.
      let here = FileManager.default.currentDirectoryPath + "/"
      paths = workspace.deckURLs().map { $0.path.hasPrefix(here) ? String($0.path.dropFirst(here.count)) : $0.path }
      if paths.isEmpty {
        throw CommandError(
          "no decks in \(workspace.decksDirectory.path)\n  hint: put a .yaml deck there, or name one")
      }
    }
    let reports = paths.map { DeckLoader.lint(fileAt: $0) }
    let errors = reports.reduce(0) { $0 + $1.errorCount }
    let warnings = reports.reduce(0) { $0 + $1.warningCount }
    if json {
      print(Self.json(reports, errors: errors, warnings: warnings))
    } else {
      var stderr = StandardError()
      for report in reports {
        for diagnostic in report.diagnostics { print(diagnostic, to: &stderr) }
      }
      print(Self.summary(errors: errors, warnings: warnings, decks: reports.count))
    }
    if errors > 0 { throw ExitCode(1) }
  }

  /// "1 error, 2 warnings in 1 deck".
  static func summary(errors: Int, warnings: Int, decks: Int) -> String {
    func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    return "\(count(errors, "error")), \(count(warnings, "warning")) in \(count(decks, "deck"))"
  }

  static func json(_ reports: [DeckReport], errors: Int, warnings: Int) -> String {
    struct Output: Encodable {
      struct DeckOutput: Encodable {
        var path: String
        var errors: Int
        var warnings: Int
        var diagnostics: [Diagnostic]
      }
      var errors: Int
      var warnings: Int
      var decks: [DeckOutput]
    }
    let output = Output(
      errors: errors, warnings: warnings,
      decks: reports.map {
        .init(path: $0.path, errors: $0.errorCount, warnings: $0.warningCount, diagnostics: $0.diagnostics)
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(output)) ?? Data("{}".utf8), as: UTF8.self)
  }
}

/// Standard error as a `TextOutputStream`, for `print(_:to:)`.
struct StandardError: TextOutputStream {
  mutating func write(_ string: String) {
    FileHandle.standardError.write(Data(string.utf8))
  }
}
