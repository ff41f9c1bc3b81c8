import ArgumentParser

/// `annals import anki|timeline`: another tool's file as an Annals deck.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Make a deck from an Anki package or a TimelineJS spreadsheet or JSON file.",
    subcommands: [ImportAnkiCommand.self, ImportTimelineCommand.self]
  )
}

extension String {
  /// Each line made terminal-safe, the line breaks kept (an error's message and its hint).
  var terminalSafeLines: String {
    split(separator: "\n", omittingEmptySubsequences: false).map { String($0).terminalSafe }.joined(separator: "\n")
  }
}
