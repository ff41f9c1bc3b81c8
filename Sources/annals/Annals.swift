import ArgumentParser

/// The `annals` command: study, quiz and report on decks of historical events.
@main
struct Annals: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "annals",
    abstract: "Study history from structured event decks, with spaced repetition.",
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
