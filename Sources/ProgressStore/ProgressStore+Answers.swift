import Foundation
import GRDB
import Scheduling

extension ProgressStore {
  static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    encoder.dateEncodingStrategy = .secondsSince1970
    return encoder
  }()

  static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .secondsSince1970
    return decoder
  }

  /// The state with its dates as the store keeps them (seconds since 1970 as a Double), so that what `answer`
  /// returns equals what is read back, bit for bit.
  static func storable(_ state: CardState) -> CardState {
    var state = state
    state.due = Date(timeIntervalSince1970: state.due.timeIntervalSince1970)
    state.lastReview = state.lastReview.map { Date(timeIntervalSince1970: $0.timeIntervalSince1970) }
    return state
  }

  /// The state as JSON with sorted keys, dates as seconds since 1970, numbers in Swift's shortest round-trip form
  /// (readable by `JSONDecoder`); written by hand because the log stores two per answer and imports write
  /// millions.
  static func json(_ state: CardState) throws -> String {
    var out = "{"
    out.reserveCapacity(200)
    var first = true
    func number(_ key: String, _ value: Double?) {
      guard let value else { return }
      out += first ? "\"\(key)\":\(value)" : ",\"\(key)\":\(value)"
      first = false
    }
    func integer(_ key: String, _ value: Int) {
      out += first ? "\"\(key)\":\(value)" : ",\"\(key)\":\(value)"
      first = false
    }
    number("difficulty", state.difficulty)
    number("due", state.due.timeIntervalSince1970)
    number("ease", state.ease)
    integer("lapses", state.lapses)
    number("lastReview", state.lastReview?.timeIntervalSince1970)
    out += ",\"phase\":\"\(state.phase.rawValue)\""
    integer("reps", state.reps)
    integer("scheduledDays", state.scheduledDays)
    number("stability", state.stability)
    integer("step", state.step)
    return out + "}"
  }

  static func state(_ json: String, review: Int64) throws -> CardState {
    do { return try decoder().decode(CardState.self, from: Data(json.utf8)) } catch {
      throw StoreError.corrupt("review \(review): unreadable card state (\(error))")
    }
  }

  static func entry(_ row: Row) throws -> ReviewEntry {
    let id: Int64 = row["id"]
    return ReviewEntry(
      id: id, cardID: row["card_id"], time: Date(timeIntervalSince1970: row["time"]),
      rating: Rating(rawValue: row["rating"]) ?? .again, typedAnswer: row["typed_answer"], verdict: row["verdict"],
      responseMilliseconds: row["response_ms"], stateBefore: try state(row["state_before"], review: id),
      stateAfter: try state(row["state_after"], review: id), scheduler: row["scheduler"],
      parametersJSON: row["parameters"], undone: row["undone"])
  }

  /// The id of the (scheduler, parameters) pair in `scheduler_config`, added if new: the log refers to it
  /// instead of repeating ~500 bytes of parameters in every row.
  static func configID(_ db: Database, scheduler: any Scheduler) throws -> Int64 {
    try db.execute(
      sql: "INSERT OR IGNORE INTO scheduler_config (scheduler, parameters) VALUES (?, ?)",
      arguments: [scheduler.name, scheduler.parametersJSON])
    guard
      let id = try Int64.fetchOne(
        db, sql: "SELECT id FROM scheduler_config WHERE scheduler = ? AND parameters = ?",
        arguments: [scheduler.name, scheduler.parametersJSON])
    else { throw StoreError.corrupt("scheduler configuration not found after insert") }
    return id
  }

  /// Records an answer: schedules the card from its state as stored now, updates it and appends the review, in
  /// one transaction that is on disk when this returns.
  @discardableResult
  public func answer(_ answer: Answer, scheduler: any Scheduler) throws(StoreError) -> ReviewEntry {
    try write { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT \(Self.cardColumns) FROM card WHERE id = ?", arguments: [answer.cardID])
      else { throw StoreError.unknownCard(answer.cardID) }
      let before = Self.storedCard(row).state
      let after = Self.storable(
        scheduler.schedule(before, rating: answer.rating, now: answer.time, cardID: answer.cardID))
      try Self.update(db, cardID: answer.cardID, to: after)
      let config = try Self.configID(db, scheduler: scheduler)
      try db.execute(
        sql: """
          INSERT INTO review (card_id, time, rating, typed_answer, verdict, response_ms, phase_before, state_before,
            state_after, scheduler_config_id)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          answer.cardID, answer.time.timeIntervalSince1970, answer.rating.rawValue, answer.typedAnswer,
          answer.verdict, answer.responseMilliseconds, before.phase.rawValue, try Self.json(before),
          try Self.json(after), config,
        ])
      return ReviewEntry(
        id: db.lastInsertedRowID, cardID: answer.cardID, time: answer.time, rating: answer.rating,
        typedAnswer: answer.typedAnswer, verdict: answer.verdict, responseMilliseconds: answer.responseMilliseconds,
        stateBefore: before, stateAfter: after, scheduler: scheduler.name, parametersJSON: scheduler.parametersJSON,
        undone: false)
    }
  }

  /// Records many answers in one transaction, in order (an import, or a benchmark's history). Either all are
  /// recorded or none.
  public func answerBatch(_ answers: [Answer], scheduler: any Scheduler) throws(StoreError) {
    try write { db in
      let select = try db.cachedStatement(sql: "SELECT \(Self.cardColumns) FROM card WHERE id = ?")
      let config = try Self.configID(db, scheduler: scheduler)
      let insert = try db.cachedStatement(
        sql: """
          INSERT INTO review (card_id, time, rating, typed_answer, verdict, response_ms, phase_before, state_before,
            state_after, scheduler_config_id)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      var states: [String: CardState] = [:]
      for answer in answers {
        let before: CardState
        if let known = states[answer.cardID] {
          before = known
        } else {
          guard let row = try Row.fetchOne(select, arguments: [answer.cardID]) else {
            throw StoreError.unknownCard(answer.cardID)
          }
          before = Self.storedCard(row).state
        }
        let after = Self.storable(
          scheduler.schedule(before, rating: answer.rating, now: answer.time, cardID: answer.cardID))
        states[answer.cardID] = after
        try insert.execute(arguments: [
          answer.cardID, answer.time.timeIntervalSince1970, answer.rating.rawValue, answer.typedAnswer,
          answer.verdict, answer.responseMilliseconds, before.phase.rawValue, try Self.json(before),
          try Self.json(after), config,
        ])
      }
      for (cardID, state) in states { try Self.update(db, cardID: cardID, to: state) }
    }
  }

  /// Undoes the most recent answer not yet undone: the card gets back its state from before, exactly, and the
  /// log row stays, marked undone. Returns the undone row, or nil when there is nothing to undo.
  @discardableResult
  public func undoLastAnswer() throws(StoreError) -> ReviewEntry? {
    try write { db in
      guard let row = try Row.fetchOne(db, sql: "SELECT * FROM review_log WHERE undone = 0 ORDER BY id DESC LIMIT 1")
      else { return nil }
      var entry = try Self.entry(row)
      try Self.update(db, cardID: entry.cardID, to: entry.stateBefore)
      try db.execute(sql: "UPDATE review SET undone = 1 WHERE id = ?", arguments: [entry.id])
      entry.undone = true
      return entry
    }
  }

  /// The review log, oldest first; optionally one card's, optionally with undone rows.
  public func reviews(cardID: String? = nil, includeUndone: Bool = false) throws(StoreError) -> [ReviewEntry] {
    try read { db in
      var sql = "SELECT * FROM review_log WHERE 1"
      var arguments: StatementArguments = []
      if let cardID {
        sql += " AND card_id = ?"
        arguments += [cardID]
      }
      if !includeUndone { sql += " AND undone = 0" }
      return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: arguments).map(Self.entry)
    }
  }

  /// The number of reviews in the log (undone rows excluded).
  public func reviewCount() throws(StoreError) -> Int {
    try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review WHERE undone = 0") ?? 0 }
  }

  /// Rebuilds every card's scheduling state from the log: the state after its last standing review (or, when
  /// all were undone, the state before the first), else a new card.
  /// Returns how many cards changed.
  @discardableResult
  public func rebuildFromLog() throws(StoreError) -> Int {
    try write { db in
      var latest: [String: (Int64, String)] = [:]
      var first: [String: (Int64, String)] = [:]
      let rows = try Row.fetchCursor(
        db, sql: "SELECT id, card_id, state_before, state_after, undone FROM review ORDER BY id")
      while let row = try rows.next() {
        let card: String = row["card_id"]
        if first[card] == nil { first[card] = (row["id"], row["state_before"]) }
        if !(row["undone"] as Bool) { latest[card] = (row["id"], row["state_after"]) }
      }
      var changed = 0
      let cards = try Row.fetchAll(db, sql: "SELECT \(Self.cardColumns) FROM card")
      for row in cards {
        let card = Self.storedCard(row)
        let rebuilt: CardState
        if let (id, json) = latest[card.id] {
          rebuilt = try Self.state(json, review: id)
        } else if let (id, json) = first[card.id] {
          rebuilt = try Self.state(json, review: id)  // every answer undone: back to before the first
        } else {
          rebuilt = CardState.new(due: card.state.due)
        }
        if rebuilt != card.state {
          try Self.update(db, cardID: card.id, to: rebuilt)
          changed += 1
        }
      }
      return changed
    }
  }

  /// Replays a card's standing reviews through `scheduler` from a new card: its state as that scheduler would
  /// have it (the same as the stored one when the parameters have not changed).
  public func replayedState(cardID: String, scheduler: any Scheduler) throws(StoreError) -> CardState {
    var state = CardState.new()
    for (index, review) in try reviews(cardID: cardID).enumerated() {
      if index == 0 { state = CardState.new(due: review.stateBefore.due) }
      state = scheduler.schedule(state, rating: review.rating, now: review.time, cardID: cardID)
    }
    return state
  }
}
