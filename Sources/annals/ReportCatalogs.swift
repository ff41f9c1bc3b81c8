import CardBuilder
import DeckCache
import Foundation
import ProgressStore
import Workspace

/// Where reports and simulations get card text: deck files given on the command line, or the deck files a store
/// was synced from.
enum ReportCatalogs {
  /// The catalog of the deck file at `path` (.yaml/.yml), its cards built as `annals study` builds them.
  static func load(_ path: String) throws -> CardCatalog {
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
  static func compiled(_ path: String) -> CardCatalog? {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    guard let workspace = try? Workspace.find(explicit: nil, from: folder),
      let compiled = try? DeckCache(progressDirectory: workspace.progressDirectory).open(deckAt: path),
      let deck = try? compiled.deck(), let cards = try? compiled.allCards()
    else { return nil }
    return CardCatalog(deck: deck, cards: cards)
  }

  /// The catalogs of the deck files recorded in a store, those that still exist and load.
  static func recorded(in store: ProgressStore) -> [CardCatalog] {
    guard let decks = try? store.decks() else { return [] }
    return decks.compactMap { deck -> CardCatalog? in
      guard FileManager.default.fileExists(atPath: deck.path), deck.path.hasSuffix(".yaml") || deck.path.hasSuffix(".yml")
      else { return nil }
      return try? load(deck.path)
    }
  }
}
