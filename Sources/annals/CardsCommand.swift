import AnswerCheck
import ArgumentParser
import CardBuilder
import DeckCache
import EventDeck
import Foundation
import LineEditing
import TextKit
import Workspace

/// `annals cards DECK [--kind K] [--json]`: lists the cards a deck yields.
struct CardsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cards",
    abstract: "List the question cards a deck yields.",
    discussion: "Cards come out in the same order with the same ids every time; --json prints one JSON object a line."
  )

  @Argument(help: ArgumentHelp("The deck file.", valueName: "deck"))
  var deck: String

  @Option(help: ArgumentHelp("Only cards of this kind (\(CardKind.allCases.map(\.rawValue).joined(separator: ", "))).", valueName: "kind"))
  var kind: String?

  @Flag(help: "Print JSON lines: id, deck, kind, prompt, answer, accepted, choices, item, source, tags ...")
  var json = false

  func validate() throws {
    if let kind, CardKind(rawValue: kind) == nil {
      throw ValidationError("unknown card kind '\(kind)' for '--kind'\n  hint: kinds: \(CardKind.allCases.map(\.rawValue).joined(separator: ", "))")
    }
  }

  func run() throws {
    let every = try DeckInput.cards(deck)
    // Every card read stays until the exit (see `listedUntilExit`), also when only some kind is listed.
    defer { Self.listedUntilExit = every }
    let cards = kind.map { kind in every.filter { $0.kind.rawValue == kind } } ?? every
    // A library's deck is tens of thousands of cards (300,000 lines): their text is made in a run per core, in
    // order, and each run's text written whole.
    var out = BlockWriter()
    if json {
      let runs = ParallelRuns.split(cards.count, minimumPerRun: 2_000) { range -> Result<String, any Error> in
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var text = ""
        do {
          for card in cards[range] {
            text += String(decoding: try encoder.encode(CardLine(card)), as: UTF8.self)
            text += "\n"
          }
        } catch {
          return .failure(error)
        }
        return .success(text)
      }
      for run in runs { out.writeWhole(try run.get()) }
      out.flush()
      return
    }
    // Smaller runs than one per core: orderings and entities' cards, late in a deck, take longer to list.
    let runs = ParallelRuns.split(cards.count, minimumPerRun: 2_000, runsPerCore: 4) { range in Self.listing(cards[range]) }
    for run in runs { out.writeWhole(run) }
    out.write("\(cards.count) card\(cards.count == 1 ? "" : "s")\n")
    out.flush()
  }

  /// The cards just listed, left for the process's exit to reclaim: freeing a library's cards one by one took as
  /// long as listing a fifth of them, and the process ends right after.
  nonisolated(unsafe) private static var listedUntilExit: [Card] = []

  /// The listing of `cards` as UTF-8: id and kind, question, options, answer and the other accepted forms, every
  /// text made safe for the terminal.
  static func listing(_ cards: ArraySlice<Card>) -> [UInt8] {
    let display = AnswerChecker(lexicon: Lexicon())
    var text: [UInt8] = []
    text.reserveCapacity(cards.count * 160)
    func add(_ literal: StaticString) {
      literal.withUTF8Buffer { text.append(contentsOf: $0) }
    }
    func add(safe: String) { TerminalText.appendSanitized(safe, to: &text) }
    for card in cards {
      add(safe: card.id)
      add("  [")
      text.append(contentsOf: card.kind.rawValue.utf8)
      add("]\n  Q: ")
      add(safe: card.prompt)
      add("\n")
      let numbered = card.kind == .order || card.correctOrder != nil
      for (i, choice) in card.choices.enumerated() {
        add("     ")
        if numbered { text.append(contentsOf: String(i + 1).utf8) } else { text.append(UInt8(65 + min(i, 25))) }
        add(". ")
        add(safe: choice)
        add("\n")
      }
      add("  A: ")
      add(safe: display.expectedDisplay(card))
      add("\n")
      if !card.accepted.isEmpty {
        add("     also: ")
        add(safe: card.accepted.joined(separator: "; "))
        add("\n")
      }
    }
    return text
  }
}

/// The JSON line of one card.
/// Standard output in blocks of about 64 KB.
struct BlockWriter {
  private var buffer = ""

  mutating func write(_ text: String) {
    buffer += text
    if buffer.utf8.count >= 1 << 16 { flush() }
  }

  /// `text` written at once after what is buffered (a large block made elsewhere, not copied into the buffer).
  mutating func writeWhole(_ text: String) { writeWhole(Array(text.utf8)) }

  /// UTF-8 bytes written at once after what is buffered.
  mutating func writeWhole(_ bytes: [UInt8]) {
    flush()
    guard !bytes.isEmpty else { return }
    bytes.withUnsafeBytes { block in
      guard let base = block.baseAddress else { return }
      FileHandle.standardOutput.write(
        Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: block.count, deallocator: .none))
    }
  }

  mutating func flush() {
    guard !buffer.isEmpty else { return }
    FileHandle.standardOutput.write(Data(buffer.utf8))
    buffer = ""
  }
}

struct CardLine: Encodable {
  var id: String
  var deck: String
  var kind: String
  var prompt: String
  var answer: String
  var accepted: [String]
  var choices: [String]
  var correctChoice: Int?
  var correctOrder: [Int]?
  var item: String
  var siblingGroup: String
  var source: String?
  var tags: [String]
  var era: String?
  var expectation: Expectation

  enum CodingKeys: String, CodingKey {
    case id, deck, kind, prompt, answer, accepted, choices, correctChoice, correctOrder, item, siblingGroup, source, tags
    case era, expectation
  }

  /// Every key is written, `null` when empty, so readers can rely on them.
  func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(deck, forKey: .deck)
    try c.encode(kind, forKey: .kind)
    try c.encode(prompt, forKey: .prompt)
    try c.encode(answer, forKey: .answer)
    try c.encode(accepted, forKey: .accepted)
    try c.encode(choices, forKey: .choices)
    try c.encode(correctChoice, forKey: .correctChoice)
    try c.encode(correctOrder, forKey: .correctOrder)
    try c.encode(item, forKey: .item)
    try c.encode(siblingGroup, forKey: .siblingGroup)
    try c.encode(source, forKey: .source)
    try c.encode(tags, forKey: .tags)
    try c.encode(era, forKey: .era)
    try c.encode(expectation, forKey: .expectation)
  }

  init(_ card: Card) {
    id = card.id
    deck = card.deck
    kind = card.kind.rawValue
    prompt = card.prompt
    answer = card.answer
    accepted = card.accepted
    choices = card.choices
    correctChoice = card.correctChoice
    correctOrder = card.correctOrder
    item = card.item
    siblingGroup = card.siblingGroup
    source = card.source
    tags = card.tags
    era = card.era
    expectation = card.expectation
  }
}

/// Loading a deck named on the command line, with every problem reported as `file:line:column`.
enum DeckInput {
  /// The deck's cards: from its compiled copy when the deck lies in a workspace (`Progress/.cache/decks`, built
  /// again when the deck changed), else built now.
  static func cards(_ path: String) throws -> [Card] {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    guard FileManager.default.fileExists(atPath: path),
      let workspace = try? Workspace.find(explicit: nil, from: folder)
    else { return CardBuilder(deck: try load(path)).cards() }
    do {
      return try DeckCache(progressDirectory: workspace.progressDirectory).cards(deckAt: path)
    } catch .deck(let error) {
      var stderr = StandardError()
      for diagnostic in error.diagnostics { print(diagnostic, to: &stderr) }
      throw CommandError("cannot read the deck \(TerminalText.sanitize(path))\n  hint: run `annals lint \(TerminalText.sanitize(path))` for every problem")
    } catch {
      // A compiled copy that fails on reading: build from the deck itself.
      return CardBuilder(deck: try load(path)).cards()
    }
  }

  static func load(_ path: String) throws -> Deck {
    do {
      return try DeckLoader.load(fileAt: path)
    } catch {
      var stderr = StandardError()
      for diagnostic in error.diagnostics { print(diagnostic, to: &stderr) }
      throw CommandError("cannot read the deck \(TerminalText.sanitize(path))\n  hint: run `annals lint \(TerminalText.sanitize(path))` for every problem")
    }
  }
}
