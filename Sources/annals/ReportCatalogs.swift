import CardBuilder
import DeckCache
import EventDeck
import Foundation
import ProgressStore
import Reports
import Workspace

/// Where reports and simulations get card text: deck files given on the command line, or the deck files a store
/// was synced from.
enum ReportCatalogs {
  /// The catalog of the deck file at `path` (.yaml/.yml), its cards built as `annals study` builds them.
  static func load(_ path: String) throws -> any ReportDeck {
    guard path.hasSuffix(".yaml") || path.hasSuffix(".yml") else {
      throw CommandError(
        "\(path.terminalSafe) is not a deck file: --catalog takes a deck (.yaml), whose cards are built as 'annals study' builds them (card catalog JSON files are no longer read)")
    }
    if let compiled = compiled(path) { return compiled }
    do { return try CardCatalog.load(deckAt: path) } catch { throw CommandError(error.description) }
  }

  /// The catalog from the deck's compiled copy, for a deck inside a workspace (as `annals study` and `annals
  /// cards` read it): no YAML parsed and no cards built while the deck is unchanged. Nil when the deck is not in
  /// a workspace or does not compile (the caller then loads it and reports its errors).
  static func compiled(_ path: String) -> (any ReportDeck)? {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    guard let workspace = try? Workspace.find(explicit: nil, from: folder),
      let compiled = try? DeckCache(progressDirectory: workspace.progressDirectory).open(deckAt: path)
    else { return nil }
    return try? CompiledReportDeck(compiled)
  }

  /// The catalogs of the deck files recorded in a store, those that still exist and load.
  static func recorded(in store: ProgressStore) -> [any ReportDeck] {
    guard let decks = try? store.decks() else { return [] }
    return decks.compactMap { deck -> (any ReportDeck)? in
      guard FileManager.default.fileExists(atPath: deck.path), deck.path.hasSuffix(".yaml") || deck.path.hasSuffix(".yml")
      else { return nil }
      return try? load(deck.path)
    }
  }
}

/// A deck's compiled copy as a report reads it: categories from the card list's narrow columns, eras from the
/// session part of the deck, and text only for the rows asked for. Every card is decoded only when a wrong answer
/// has to be named against the whole deck (`catalog()`), and then once.
final class CompiledReportDeck: ReportDeck, @unchecked Sendable {
  let compiled: CompiledDeck
  let deckID: String
  let eras: [Era]
  // Guards `built` (reports run on one thread; the lock keeps the class honest as Sendable).
  private let lock = NSLock()
  private var built: CardCatalog?

  init(_ compiled: CompiledDeck) throws {
    self.compiled = compiled
    deckID = compiled.info.deckID
    eras = try compiled.eras()
  }

  func categories() throws -> [String: CardCategory] {
    Dictionary(try compiled.entries().map { ($0.id, $0.category) }, uniquingKeysWith: { first, _ in first })
  }

  func cards(ids: [String]) throws -> [String: Card] {
    Dictionary(try compiled.cards(ids: ids).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  func catalog() throws -> CardCatalog {
    lock.lock()
    defer { lock.unlock() }
    if let built { return built }
    let made = CardCatalog(deck: try compiled.deck(), cards: try compiled.allCards())
    built = made
    return made
  }
}
