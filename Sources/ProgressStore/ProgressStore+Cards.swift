import Foundation
import GRDB
import Scheduling

extension ProgressStore {
  static let cardColumns = """
    id, deck_id, kind, sibling_group, tags, era, position, phase, due, stability, difficulty, step, reps, lapses,
    last_review, scheduled_days, ease, suspended, buried_until, retired
    """

  static func date(_ value: Double?) -> Date? { value.map { Date(timeIntervalSince1970: $0) } }

  /// A card from a row selected with `cardColumns` (read by position: name lookups dominated large scans).
  static func storedCard(_ row: Row) -> StoredCard {
    let tags: String = row[4]
    let state = CardState(
      phase: CardPhase(rawValue: row[7]) ?? .new,
      due: Date(timeIntervalSince1970: row[8]),
      stability: row[9],
      difficulty: row[10],
      step: row[11],
      reps: row[12],
      lapses: row[13],
      lastReview: date(row[14]),
      scheduledDays: row[15],
      ease: row[16])
    return StoredCard(
      id: row[0], deckID: row[1], kind: row[2], siblingGroup: row[3],
      tags: tags.split(separator: " ").map(String.init), era: row[5], state: state,
      suspended: row[17], buriedUntil: date(row[18]), retired: row[19], position: row[6])
  }

  /// Writes a card's scheduling columns.
  static func update(_ db: Database, cardID: String, to state: CardState) throws {
    let statement = try db.cachedStatement(
      sql: """
        UPDATE card SET phase = ?, due = ?, stability = ?, difficulty = ?, step = ?, reps = ?, lapses = ?,
          last_review = ?, scheduled_days = ?, ease = ? WHERE id = ?
        """)
    try statement.execute(
      arguments: [
        state.phase.rawValue, state.due.timeIntervalSince1970, state.stability, state.difficulty, state.step,
        state.reps, state.lapses, state.lastReview?.timeIntervalSince1970, state.scheduledDays, state.ease, cardID,
      ])
  }

  /// The card with this id, or nil.
  public func card(_ id: String) throws(StoreError) -> StoredCard? {
    try read { db in
      try Row.fetchOne(db, sql: "SELECT \(Self.cardColumns) FROM card WHERE id = ?", arguments: [id])
        .map(Self.storedCard)
    }
  }

  /// All cards, optionally of one deck, in deck order.
  public func cards(deck: String? = nil, includeRetired: Bool = false) throws(StoreError) -> [StoredCard] {
    try read { db in
      var sql = "SELECT \(Self.cardColumns) FROM card WHERE 1"
      var arguments: StatementArguments = []
      if let deck {
        sql += " AND deck_id = ?"
        arguments += [deck]
      }
      if !includeRetired { sql += " AND retired = 0" }
      sql += " ORDER BY deck_id, position"
      return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.storedCard)
    }
  }

  /// Suspends or unsuspends a card.
  public func setSuspended(_ suspended: Bool, cardID: String) throws(StoreError) {
    try write { db in
      try db.execute(sql: "UPDATE card SET suspended = ? WHERE id = ?", arguments: [suspended, cardID])
      if db.changesCount == 0 { throw StoreError.unknownCard(cardID) }
    }
  }

  /// Hides a card until `date` (nil: unbury).
  public func bury(cardID: String, until date: Date?) throws(StoreError) {
    try write { db in
      try db.execute(
        sql: "UPDATE card SET buried_until = ? WHERE id = ?", arguments: [date?.timeIntervalSince1970, cardID])
      if db.changesCount == 0 { throw StoreError.unknownCard(cardID) }
    }
  }

  /// The known decks.
  public func decks() throws(StoreError) -> [DeckInfo] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT id, content_hash, path FROM deck ORDER BY id").map {
        DeckInfo(id: $0["id"], contentHash: $0["content_hash"], path: $0["path"])
      }
    }
  }

  /// Adds or updates a deck's cards: new ids appear as new cards, missing ones are retired (history kept), known
  /// ids keep their progress. One transaction.
  public func sync(deck: DeckInfo, cards: [CardRecord], at now: Date) throws(StoreError) -> SyncSummary {
    try write { db in
      try db.execute(
        sql: """
          INSERT INTO deck (id, content_hash, path, synced_at) VALUES (?, ?, ?, ?)
          ON CONFLICT(id) DO UPDATE SET content_hash = excluded.content_hash, path = excluded.path,
            synced_at = excluded.synced_at
          """,
        arguments: [deck.id, deck.contentHash, deck.path, now.timeIntervalSince1970])
      var existing: [String: Bool] = [:]  // id → retired
      for row in try Row.fetchAll(db, sql: "SELECT id, retired FROM card WHERE deck_id = ?", arguments: [deck.id]) {
        existing[row["id"]] = row["retired"]
      }
      var summary = SyncSummary()
      var seen = Set<String>()
      var position = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), -1) FROM card") ?? -1
      let insert = try db.cachedStatement(
        sql: """
          INSERT INTO card (id, deck_id, kind, sibling_group, tags, era, position, due)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """)
      let refresh = try db.cachedStatement(
        sql: "UPDATE card SET kind = ?, sibling_group = ?, tags = ?, era = ?, retired = 0 WHERE id = ?")
      for card in cards where seen.insert(card.id).inserted {
        let tags = card.tags.joined(separator: " ")
        if let retired = existing[card.id] {
          try refresh.execute(arguments: [card.kind, card.siblingGroup, tags, card.era, card.id])
          if retired { summary.restored += 1 } else { summary.kept += 1 }
        } else {
          position += 1
          do {
            try insert.execute(arguments: [
              card.id, deck.id, card.kind, card.siblingGroup, tags, card.era, position, now.timeIntervalSince1970,
            ])
          } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StoreError.corrupt("card id '\(card.id)' already belongs to another deck")
          }
          summary.added += 1
        }
      }
      for (id, retired) in existing where !retired && !seen.contains(id) {
        try db.execute(sql: "UPDATE card SET retired = 1 WHERE id = ?", arguments: [id])
        summary.retired += 1
      }
      return summary
    }
  }
}
