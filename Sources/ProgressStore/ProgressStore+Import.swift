import Foundation
import GRDB
import Scheduling

/// What `importReviews` recorded.
public struct ImportSummary: Sendable, Equatable {
  /// Reviews recorded.
  public var reviews: Int
  /// Distinct cards they were of.
  public var cards: Int
}

extension ProgressStore {
  /// Records a review log from elsewhere (an fsrs CSV log, another app's history) through the store's answer path,
  /// every review in time order (equal times in log order), in one transaction: all of it or none.
  ///
  /// With `deck`, each review attaches to that deck's card of the same id, and a review of a card the deck does not
  /// have throws `StoreError.unknownCard` (naming the first such id) before anything is written. Without it the
  /// cards are made in the pseudo-deck `importedDeck` (kind "imported"); a real deck defining one of those ids later
  /// takes it over, and an id that already belongs to a real deck is refused.
  @discardableResult
  public func importReviews(_ reviews: [Review], deck: String? = nil) throws(StoreError) -> ImportSummary {
    var seen = Set<String>()
    let ids = reviews.compactMap { seen.insert($0.cardID).inserted ? $0.cardID : nil }
    let target = deck ?? Self.importedDeck
    let owners = try read { db in
      var owners: [String: String] = [:]
      let statement = try db.makeStatement(sql: "SELECT deck_id FROM card WHERE id = ?")
      for id in ids { if let owner = try String.fetchOne(statement, arguments: [id]) { owners[id] = owner } }
      return owners
    }
    if let deck {
      if let missing = ids.first(where: { owners[$0] != deck }) {
        throw StoreError.notInDeck(card: missing, deck: deck)
      }
    } else {
      if let taken = ids.first(where: { owners[$0].map { $0 != Self.importedDeck } ?? false }) {
        throw StoreError.corrupt(
          "card id '\(taken)' already belongs to deck '\(owners[taken]!)': import with --deck \(owners[taken]!)")
      }
      let records = ids.filter { owners[$0] == nil }.map {
        CardRecord(id: $0, kind: "imported", siblingGroup: $0)
      }
      if !records.isEmpty {
        let known = try self.deck(Self.importedDeck)
        let existing = try cards(deck: Self.importedDeck, includeRetired: true).map {
          CardRecord(id: $0.id, kind: $0.kind, siblingGroup: $0.siblingGroup, tags: $0.tags, era: $0.era)
        }
        _ = try sync(
          deck: known ?? DeckInfo(id: Self.importedDeck, contentHash: "imported", path: "-"),
          cards: existing + records, at: reviews.map(\.time).min() ?? Date())
      }
    }
    let ordered = reviews.enumerated().sorted {
      $0.element.time != $1.element.time ? $0.element.time < $1.element.time : $0.offset < $1.offset
    }.map { Answer($0.element) }
    try answerBatch(ordered, scheduler: try scheduler(forDeck: target))
    return ImportSummary(reviews: ordered.count, cards: ids.count)
  }
}
