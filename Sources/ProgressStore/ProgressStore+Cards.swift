import Foundation
import GRDB
import SQLiteScan
import Scheduling

extension ProgressStore {
  static let cardColumns = """
    id, deck_id, kind, sibling_group, tags, era, position, phase, due, stability, difficulty, step, reps, lapses,
    last_review, scheduled_days, ease, suspended, buried_until, retired, key, head, added
    """

  static func date(_ milliseconds: Int64?) -> Date? { milliseconds.map { date(milliseconds: $0) } }

  /// A card's scheduling state from a row selected with `cardColumns`.
  static func cardState(_ row: Row) -> CardState {
    CardState(
      phase: phase(code: row[7]),
      due: date(milliseconds: row[8]),
      stability: row[9],
      difficulty: row[10],
      step: row[11],
      reps: row[12],
      lapses: row[13],
      lastReview: date(row[14] as Int64?),
      scheduledDays: row[15],
      ease: row[16])
  }

  /// A card from a row selected with `cardColumns`, read by position through the C API (`Database.scan`).
  static func storedCard(_ row: RawRow) -> StoredCard {
    let tags = row.string(4)
    let state = CardState(
      phase: phase(code: row.int(7)), due: date(milliseconds: row.int64(8)), stability: row.optionalDouble(9),
      difficulty: row.optionalDouble(10), step: row.int(11), reps: row.int(12), lapses: row.int(13),
      lastReview: date(row.optionalInt64(14)), scheduledDays: row.int(15), ease: row.optionalDouble(16))
    return StoredCard(
      id: row.string(0), deckID: row.string(1), kind: row.string(2), siblingGroup: row.string(3),
      tags: tags.split(separator: " ").map(String.init), era: row.optionalString(5), state: state,
      suspended: row.bool(17), buriedUntil: date(row.optionalInt64(18)), retired: row.bool(19), position: row.int(6))
  }

  /// Writes a card's scheduling columns and the review its state comes from.
  static func update(_ db: Database, card key: Int64, to state: CardState, head: Int64?) throws {
    let statement = try db.cachedStatement(
      sql: """
        UPDATE card SET phase = ?, due = ?, stability = ?, difficulty = ?, step = ?, reps = ?, lapses = ?,
          last_review = ?, scheduled_days = ?, ease = ?, head = ? WHERE key = ?
        """)
    try statement.execute(
      arguments: [
        phaseCode(state.phase), milliseconds(state.due), state.stability, state.difficulty, state.step, state.reps,
        state.lapses, state.lastReview.map(milliseconds), state.scheduledDays, state.ease, head, key,
      ])
  }

  /// The card with this id, or nil.
  public func card(_ id: String) throws(StoreError) -> StoredCard? {
    try read { db in
      var card: StoredCard?
      try db.scan(sql: "SELECT \(Self.cardColumns) FROM card WHERE id = ?", arguments: [id]) { row in
        card = Self.storedCard(row)
        return false
      }
      return card
    }
  }

  /// All cards, optionally of one deck, in deck order; retired cards only when asked.
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
      // All of them: read the table in order and sort (SQLite would otherwise walk an index and look up each row).
      if deck == nil { sql = sql.replacingOccurrences(of: "FROM card WHERE", with: "FROM card NOT INDEXED WHERE") }
      var cards: [StoredCard] = []
      try db.scan(sql: sql, arguments: arguments) { row in
        cards.append(Self.storedCard(row))
        return true
      }
      return cards
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
        sql: "UPDATE card SET buried_until = ? WHERE id = ?", arguments: [date.map(Self.milliseconds), cardID])
      if db.changesCount == 0 { throw StoreError.unknownCard(cardID) }
    }
  }

  /// The known decks, with the deck file each was last synced from and its content hash (a deck whose hash is
  /// unchanged needs no `sync`).
  public func decks() throws(StoreError) -> [DeckInfo] {
    try read { db in try DeckRow.order(Column("id")).fetchAll(db).map(\.info) }
  }

  /// The known deck with this id, or nil: one indexed lookup, for skipping the sync of an unchanged deck.
  public func deck(_ id: String) throws(StoreError) -> DeckInfo? {
    try read { db in try DeckRow.fetchOne(db, key: id)?.info }
  }

  /// Each deck's scheduler choice (nil: the learner's default).
  public func deckSchedulers() throws(StoreError) -> [String: SchedulerKind?] {
    try read { db in
      var out: [String: SchedulerKind?] = [:]
      for deck in try DeckRow.fetchAll(db) { out[deck.id] = deck.scheduler.flatMap(SchedulerKind.init(rawValue:)) }
      return out
    }
  }

  /// The pseudo-deck a review log imported without `--deck` puts its cards in; a real deck that defines one of
  /// those ids later takes the card over, with its reviews.
  public static let importedDeck = "imported"

  /// Adds or updates a deck's cards: new ids appear as new cards, missing ones are retired (history kept), known
  /// ids keep their progress. One transaction.
  ///
  /// A card id that belongs to another deck is refused (`StoreError.corrupt`), except a card of `importedDeck`,
  /// which moves to this deck with its progress.
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
        existing[row[0]] = row[1]
      }
      var summary = SyncSummary()
      var seen = Set<String>()
      var position = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), -1) FROM card") ?? -1
      let insert = try db.cachedStatement(
        sql: """
          INSERT INTO card (id, deck_id, kind, sibling_group, tags, era, position, added, due)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      let refresh = try db.cachedStatement(
        sql: "UPDATE card SET kind = ?, sibling_group = ?, tags = ?, era = ?, retired = 0 WHERE id = ?")
      let owner = try db.cachedStatement(sql: "SELECT deck_id FROM card WHERE id = ?")
      let adopt = try db.cachedStatement(
        sql: "UPDATE card SET deck_id = ?, kind = ?, sibling_group = ?, tags = ?, era = ?, retired = 0 WHERE id = ?")
      let stamp = Self.milliseconds(now)
      for card in cards where seen.insert(card.id).inserted {
        let tags = card.tags.joined(separator: " ")
        if let retired = existing[card.id] {
          try refresh.execute(arguments: [card.kind, card.siblingGroup, tags, card.era, card.id])
          if retired { summary.restored += 1 } else { summary.kept += 1 }
        } else if let other = try String.fetchOne(owner, arguments: [card.id]) {
          guard other == Self.importedDeck else {
            throw StoreError.corrupt("card id '\(card.id)' already belongs to another deck ('\(other)')")
          }
          try adopt.execute(arguments: [deck.id, card.kind, card.siblingGroup, tags, card.era, card.id])
          summary.kept += 1
        } else {
          position += 1
          try insert.execute(arguments: [
            card.id, deck.id, card.kind, card.siblingGroup, tags, card.era, position, stamp, stamp,
          ])
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

/// A `deck` row.
struct DeckRow: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "deck"
  var id: String
  var contentHash: String
  var path: String
  var scheduler: String?
  var syncedAt: Double

  enum CodingKeys: String, CodingKey {
    case id, path, scheduler
    case contentHash = "content_hash"
    case syncedAt = "synced_at"
  }

  var info: DeckInfo { DeckInfo(id: id, contentHash: contentHash, path: path) }
}
