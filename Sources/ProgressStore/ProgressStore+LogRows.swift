import Foundation
import GRDB

/// A row of the compact review log with the card it answers, as `annals sync` sends it to a class server and a
/// teacher's report rebuilds a store from it. Times are milliseconds since 1970, as stored.
public struct LogRow: Sendable, Equatable {
  /// The `revlog` row id (with the store's UUID, the review's stable id).
  public var id: Int64
  /// The card's id, deck, kind, sibling group, space-separated tags, era, position and time added (ms).
  public var cardID: String
  public var deckID: String
  public var kind: String
  public var siblingGroup: String
  public var tags: String
  public var era: String?
  public var position: Int
  public var added: Int64
  /// The answer: time (ms), rating, the row it follows, the state after (phase code, step, lapses, interval,
  /// stability, difficulty, ease, due as ms after the answer), the typed answer, verdict and response time.
  public var time: Int64
  public var rating: Int
  public var prev: Int64?
  public var phase: Int
  public var step: Int
  public var lapses: Int
  public var scheduledDays: Int
  public var stability: Double?
  public var difficulty: Double?
  public var ease: Double?
  public var dueOffset: Int64
  public var typedAnswer: String?
  public var verdict: String?
  public var responseMilliseconds: Int?
  /// The scheduler's name and parameters (JSON).
  public var scheduler: String
  public var parameters: String
  /// Whether the answer was undone.
  public var undone: Bool

  /// A row with every field given.
  public init(
    id: Int64, cardID: String, deckID: String, kind: String, siblingGroup: String, tags: String, era: String?,
    position: Int, added: Int64, time: Int64, rating: Int, prev: Int64?, phase: Int, step: Int, lapses: Int,
    scheduledDays: Int, stability: Double?, difficulty: Double?, ease: Double?, dueOffset: Int64,
    typedAnswer: String?, verdict: String?, responseMilliseconds: Int?, scheduler: String, parameters: String,
    undone: Bool
  ) {
    self.id = id
    self.cardID = cardID
    self.deckID = deckID
    self.kind = kind
    self.siblingGroup = siblingGroup
    self.tags = tags
    self.era = era
    self.position = position
    self.added = added
    self.time = time
    self.rating = rating
    self.prev = prev
    self.phase = phase
    self.step = step
    self.lapses = lapses
    self.scheduledDays = scheduledDays
    self.stability = stability
    self.difficulty = difficulty
    self.ease = ease
    self.dueOffset = dueOffset
    self.typedAnswer = typedAnswer
    self.verdict = verdict
    self.responseMilliseconds = responseMilliseconds
    self.scheduler = scheduler
    self.parameters = parameters
    self.undone = undone
  }
}

extension ProgressStore {
  /// The store's UUID (`meta.store_uuid`), made and kept on first use: with a row id, a review's id for ever,
  /// whichever machine the store is copied to. A key of the existing `meta` table, so no schema change.
  public func storeUUID() throws(StoreError) -> String {
    if let found = try read({ db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'store_uuid'") }) {
      return found
    }
    return try write { db in
      try db.execute(
        sql: "INSERT OR IGNORE INTO meta (key, value) VALUES ('store_uuid', ?)", arguments: [UUID().uuidString.lowercased()])
      return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'store_uuid'") ?? ""
    }
  }

  /// At most `limit` log rows with ids above `after`, in id order, undone ones included (marked).
  public func logRows(after: Int64, limit: Int) throws(StoreError) -> [LogRow] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT r.id, c.id, c.deck_id, c.kind, c.sibling_group, c.tags, c.era, c.position, c.added, r.time, r.rating,
            r.prev, r.phase, r.step, r.lapses, r.scheduled_days, r.stability, r.difficulty, r.ease, r.due_offset,
            r.typed_answer, v.name, r.response_ms, s.scheduler, s.parameters, r.undone
          FROM revlog r JOIN card c ON c.key = r.card JOIN scheduler_config s ON s.id = r.config
          LEFT JOIN verdict v ON v.id = r.verdict
          WHERE r.id > ? ORDER BY r.id LIMIT ?
          """,
        arguments: [after, limit]
      ).map { row in
        LogRow(
          id: row[0], cardID: row[1], deckID: row[2], kind: row[3], siblingGroup: row[4], tags: row[5], era: row[6],
          position: row[7], added: row[8], time: row[9], rating: row[10], prev: row[11], phase: row[12],
          step: row[13], lapses: row[14], scheduledDays: row[15], stability: row[16], difficulty: row[17],
          ease: row[18], dueOffset: row[19], typedAnswer: row[20], verdict: row[21], responseMilliseconds: row[22],
          scheduler: row[23], parameters: row[24], undone: row[25])
      }
    }
  }

  /// The highest log row id (0 for an empty log).
  public func lastLogRowID() throws(StoreError) -> Int64 {
    try read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM revlog") ?? 0 }
  }

  /// Appends rows taken from another store (a class server's copy) to this one's log, in order, with new row
  /// ids (`prev` follows them); their decks, cards and scheduler configurations are added when missing, and every
  /// card's state is then rebuilt from the log. One transaction for the rows.
  public func appendLogRows(_ rows: [LogRow], at now: Date) throws(StoreError) {
    try write { db in
      var decks = Set(try String.fetchAll(db, sql: "SELECT id FROM deck"))
      var cards: [String: Int64] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT id, key FROM card") { cards[row[0]] = row[1] }
      var verdicts: [String: Int64] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT name, id FROM verdict") { verdicts[row[0]] = row[1] }
      var configs: [String: Int64] = [:]
      var newIDs: [Int64: Int64] = [:]
      let insert = try db.makeStatement(
        sql: """
          INSERT INTO revlog (card, time, rating, prev, phase, step, lapses, scheduled_days, stability, difficulty,
            ease, due_offset, typed_answer, verdict, response_ms, config, undone)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      for row in rows {
        if decks.insert(row.deckID).inserted {
          try db.execute(
            sql: "INSERT INTO deck (id, content_hash, path, synced_at) VALUES (?, '', '', ?)",
            arguments: [row.deckID, now.timeIntervalSince1970])
        }
        let card: Int64
        if let key = cards[row.cardID] {
          card = key
        } else {
          try db.execute(
            sql: """
              INSERT INTO card (id, deck_id, kind, sibling_group, tags, era, position, added, due)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
              """,
            arguments: [row.cardID, row.deckID, row.kind, row.siblingGroup, row.tags, row.era, row.position, row.added, row.added])
          card = db.lastInsertedRowID
          cards[row.cardID] = card
        }
        let configKey = row.scheduler + "\u{0}" + row.parameters
        let config: Int64
        if let id = configs[configKey] {
          config = id
        } else {
          try db.execute(
            sql: "INSERT OR IGNORE INTO scheduler_config (scheduler, parameters) VALUES (?, ?)",
            arguments: [row.scheduler, row.parameters])
          config = try Int64.fetchOne(
            db, sql: "SELECT id FROM scheduler_config WHERE scheduler = ? AND parameters = ?",
            arguments: [row.scheduler, row.parameters]) ?? 0
          configs[configKey] = config
        }
        var verdict: Int64?
        if let name = row.verdict {
          if let id = verdicts[name] {
            verdict = id
          } else {
            try db.execute(sql: "INSERT INTO verdict (name) VALUES (?)", arguments: [name])
            verdict = db.lastInsertedRowID
            verdicts[name] = verdict
          }
        }
        try insert.execute(arguments: [
          card, row.time, row.rating, row.prev.flatMap { newIDs[$0] }, row.phase, row.step, row.lapses,
          row.scheduledDays, row.stability, row.difficulty, row.ease, row.dueOffset, row.typedAnswer, verdict,
          row.responseMilliseconds, config, row.undone,
        ])
        newIDs[row.id] = db.lastInsertedRowID
      }
    }
    try rebuildFromLog()
  }
}
