import ArgumentParser
import ClassModel
import ClassSync
import TextKit

/// `annals class enroll NAME`: adds a student and prints their token, once.
struct ClassEnrollCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "enroll", abstract: "Enroll a student and print their token (shown only this once).")

  @Argument(help: "The student's name (letters, digits, '.', '_', '-').")
  var name: String

  @OptionGroup var serverOptions: ServerOptions

  func validate() throws {
    guard ClassNames.isValid(name) else {
      throw ValidationError("'\(name.terminalSafe)' is not a valid name: use 1 to 64 letters, digits, '.', '_' or '-'")
    }
  }

  func run() async throws {
    let client = try serverOptions.client()
    let enrollment: Enrollment = try await syncing { () async throws(SyncError) in
      try await client.send("POST", "/v1/students", json: EnrollRequest(name: name))
    }
    print("Enrolled \(enrollment.name.terminalSafe). Their token (shown only now; give it to them privately):")
    print(enrollment.token.terminalSafe)
  }
}
