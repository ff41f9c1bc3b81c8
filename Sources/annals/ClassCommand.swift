import ArgumentParser

/// `annals class …`: the teacher's side of the class server.
struct ClassCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "class",
    abstract: "Manage a class on an Annals server: enroll students, publish decks, list, revoke.",
    subcommands: [ClassEnrollCommand.self, ClassPublishCommand.self, ClassListCommand.self, ClassRevokeCommand.self]
  )
}
