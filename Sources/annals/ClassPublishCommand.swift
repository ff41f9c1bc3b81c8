import ArgumentParser
import ClassModel
import ClassSync
import TextKit

/// `annals class publish DECK.yaml`: shares a deck and its source files with the class.
struct ClassPublishCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "publish", abstract: "Publish a deck file and its source files to the class.")

  @Argument(help: ArgumentHelp("The deck file.", valueName: "deck.yaml"))
  var deck: String

  @OptionGroup var serverOptions: ServerOptions

  func run() async throws {
    let client = try serverOptions.client()
    let bundle: DeckBundle
    do { bundle = try DeckBundle(deckAt: deck) } catch { throw CommandError(error.description.terminalSafe) }
    let listing: DeckListing = try await syncing { () async throws(SyncError) in
      try await client.send(
        "PUT", "/v1/decks/\(ClassClient.segment(bundle.id))", json: bundle.request)
    }
    print("Published \(listing.id.terminalSafe) version \(listing.version): \(bundle.files.map(\.path.terminalSafe).joined(separator: ", "))")
  }
}
