import ArgumentParser

/// `annals import anki|timeline`: another tool's file as an Annals deck.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Make a deck from an Anki package or a TimelineJS spreadsheet or JSON file.",
    subcommands: [ImportAnkiCommand.self, ImportTimelineCommand.self]
  )
}
