import ArgumentParser

/// `annals fsrs`: tools around the FSRS memory model.
struct FSRSCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fsrs",
    abstract: "Tools around the FSRS memory model.",
    subcommands: [
      // Each subcommand lives in its own file: FSRS<Name>Command.swift.
      Replay.self, Optimize.self, Evaluate.self, Retention.self, Parameters.self, SimulateLog.self, ImportLog.self,
    ])
}

