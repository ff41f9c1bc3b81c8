import EventDeck
import Foundation
import Testing
import Yams

/// The shipped Kalbajar deck against its source article: every quote verbatim, the deck loads without errors.
///
/// The quotes are gathered twice: straight from the YAML tree with Yams (so a quote the parser skipped is still
/// checked), and from the parsed `Deck` (so the parser's own view agrees).
@Suite struct KalbajarSourceTests {
  /// The repository root, found from this file's path (Tests/EventDeckTests/KalbajarSourceTests.swift).
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let deckPath = root.appendingPathComponent("Decks/kalbajar.yaml").path
  static let sourcePath = root.appendingPathComponent("Decks/sources/battle-of-kalbajar.txt").path

  /// Runs of whitespace as one space, trimmed, as the deck format compares quotes.
  static func collapsed(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  static func sourceText() throws -> String {
    collapsed(try String(contentsOfFile: sourcePath, encoding: .utf8))
  }

  /// Every `source:` value in the YAML tree (a string, or a mapping's `quote:`), with its line.
  static func yamlQuotes() throws -> [(text: String, line: Int)] {
    let yaml = try String(contentsOfFile: deckPath, encoding: .utf8)
    guard let root = try Yams.compose(yaml: yaml) else { return [] }
    var found: [(String, Int)] = []
    func walk(_ node: Node) {
      switch node {
      case .mapping(let mapping):
        for (key, value) in mapping {
          if key.string == "source" {
            if let text = value.string {
              found.append((text, value.mark?.line ?? 0))
            } else if let text = value.mapping?["quote"]?.string {
              found.append((text, value.mark?.line ?? 0))
            }
          }
          walk(value)
        }
      case .sequence(let sequence):
        sequence.forEach(walk)
      default:
        break
      }
    }
    walk(root)
    return found
  }

  @Test func everyQuoteInTheYAMLAppearsVerbatimInTheArticle() throws {
    let text = try Self.sourceText()
    let quotes = try Self.yamlQuotes()
    #expect(quotes.count > 150, "expected a quote for every item, found \(quotes.count)")
    for quote in quotes {
      let verbatim = text.contains(Self.collapsed(quote.text))
      #expect(verbatim, "Decks/kalbajar.yaml:\(quote.line): not verbatim in the article: \(quote.text)")
    }
  }

  @Test func quotesLeaveCitationMarkersOut() throws {
    for quote in try Self.yamlQuotes() {
      #expect(
        quote.text.range(of: #"\[\d+\]"#, options: .regularExpression) == nil,
        "Decks/kalbajar.yaml:\(quote.line): a citation marker such as [16] is inside the quote")
    }
  }

  @Test func theDeckLoadsWithoutErrors() throws {
    let report = DeckLoader.lint(fileAt: Self.deckPath)
    let errors = report.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
    let deck = try #require(report.deck)
    #expect(deck.id == "kalbajar")
    #expect(deck.events.count >= 50)
    #expect(deck.people.count >= 15)
    #expect(deck.places.count >= 25)
    #expect(deck.units.count + deck.organisations.count >= 10)
    #expect(deck.events.flatMap(\.quantities).count >= 20)
    #expect(deck.facts.count >= 20)
  }

  @Test func everyQuoteTheParserReadsAppearsVerbatim() throws {
    let text = try Self.sourceText()
    let deck = try #require(DeckLoader.lint(fileAt: Self.deckPath).deck)
    let quotes: [Quote] =
      deck.entities.compactMap(\.source) + deck.events.compactMap(\.source)
      + deck.events.flatMap(\.quantities).compactMap(\.source) + deck.facts.compactMap(\.source)
      + deck.cards.compactMap(\.source)
    #expect(quotes.count == (try Self.yamlQuotes()).count, "the parser and the YAML tree disagree on the quotes")
    for quote in quotes {
      let verbatim = text.contains(Self.collapsed(quote.text))
      #expect(verbatim, "\(quote.location?.description ?? "?"): not verbatim in the article: \(quote.text)")
    }
  }

  @Test func theArticlesSpellingVariantsAreAliases() throws {
    let deck = try #require(DeckLoader.lint(fileAt: Self.deckPath).deck)
    let pairs = [
      ("gurgen-dalibaltyan", "Dalibaltayan"), ("zulfugarli", "Zulufgarli"), ("turgut-ozal", "Ozal"),
      ("martakert", "Martakert District"),
    ]
    for (id, alias) in pairs {
      let entity = try #require(deck.entity(id), "no entity \(id)")
      #expect(entity.allNames.contains(alias), "\(id) lacks the alias \(alias)")
    }
  }
}
