import ArgumentParser

/// The `annals` command: study, quiz and report on decks of historical events.
@main
struct Annals: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "annals",
    abstract: "Study history from structured event decks, with spaced repetition.",
    discussion: """
      Commands that use a workspace (a folder holding Decks/ and Progress/) find it in the current folder or the \
      nearest one above it, or take --workspace DIR; outside any workspace they use the personal one in \
      $XDG_DATA_HOME/annals (~/.local/share/annals), made on first use. Line editing reads $EDITRC, else \
      ~/.editrc, as other libedit programs do; lines that start with 'annals:' apply to Annals alone.
      """,
    version: "0.1.0",
    subcommands: [
      // Each subcommand lives in its own file: <Name>Command.swift.
      DueCommand.self,
      StudyCommand.self,
      DoctorCommand.self,
      QuizCommand.self,
      FSRSCommand.self,
      StoreStressCommand.self,
      ReportCommand.self,
      SimulateCommand.self,
      InitCommand.self,
      LintCommand.self,
      CardsCommand.self,
      CheckCommand.self,
      DraftCommand.self,
      DiffCommand.self,
      ImportCommand.self,
      ExportCommand.self,
      ClassCommand.self,
      SyncCommand.self,
    ] + ServerCommands.all
  )

  /// Parses the command line, reading `report --class --server URL` as `report --server URL` (the class report
  /// from a class server; `--class` otherwise takes a folder).
  static func main() async {
    var arguments = Array(CommandLine.arguments.dropFirst())
    if arguments.first == "report", let index = arguments.firstIndex(of: "--class"), index + 1 < arguments.count,
      arguments[index + 1].hasPrefix("--server")
    {
      arguments.remove(at: index)
    }
    await main(arguments)
  }
}
