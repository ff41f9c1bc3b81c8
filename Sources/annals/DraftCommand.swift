import TextKit
import ArgumentParser
import CardBuilder
import Drafting
import EventDeck
import Foundation
import LineEditing

/// `annals draft SOURCE.txt`: drafts a deck from plain prose; `--review` walks through its proposals first.
struct DraftCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "draft",
    abstract: "Draft a deck from a plain-text article: events, facts, people, places, units and organisations.",
    discussion: """
      Every item quotes its sentence word for word; every card's answer stands in the sentence it quotes. \
      Lines marked `# check:` in the deck are the draft's guesses. The deck lints clean as written. \
      With --review, each proposal is shown in turn: Enter accepts it; s skips it; r NAME renames it; \
      k KIND changes an entity's kind (person, place, unit, organisation); q TEXT rewords its question; \
      done keeps the rest; Ctrl-D keeps the rest and writes; Ctrl-C twice on an empty line quits without writing.
      """)

  @Argument(help: ArgumentHelp("The source text (plain UTF-8).", valueName: "source"))
  var source: String

  @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the deck (default: Decks/NAME.yaml).", valueName: "deck"))
  var output: String?

  @Option(help: "The deck's id (default: from the source's file name).")
  var id: String?

  @Option(help: "The deck's title (default: the text's title line).")
  var title: String?

  @Flag(help: "Walk through the proposals one at a time before writing.")
  var review = false

  @Flag(help: "Overwrite the deck file when it exists.")
  var force = false

  func run() throws {
    let sourceURL = URL(fileURLWithPath: source)
    let text: String
    do {
      let data = try Data(contentsOf: sourceURL)
      guard let decoded = String(data: data, encoding: .utf8) else {
        throw CommandError("\(source): not UTF-8 text\n  hint: save the article as plain UTF-8 text")
      }
      text = decoded
    } catch let error as CommandError {
      throw error
    } catch {
      throw CommandError("\(source): cannot read the source text\n  hint: check the path and its permissions")
    }
    let stem = sourceURL.deletingPathExtension().lastPathComponent
    let deckID = id ?? DeckPath.slug(stem)
    guard DeckPath.isValidID(deckID) else {
      throw ValidationError("--id '\(deckID)' is not a deck id: lower-case letters, digits and single hyphens")
    }
    let path = output ?? "Decks/\(deckID).yaml"
    guard path.hasSuffix(".yaml") || path.hasSuffix(".yml") else {
      throw ValidationError("-o '\(path)' should name a .yaml file")
    }
    if FileManager.default.fileExists(atPath: path), !force {
      throw CommandError("\(path) exists\n  hint: choose another -o, or add --force to overwrite it")
    }
    let deckURL = URL(fileURLWithPath: path)
    let relative = DeckPath.relative(from: deckURL.deletingLastPathComponent(), to: sourceURL)
    var draft = Drafter.draft(text: text, options: DraftOptions(id: deckID, title: title, sourceFile: relative))
    let disabled = draft.pruneUntrue()
    if review {
      let terminal = Terminal()
      let reader: LineReader
      do {
        reader = try terminal.makeReader(historyPath: nil)
      } catch {
        throw CommandError("\(error)")
      }
      defer { reader.close() }
      let session = DraftReview(draft: draft, reader: reader) { terminal.write($0) }
      guard let reviewed = session.run() else {
        terminal.write("Review ended: nothing written.\n")
        throw ExitCode(1)
      }
      draft = reviewed
    }
    let yaml = try draft.yaml()
    try FileManager.default.createDirectory(
      at: deckURL.deletingLastPathComponent(), withIntermediateDirectories: true)
    do {
      try Data((yaml + "\n").utf8).write(to: deckURL, options: .atomic)
    } catch {
      throw CommandError("\(path): cannot write the deck\n  hint: check the folder's permissions")
    }
    let report = DeckLoader.lint(fileAt: path)
    let cards = report.deck.map { CardBuilder(deck: $0).cards() } ?? []
    let deck = draft.deck
    let checks = draft.notes.values.reduce(0) { $0 + $1.count }
    print(
      "wrote \(TerminalText.sanitize(path)): \(deck.events.count) events, \(deck.facts.count) facts, "
        + "\(deck.people.count) people, \(deck.places.count) places, \(deck.units.count) units, "
        + "\(deck.organisations.count) organisations, \(deck.eras.count) eras; \(cards.count) cards; "
        + "\(checks) `# check:` comments")
    if disabled > 0 { print("turned off \(disabled) cards whose answer their quote did not bear out") }
    var stderr = StandardError()
    for diagnostic in report.diagnostics { print(diagnostic, to: &stderr) }
    print("lint: " + LintCommand.summary(errors: report.errorCount, warnings: report.warningCount, decks: 1))
    if report.errorCount > 0 { throw ExitCode(1) }
  }
}
