import ArgumentParser

/// `annals export anki|timeline|csv`: a deck in another tool's format.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write a deck as an Anki package, TimelineJS JSON or CSV.",
    subcommands: [ExportAnkiCommand.self, ExportTimelineCommand.self, ExportCSVCommand.self]
  )
}
