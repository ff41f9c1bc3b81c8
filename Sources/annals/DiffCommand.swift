import ArgumentParser
import CardBuilder
import EventDeck
import Foundation

/// `annals diff OLD.yaml NEW.yaml`: the cards an edit adds, retires and rewords, by id and question.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Show the cards an edit of a deck adds, retires and rewords, by id and question.",
    discussion: """
      Cards are matched by their stable ids: an added id is a new card for every learner, a retired one leaves \
      their queues (its history is kept), a reworded one keeps its progress under a new question or answer. \
      Exits 0 when the decks' cards are the same, 1 when they differ.
      """)

  @Argument(help: ArgumentHelp("The deck before the edit.", valueName: "old"))
  var old: String

  @Argument(help: ArgumentHelp("The deck after the edit.", valueName: "new"))
  var new: String

  @Option(help: "Show at most this many lines of each sort of change.")
  var limit: Int?

  func validate() throws {
    if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
  }

  func run() throws {
    let before = try load(old)
    let after = try load(new)
    let diff = DeckDiff(old: before, new: after)
    for line in diff.lines(limit: limit ?? .max) { print(line) }
    if !diff.isEmpty { throw ExitCode(1) }
  }

  private func load(_ path: String) throws -> Deck {
    do {
      return try DeckLoader.load(fileAt: path)
    } catch {
      let first = error.diagnostics.first { $0.severity == .error }
      throw CommandError(
        (first.map { "\($0)" } ?? "\(path): cannot read the deck")
          + "\n  hint: run `annals lint \(path)` and fix its errors first")
    }
  }
}
