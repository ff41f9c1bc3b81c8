import ArgumentParser
import ClassSync
import TextKit

/// `annals class revoke NAME`: the student's token stops working at once (their reviews stay on the server).
struct ClassRevokeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revoke", abstract: "Revoke a student's token at once (enroll them again for a new one).")

  @Argument(help: "The student's name.")
  var name: String

  @OptionGroup var serverOptions: ServerOptions

  func run() async throws {
    let client = try serverOptions.client()
    try await syncing { () async throws(SyncError) in
      try await client.send("DELETE", "/v1/students/\(ClassClient.segment(name))", body: nil)
    }
    print("Revoked \(name.terminalSafe)'s token; their reviews stay on the server.")
  }
}
