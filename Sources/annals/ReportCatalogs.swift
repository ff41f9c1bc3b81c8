import CardBuilder
import Foundation
import ProgressStore

/// Where reports and simulations get card text: deck files given on the command line, or the deck files a store
/// was synced from.
enum ReportCatalogs {
  /// The catalog of the deck file at `path` (.yaml/.yml), its cards built as `annals study` builds them.
  static func load(_ path: String) throws -> CardCatalog {
    guard path.hasSuffix(".yaml") || path.hasSuffix(".yml") else {
      throw CommandError(
        "\(path.terminalSafe) is not a deck file: --catalog takes a deck (.yaml), whose cards are built as 'annals study' builds them (card catalog JSON files are no longer read)")
    }
    do { return try CardCatalog.load(deckAt: path) } catch { throw CommandError(error.description) }
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
