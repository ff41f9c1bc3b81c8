import Foundation
import Scheduling

extension ProgressStore {
  /// What `importReviewLog` put into the store.
  public struct ReviewLogImport: Sendable, Equatable {
    /// Reviews recorded.
    public var reviews: Int
    /// Cards the reviews were of.
    public var cards: Int
  }

  /// Records a review log (`ReviewLogCSV`) as the history of `deck`: one card per card id (kind "imported", each
  /// its own sibling group), every review answered in time order through the deck's scheduler.
  ///
  /// Reviews at the same moment keep the log's order. For trying the optimizer on a real history, and for tests.
  public func importReviewLog(_ reviews: [Review], as deck: DeckInfo, at now: Date) throws(StoreError) -> ReviewLogImport {
    var seen = Set<String>()
    var records: [CardRecord] = []
    for review in reviews where seen.insert(review.cardID).inserted {
      records.append(CardRecord(id: review.cardID, kind: "imported", siblingGroup: review.cardID))
    }
    let ordered = reviews.enumerated().sorted {
      $0.element.time != $1.element.time ? $0.element.time < $1.element.time : $0.offset < $1.offset
    }.map { Answer(cardID: $0.element.cardID, rating: $0.element.rating, time: $0.element.time) }
    _ = try sync(deck: deck, cards: records, at: now)
    try answerBatch(ordered, scheduler: try scheduler(forDeck: deck.id))
    return ReviewLogImport(reviews: ordered.count, cards: records.count)
  }
}
