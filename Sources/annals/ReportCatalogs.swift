import Foundation
import ProgressStore
import Reports
import Study

/// Where reports and simulations get card text: catalog JSON files, deck files, or the deck files a store was
/// synced from.
enum ReportCatalogs {
  /// The catalog in `path`: a deck file (.yaml/.yml), as `annals study` builds its cards, or a catalog JSON file.
  static func load(_ path: String) throws -> [CardCatalog] {
    if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
      do { return CardCatalog.catalogs(of: try StudyMaterial.load(paths: [path])) } catch {
        throw CommandError(error.description)
      }
    }
    return [try loadCatalog(path)]
  }

  /// The catalogs of the deck files recorded in a store, those that still exist and load.
  static func recorded(in store: ProgressStore) -> [CardCatalog] {
    guard let decks = try? store.decks() else { return [] }
    return decks.compactMap { deck -> [CardCatalog]? in
      guard FileManager.default.fileExists(atPath: deck.path), deck.path.hasSuffix(".yaml") || deck.path.hasSuffix(".yml")
      else { return nil }
      return try? load(deck.path)
    }.flatMap { $0 }
  }
}
