import ClassModel
import ProgressStore

extension SyncedReview {
  /// The review a store's log row becomes on the server, under the store's UUID.
  public init(_ row: LogRow, storeID: String) {
    self.init(
      storeID: storeID, rowID: row.id,
      card: ReviewedCard(
        id: row.cardID, deck: row.deckID, kind: row.kind, siblingGroup: row.siblingGroup, tags: row.tags,
        era: row.era, position: row.position, added: row.added),
      time: row.time, rating: row.rating, prevRowID: row.prev, phase: row.phase, step: row.step, lapses: row.lapses,
      scheduledDays: row.scheduledDays, stability: row.stability, difficulty: row.difficulty, ease: row.ease,
      dueOffset: row.dueOffset, typedAnswer: row.typedAnswer, verdict: row.verdict,
      responseMilliseconds: row.responseMilliseconds, scheduler: row.scheduler, parameters: row.parameters,
      undone: row.undone)
  }

  /// The log row this review was, for a store rebuilt from the server's copy.
  public var logRow: LogRow {
    LogRow(
      id: rowID, cardID: card.id, deckID: card.deck, kind: card.kind, siblingGroup: card.siblingGroup,
      tags: card.tags, era: card.era, position: card.position, added: card.added, time: time, rating: rating,
      prev: prevRowID, phase: phase, step: step, lapses: lapses, scheduledDays: scheduledDays, stability: stability,
      difficulty: difficulty, ease: ease, dueOffset: dueOffset, typedAnswer: typedAnswer, verdict: verdict,
      responseMilliseconds: responseMilliseconds, scheduler: scheduler, parameters: parameters, undone: undone)
  }
}
