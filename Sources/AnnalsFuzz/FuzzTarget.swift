import AnswerCheck
import CardBuilder
import DeckFixtures
import EventDeck
import Foundation
import Interop
import Scheduling

/// What one fuzz input is fed to.
enum FuzzTarget: String, CaseIterable {
  /// The deck parser and linter (YAML bytes).
  case deck
  /// The answer checker: the first byte picks a card of one answer type (date, quantity, entity, text, choice,
  /// ordering), the rest is the typed answer.
  case answer
  /// The date readers: a typed answer's (AnswerCheck) and a deck's (EventDeck).
  case date
  /// The number reader.
  case number
  /// The review-log CSV reader.
  case csv
  /// Interop's Anki package reader (.apkg/.colpkg bytes: zip, SQLite or zstd inside).
  case anki
  /// Interop's TimelineJS readers (the same bytes as CSV and as JSON).
  case timeline

  /// The target named by `ANNALS_FUZZ_TARGET` (default: deck).
  static let current: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["ANNALS_FUZZ_TARGET"] ?? "deck"
    guard let target = FuzzTarget(rawValue: name) else {
      FileHandle.standardError.write(Data("unknown ANNALS_FUZZ_TARGET \(name): one of deck, answer, date, number, csv, anki, timeline\n".utf8))
      exit(2)
    }
    return target
  }()

  func run(_ data: Data) {
    switch self {
    case .deck:
      _ = DeckLoader.lint(data: data, path: "fuzz.yaml", baseDirectory: URL(fileURLWithPath: "/nonexistent"))
    case .answer:
      guard let first = data.first else { return }
      let cards = Self.cardsByAnswerType
      let card = cards[Int(first) % cards.count]
      let text = String(decoding: data.dropFirst(), as: UTF8.self)
      let verdict = Self.checker.check(text, for: card)
      _ = verdict.outcome
    case .date:
      let text = String(decoding: data, as: UTF8.self)
      _ = TypedDateReader.read(text)
      _ = TypedDateReader.read(text, assumedYear: 1993)
      _ = DateSpec.read(text)  // the deck's own date syntax (BC, seasons, decades, centuries)
    case .number:
      _ = NumberReader.read(String(decoding: data, as: UTF8.self))
    case .csv:
      _ = try? ReviewLogCSV.parse(String(decoding: data, as: UTF8.self))
    case .anki:
      _ = try? AnkiPackageReader.read(data: data, file: "fuzz.apkg")
    case .timeline:
      _ = try? TimelineReader.readCSV(data: data, file: "fuzz.csv")
      _ = try? TimelineReader.readJSON(data: data, file: "fuzz.json")
    }
  }

  static let builder = CardBuilder(deck: FixtureDeck.deck)
  static let checker = AnswerChecker(lexicon: builder.lexicon)

  /// Up to four cards of each answer type, so every checker path is one byte away.
  static let cardsByAnswerType: [Card] = {
    var byType: [String: [Card]] = [:]
    for card in builder.cards() {
      let type: String
      switch card.expectation {
      case .entity: type = "entity"
      case .text(let isName): type = isName ? "name" : "text"
      case .date: type = "date"
      case .quantity: type = "quantity"
      case .choice: type = "choice"
      case .ordering: type = "ordering"
      }
      if byType[type, default: []].count < 4 { byType[type, default: []].append(card) }
    }
    return byType.keys.sorted().flatMap { byType[$0]! }
  }()
}
