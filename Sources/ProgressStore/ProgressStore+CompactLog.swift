import Foundation
import GRDB
import Scheduling

extension ProgressStore {
  /// Schema 2: integer card keys, the review log in compact rows (`revlog`), times in milliseconds since 1970.
  ///
  /// A `revlog` row keeps what the answer decided — the rating and the scheduler's state after it as typed
  /// columns — and `prev`, the card's review whose state after is this one's state before (NULL: the card's first,
  /// from a new card due at `card.added`). Nothing else is stored twice: the state before, `reps` (one more than
  /// the state before's) and `lastReview` (the review's own time) are derived, exactly, for undone rows too.
  static let compactSchema = """
    CREATE TABLE card (
      key INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      deck_id TEXT NOT NULL REFERENCES deck(id),
      kind TEXT NOT NULL,
      sibling_group TEXT NOT NULL,
      tags TEXT NOT NULL DEFAULT '',
      era TEXT,
      position INTEGER NOT NULL,
      added INTEGER NOT NULL,
      phase INTEGER NOT NULL DEFAULT 0 CHECK (phase BETWEEN 0 AND 3),
      due INTEGER NOT NULL,
      stability REAL,
      difficulty REAL,
      step INTEGER NOT NULL DEFAULT 0,
      reps INTEGER NOT NULL DEFAULT 0,
      lapses INTEGER NOT NULL DEFAULT 0,
      last_review INTEGER,
      scheduled_days INTEGER NOT NULL DEFAULT 0,
      ease REAL,
      suspended INTEGER NOT NULL DEFAULT 0,
      buried_until INTEGER,
      retired INTEGER NOT NULL DEFAULT 0,
      head INTEGER
    );
    CREATE TABLE verdict (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
    INSERT INTO verdict (id, name) VALUES (1, 'correct'), (2, 'close'), (3, 'wrong'), (4, 'dont-know');
    CREATE TABLE revlog (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      card INTEGER NOT NULL REFERENCES card(key),
      time INTEGER NOT NULL,
      rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
      prev INTEGER,
      phase INTEGER NOT NULL CHECK (phase BETWEEN 0 AND 3),
      step INTEGER NOT NULL,
      lapses INTEGER NOT NULL,
      scheduled_days INTEGER NOT NULL,
      stability REAL,
      difficulty REAL,
      ease REAL,
      due_offset INTEGER NOT NULL,
      typed_answer TEXT,
      verdict INTEGER REFERENCES verdict(id),
      response_ms INTEGER,
      config INTEGER NOT NULL REFERENCES scheduler_config(id),
      undone INTEGER NOT NULL DEFAULT 0
    );
    """

  /// Indexes, the readable `review` view and the append-only trigger of schema 2.
  ///
  /// The log has one index, by time (today's reviews for the daily limits, bounded to the study day); the card
  /// indexes serve the queue (learning and reviews by due time, new cards by position) and the per-deck counts
  /// (covering: deck, state, due and bury time in the index).
  static let compactIndexes = """
    CREATE INDEX revlog_by_time ON revlog(time);
    CREATE INDEX card_by_due ON card(retired, suspended, phase, due);
    CREATE INDEX card_new ON card(retired, suspended, phase, position);
    CREATE INDEX card_counts ON card(deck_id, retired, suspended, phase, due, buried_until);
    CREATE TRIGGER revlog_append_only BEFORE DELETE ON revlog
      BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END;
    CREATE VIEW review AS
      SELECT r.id, c.id AS card_id, r.time / 1000.0 AS time, r.rating, r.typed_answer, v.name AS verdict,
        r.response_ms,
        CASE COALESCE(p.phase, 0) WHEN 0 THEN 'new' WHEN 1 THEN 'learning' WHEN 2 THEN 'review' ELSE 'relearning' END
          AS phase_before,
        CASE r.phase WHEN 0 THEN 'new' WHEN 1 THEN 'learning' WHEN 2 THEN 'review' ELSE 'relearning' END AS phase,
        (r.time + r.due_offset) / 1000.0 AS due, r.stability, r.difficulty, r.scheduled_days, r.prev,
        s.scheduler, r.undone
      FROM revlog r JOIN card c ON c.key = r.card LEFT JOIN revlog p ON p.id = r.prev
      LEFT JOIN verdict v ON v.id = r.verdict JOIN scheduler_config s ON s.id = r.config;
    """

  static func phaseCode(_ phase: CardPhase) -> Int {
    switch phase {
    case .new: 0
    case .learning: 1
    case .review: 2
    case .relearning: 3
    }
  }

  static func phase(code: Int) -> CardPhase {
    switch code {
    case 1: .learning
    case 2: .review
    case 3: .relearning
    default: .new
    }
  }

  /// Milliseconds since 1970, rounded: the store's time unit.
  static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

  /// The date of a stored millisecond count.
  static func date(milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

  /// The state with its dates as the store keeps them (whole milliseconds), so that what `answer` returns equals
  /// what is read back, bit for bit.
  static func storable(_ state: CardState) -> CardState {
    var state = state
    state.due = date(milliseconds: milliseconds(state.due))
    state.lastReview = state.lastReview.map { date(milliseconds: milliseconds($0)) }
    return state
  }

  /// Moves a schema-1 store to schema 2, keeping every review, in the migration's transaction.
  ///
  /// Each v1 row's state before is checked against the one derived from its `prev`: a row that does not follow
  /// stops the migration (the store stays at schema 1, its backup beside it).
  static func migrateToCompactLog(_ db: Database) throws {
    try db.execute(
      sql: """
        DROP VIEW review_log;
        DROP TRIGGER review_append_only;
        DROP INDEX card_by_due;
        DROP INDEX card_by_deck;
        DROP INDEX card_by_group;
        DROP INDEX review_by_card;
        DROP INDEX review_by_time;
        ALTER TABLE review RENAME TO review_v1;
        ALTER TABLE card RENAME TO card_v1;
        """)
    try db.execute(sql: compactSchema)
    try db.execute(
      sql: """
        INSERT INTO card (id, deck_id, kind, sibling_group, tags, era, position, added, phase, due, stability,
          difficulty, step, reps, lapses, last_review, scheduled_days, ease, suspended, buried_until, retired)
        SELECT id, deck_id, kind, sibling_group, tags, era, position, CAST(ROUND(due * 1000) AS INTEGER),
          CASE phase WHEN 'learning' THEN 1 WHEN 'review' THEN 2 WHEN 'relearning' THEN 3 ELSE 0 END,
          CAST(ROUND(due * 1000) AS INTEGER), stability, difficulty, step, reps, lapses,
          CAST(ROUND(last_review * 1000) AS INTEGER), scheduled_days, ease, suspended,
          CAST(ROUND(buried_until * 1000) AS INTEGER), retired
        FROM card_v1 ORDER BY position, id
        """)
    var keys: [String: Int64] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT key, id FROM card") { keys[row[1]] = row[0] }
    var verdicts: [String: Int64] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT id, name FROM verdict") { verdicts[row[1]] = row[0] }

    let decoder = decoder()
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO revlog (id, card, time, rating, prev, phase, step, lapses, scheduled_days, stability, difficulty,
          ease, due_offset, typed_answer, verdict, response_ms, config, undone)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let addVerdict = try db.makeStatement(sql: "INSERT INTO verdict (name) VALUES (?)")
    // Per card: its rows so far as (time of the review in ms, row id, state after), newest last.
    var chains: [Int64: [(time: Int64, id: Int64, after: CardState)]] = [:]
    var added: [Int64: Int64] = [:]
    var head: [Int64: Int64] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT id, card_id, time, rating, typed_answer, verdict, response_ms, state_before, state_after,
          scheduler_config_id, undone
        FROM review_v1 ORDER BY id
        """)
    while let row = try rows.next() {
      let id: Int64 = row[0]
      let cardID: String = row[1]
      guard let card = keys[cardID] else { throw StoreError.corrupt("review \(id): unknown card '\(cardID)'") }
      func state(_ json: String) throws -> CardState {
        do { return storable(try decoder.decode(CardState.self, from: Data(json.utf8))) } catch {
          throw StoreError.corrupt("review \(id): unreadable card state (\(error))")
        }
      }
      let before = try state(row[7])
      let after = try state(row[8])
      let time = milliseconds(Date(timeIntervalSince1970: row[2]))
      // The row this one followed: the card's latest earlier row whose state after is this one's state before.
      var prev: Int64?
      var derivedBefore = CardState.new(due: before.due)
      if before.reps > 0 || before.lastReview != nil {
        guard let found = chains[card]?.last(where: { $0.after == before }) else {
          throw StoreError.corrupt("review \(id) of '\(cardID)': its state before follows no earlier review")
        }
        prev = found.id
        derivedBefore = found.after
      } else if added[card] == nil {
        added[card] = milliseconds(before.due)
      } else {
        derivedBefore = CardState.new(due: date(milliseconds: added[card]!))
      }
      var derivedAfter = after
      derivedAfter.reps = derivedBefore.reps + 1
      derivedAfter.lastReview = date(milliseconds: time)
      guard derivedBefore == before, derivedAfter == after else {
        throw StoreError.corrupt("review \(id) of '\(cardID)': its states do not follow from the log")
      }
      var verdict: Int64?
      if let name: String = row[5] {
        if let known = verdicts[name] {
          verdict = known
        } else {
          try addVerdict.execute(arguments: [name])
          verdict = db.lastInsertedRowID
          verdicts[name] = verdict
        }
      }
      let undone: Bool = row[10]
      try insert.execute(arguments: [
        id, card, time, row[3], prev, phaseCode(after.phase), after.step, after.lapses, after.scheduledDays,
        after.stability, after.difficulty, after.ease, milliseconds(after.due) - time, row[4], verdict, row[6],
        row[9], undone,
      ])
      chains[card, default: []].append((time, id, after))
      if !undone { head[card] = id }
    }
    let setAdded = try db.makeStatement(sql: "UPDATE card SET added = ? WHERE key = ?")
    for (card, time) in added { try setAdded.execute(arguments: [time, card]) }
    let setHead = try db.makeStatement(sql: "UPDATE card SET head = ? WHERE key = ?")
    for (card, id) in head { try setHead.execute(arguments: [id, card]) }
    if let last = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM revlog") {
      try db.execute(sql: "UPDATE sqlite_sequence SET seq = ? WHERE name = 'revlog'", arguments: [last])
    }
    try db.execute(
      sql: """
        DROP TABLE review_v1;
        DROP TABLE card_v1;
        DELETE FROM sqlite_sequence WHERE name = 'review';
        """)
    try db.execute(sql: compactIndexes)
    try db.execute(
      sql: """
        UPDATE meta SET value = '2' WHERE key = 'schema_version';
        PRAGMA user_version = 2;
        """)
  }

  static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .secondsSince1970
    return decoder
  }
}
