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
    ]
  )
}
