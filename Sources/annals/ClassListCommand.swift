import ArgumentParser
import ClassModel
import ClassSync
import Foundation
import TextKit

/// `annals class list`: the students, their reviews on the server and their last sync.
struct ClassListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the students with their review count and last sync.")

  @OptionGroup var serverOptions: ServerOptions

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  func run() async throws {
    let client = try serverOptions.client()
    let students: [StudentSummary] = try await syncing { () async throws(SyncError) in try await client.get("/v1/students") }
    let decks: [DeckListing] = try await syncing { () async throws(SyncError) in try await client.get("/v1/decks") }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      struct Listing: Encodable {
        let students: [StudentSummary]
        let decks: [DeckListing]
      }
      print(String(decoding: try encoder.encode(Listing(students: students, decks: decks)), as: UTF8.self))
      return
    }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    func when(_ ms: Int64?) -> String {
      ms.map { formatter.string(from: Date(timeIntervalSince1970: Double($0) / 1000)) } ?? "never"
    }
    let width = max(7, students.map(\.name.count).max() ?? 0)
    print("student".padding(toLength: width, withPad: " ", startingAt: 0) + "  reviews  last sync         status")
    for student in students {
      let name = student.name.terminalSafe.padding(toLength: width, withPad: " ", startingAt: 0)
      let reviews = String(student.reviews)
      let count = String(repeating: " ", count: max(0, 7 - reviews.count)) + reviews
      print("\(name)  \(count)  \(when(student.lastSyncAt).padding(toLength: 16, withPad: " ", startingAt: 0))  \(student.revoked ? "revoked" : "active")")
    }
    print("\(students.count) student\(students.count == 1 ? "" : "s"); decks: "
      + (decks.isEmpty ? "none published" : decks.map { "\($0.id.terminalSafe) (version \($0.version))" }.joined(separator: ", ")))
  }
}
