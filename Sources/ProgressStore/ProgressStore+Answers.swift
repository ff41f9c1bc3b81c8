import Foundation
import GRDB
import Scheduling

extension ProgressStore {
  static let reviewColumns = """
    id, card, time, rating, prev, phase, step, lapses, scheduled_days, stability, difficulty, ease, due_offset,
    typed_answer, verdict, response_ms, config, undone
    """

  /// The state after the review in a row selected with `reviewColumns`, given its `reps` (one more than the state
  /// before's): `lastReview` is the review's time, `due` its time plus the stored offset.
  static func stateAfter(_ row: Row, reps: Int) -> CardState {
    let time: Int64 = row[2]
    return CardState(
      phase: phase(code: row[5]), due: date(milliseconds: time + (row[12] as Int64)), stability: row[9],
      difficulty: row[10], step: row[6], reps: reps, lapses: row[7], lastReview: date(milliseconds: time),
      scheduledDays: row[8], ease: row[11])
  }

  /// The state after `scheduler` answers `rating` at `time` (whole milliseconds) from `before`, as the log derives
  /// it back: dates in whole milliseconds, `reps` one more than before, `lastReview` the answer's time.
  static func scheduled(
    _ before: CardState, rating: Rating, at time: Date, cardID: String, scheduler: any Scheduler
  ) -> CardState {
    var after = storable(scheduler.schedule(before, rating: rating, now: time, cardID: cardID))
    after.reps = before.reps + 1
    after.lastReview = time
    return after
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

  /// The id of a verdict name in `verdict`, added if new (nil for no verdict).
  static func verdictID(_ db: Database, _ name: String?) throws -> Int64? {
    guard let name else { return nil }
    let select = try db.cachedStatement(sql: "SELECT id FROM verdict WHERE name = ?")
    if let id = try Int64.fetchOne(select, arguments: [name]) { return id }
    try db.execute(sql: "INSERT INTO verdict (name) VALUES (?)", arguments: [name])
    return db.lastInsertedRowID
  }

  static let insertReview = """
    INSERT INTO revlog (card, time, rating, prev, phase, step, lapses, scheduled_days, stability, difficulty, ease,
      due_offset, typed_answer, verdict, response_ms, config)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    """

  static func insert(
    _ statement: Statement, card: Int64, time: Int64, answer: Answer, prev: Int64?, after: CardState,
    verdict: Int64?, config: Int64
  ) throws {
    try statement.execute(arguments: [
      card, time, answer.rating.rawValue, prev, phaseCode(after.phase), after.step, after.lapses,
      after.scheduledDays, after.stability, after.difficulty, after.ease, milliseconds(after.due) - time,
      answer.typedAnswer, verdict, answer.responseMilliseconds, config,
    ])
  }

  /// The card's key, the review its state comes from, its state and its added time, for `answer` and `undo`.
  static func cardForAnswer(_ db: Database, id: String) throws -> (key: Int64, head: Int64?, state: CardState)? {
    guard
      let row = try Row.fetchOne(
        db.cachedStatement(sql: "SELECT \(cardColumns) FROM card WHERE id = ?"), arguments: [id])
    else { return nil }
    return (row[20], row[21], cardState(row))
  }

  /// Records an answer: schedules the card from its state as stored now, updates it and appends the review, in
  /// one transaction that is on disk when this returns. The time is kept to the millisecond.
  @discardableResult
  public func answer(_ answer: Answer, scheduler: any Scheduler) throws(StoreError) -> StoredReview {
    try write { db in
      guard let card = try Self.cardForAnswer(db, id: answer.cardID) else {
        throw StoreError.unknownCard(answer.cardID)
      }
      let time = Self.milliseconds(answer.time)
      let now = Self.date(milliseconds: time)
      let before = card.state
      let after = Self.scheduled(before, rating: answer.rating, at: now, cardID: answer.cardID, scheduler: scheduler)
      let config = try Self.configID(db, scheduler: scheduler)
      let verdict = try Self.verdictID(db, answer.verdict)
      try Self.insert(
        try db.cachedStatement(sql: Self.insertReview), card: card.key, time: time, answer: answer, prev: card.head,
        after: after, verdict: verdict, config: config)
      let id = db.lastInsertedRowID
      try Self.update(db, card: card.key, to: after, head: id)
      return StoredReview(
        id: id, cardID: answer.cardID, time: now, rating: answer.rating, typedAnswer: answer.typedAnswer,
        verdict: answer.verdict, responseMilliseconds: answer.responseMilliseconds, stateBefore: before,
        stateAfter: after, scheduler: scheduler.name, parametersJSON: scheduler.parametersJSON, undone: false)
    }
  }

  /// Records many answers in one transaction, in order (an import, or a benchmark's history). Either all are
  /// recorded or none; an unknown card throws `StoreError.unknownCard` before anything is kept.
  public func answerBatch(_ answers: [Answer], scheduler: any Scheduler) throws(StoreError) {
    try write { db in
      let config = try Self.configID(db, scheduler: scheduler)
      let insert = try db.cachedStatement(sql: Self.insertReview)
      var cards: [String: (key: Int64, head: Int64?, state: CardState)] = [:]
      var verdicts: [String: Int64] = [:]
      for answer in answers {
        var card: (key: Int64, head: Int64?, state: CardState)
        if let known = cards[answer.cardID] {
          card = known
        } else {
          guard let found = try Self.cardForAnswer(db, id: answer.cardID) else {
            throw StoreError.unknownCard(answer.cardID)
          }
          card = found
        }
        var verdict: Int64?
        if let name = answer.verdict {
          if let known = verdicts[name] {
            verdict = known
          } else {
            verdict = try Self.verdictID(db, name)
            verdicts[name] = verdict
          }
        }
        let time = Self.milliseconds(answer.time)
        let after = Self.scheduled(
          card.state, rating: answer.rating, at: Self.date(milliseconds: time), cardID: answer.cardID,
          scheduler: scheduler)
        try Self.insert(
          insert, card: card.key, time: time, answer: answer, prev: card.head, after: after, verdict: verdict,
          config: config)
        card.head = db.lastInsertedRowID
        card.state = after
        cards[answer.cardID] = card
      }
      for card in cards.values { try Self.update(db, card: card.key, to: card.state, head: card.head) }
    }
  }

  /// How many reviews lead to the review `id` along its card's chain, itself included: its state after's `reps`.
  static func chainLength(_ db: Database, to id: Int64) throws -> Int {
    let statement = try db.cachedStatement(sql: "SELECT prev FROM revlog WHERE id = ?")
    var count = 1
    var cursor = try Int64.fetchOne(statement, arguments: [id])
    while let prev = cursor {
      count += 1
      cursor = try Int64.fetchOne(statement, arguments: [prev])
    }
    return count
  }

  /// The state after review `id` (its card's whole state then), derived from the log.
  static func stateAfter(_ db: Database, review id: Int64) throws -> CardState? {
    guard
      let row = try Row.fetchOne(
        db.cachedStatement(sql: "SELECT \(reviewColumns) FROM revlog WHERE id = ?"), arguments: [id])
    else { return nil }
    return stateAfter(row, reps: try chainLength(db, to: id))
  }

  /// Undoes the most recent answer not yet undone: the card gets back its state from before, exactly, and the
  /// log row stays, marked undone. Returns the undone row, or nil when there is nothing to undo.
  @discardableResult
  public func undoLastAnswer() throws(StoreError) -> StoredReview? {
    try write { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT \(Self.reviewColumns) FROM revlog WHERE undone = 0 ORDER BY id DESC LIMIT 1")
      else { return nil }
      let id: Int64 = row[0]
      let prev: Int64? = row[4]
      guard
        let card = try Row.fetchOne(
          db, sql: "SELECT \(Self.cardColumns) FROM card WHERE key = ?", arguments: [row[1] as Int64])
      else { throw StoreError.corrupt("review \(id): its card is missing") }
      let current = Self.cardState(card)
      let head: Int64? = card[21]
      let reps = head == id ? current.reps : try Self.chainLength(db, to: id)
      let after = Self.stateAfter(row, reps: reps)
      let before: CardState
      if let prev {
        guard let state = try Self.stateAfter(db, review: prev) else {
          throw StoreError.corrupt("review \(id): the review it follows (\(prev)) is missing")
        }
        before = state
      } else {
        before = CardState.new(due: Self.date(milliseconds: card[22]))
      }
      try Self.update(db, card: card[20], to: before, head: prev)
      try db.execute(sql: "UPDATE revlog SET undone = 1 WHERE id = ?", arguments: [id])
      let configs = try Self.schedulerConfigs(db)
      let verdict: Int64? = row[14]
      return StoredReview(
        id: id, cardID: card[0], time: Self.date(milliseconds: row[2]), rating: Rating(rawValue: row[3]) ?? .again,
        typedAnswer: row[13], verdict: try verdict.flatMap { try Self.verdictName(db, $0) }, responseMilliseconds: row[15],
        stateBefore: before, stateAfter: after, scheduler: configs[row[16]]?.name ?? "",
        parametersJSON: configs[row[16]]?.parameters ?? "{}", undone: true)
    }
  }

  static func schedulerConfigs(_ db: Database) throws -> [Int64: (name: String, parameters: String)] {
    var out: [Int64: (name: String, parameters: String)] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT id, scheduler, parameters FROM scheduler_config") {
      out[row[0]] = (row[1], row[2])
    }
    return out
  }

  static func verdictNames(_ db: Database) throws -> [Int64: String] {
    var out: [Int64: String] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT id, name FROM verdict") { out[row[0]] = row[1] }
    return out
  }

  static func verdictName(_ db: Database, _ id: Int64) throws -> String? {
    try String.fetchOne(db, sql: "SELECT name FROM verdict WHERE id = ?", arguments: [id])
  }

  /// The review log, oldest first; optionally one card's, optionally with undone rows, each with its states
  /// before and after derived from the compact rows.
  ///
  /// The whole log is one pass in row order. One card's standing reviews are found without a scan: from the
  /// card's `head` (its latest review) back along each row's `prev`, one primary-key lookup per review (the log
  /// keeps no per-card index, which would cost more bytes per review than the rest of the row's bookkeeping).
  /// Only one card's undone rows, which no chain reaches, need the scan.
  public func reviews(cardID: String? = nil, includeUndone: Bool = false) throws(StoreError) -> [StoredReview] {
    try read { db in
      let configs = try Self.schedulerConfigs(db)
      let verdicts = try Self.verdictNames(db)
      var cards: [Int64: (id: String, added: Int64)] = [:]
      var afterByRow: [Int64: CardState] = [:]
      var out: [StoredReview] = []
      func add(_ row: Row) throws {
        let id: Int64 = row[0]
        let key: Int64 = row[1]
        guard let card = cards[key] else { throw StoreError.corrupt("review \(id): its card is missing") }
        let before: CardState
        if let prev = row[4] as Int64? {
          guard let state = afterByRow[prev] else {
            throw StoreError.corrupt("review \(id): the review it follows (\(prev)) is missing")
          }
          before = state
        } else {
          before = CardState.new(due: Self.date(milliseconds: card.added))
        }
        let after = Self.stateAfter(row, reps: before.reps + 1)
        afterByRow[id] = after
        let undone: Bool = row[17]
        if undone && !includeUndone { return }
        let config = configs[row[16]]
        out.append(
          StoredReview(
            id: id, cardID: card.id, time: Self.date(milliseconds: row[2]), rating: Rating(rawValue: row[3]) ?? .again,
            typedAnswer: row[13], verdict: (row[14] as Int64?).flatMap { verdicts[$0] },
            responseMilliseconds: row[15], stateBefore: before, stateAfter: after, scheduler: config?.name ?? "",
            parametersJSON: config?.parameters ?? "{}", undone: undone))
      }
      if let cardID {
        guard
          let row = try Row.fetchOne(db, sql: "SELECT key, added, head FROM card WHERE id = ?", arguments: [cardID])
        else { return [] }
        let key: Int64 = row[0]
        cards[key] = (cardID, row[1])
        if !includeUndone {
          let statement = try db.cachedStatement(sql: "SELECT \(Self.reviewColumns) FROM revlog WHERE id = ?")
          var chain: [Row] = []
          var next: Int64? = row[2]
          while let id = next {
            guard let review = try Row.fetchOne(statement, arguments: [id]), review[1] as Int64 == key else {
              throw StoreError.corrupt("review \(id) of card \(cardID) is missing from the log")
            }
            chain.append(review)
            next = review[4]
            // Each review follows an earlier one, so the walk always ends.
            if let prev = next, prev >= id { throw StoreError.corrupt("review \(id): it follows a later review (\(prev))") }
          }
          for review in chain.reversed() { try add(review) }
          return out
        }
        let rows = try Row.fetchCursor(
          db, sql: "SELECT \(Self.reviewColumns) FROM revlog WHERE card = ? ORDER BY id", arguments: [key])
        while let review = try rows.next() { try add(review) }
        return out
      }
      for row in try Row.fetchAll(db, sql: "SELECT key, id, added FROM card") { cards[row[0]] = (row[1], row[2]) }
      let rows = try Row.fetchCursor(db, sql: "SELECT \(Self.reviewColumns) FROM revlog ORDER BY id")
      while let row = try rows.next() { try add(row) }
      return out
    }
  }

  /// The standing reviews as (card id, time, rating), oldest first: what the optimizer and an export need, read in
  /// one pass without deriving states.
  public func loggedReviews() throws(StoreError) -> [Review] {
    try read { db in
      var ids: [Int64: String] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT key, id FROM card") { ids[row[0]] = row[1] }
      var out: [Review] = []
      let rows = try Row.fetchCursor(
        db, sql: "SELECT card, time, rating, response_ms FROM revlog WHERE undone = 0 ORDER BY id")
      while let row = try rows.next() {
        out.append(
          Review(
            cardID: ids[row[0]] ?? "", time: Self.date(milliseconds: row[1]), rating: Rating(rawValue: row[2]) ?? .again,
            durationMilliseconds: row[3]))
      }
      return out
    }
  }

  /// The number of reviews in the log (undone rows excluded).
  public func reviewCount() throws(StoreError) -> Int {
    try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM revlog WHERE undone = 0") ?? 0 }
  }

  /// Rebuilds every card's scheduling state from the log: the state after its last standing review (or, when
  /// all were undone or it has none, a new card due when it was added).
  /// Returns how many cards changed.
  @discardableResult
  public func rebuildFromLog() throws(StoreError) -> Int {
    try write { db in
      var latest: [Int64: (id: Int64, state: CardState)] = [:]
      let rows = try Row.fetchCursor(db, sql: "SELECT \(Self.reviewColumns) FROM revlog WHERE undone = 0 ORDER BY id")
      while let row = try rows.next() {
        let key: Int64 = row[1]
        latest[key] = (row[0], Self.stateAfter(row, reps: (latest[key]?.state.reps ?? 0) + 1))
      }
      var changed = 0
      for row in try Row.fetchAll(db, sql: "SELECT \(Self.cardColumns) FROM card") {
        let key: Int64 = row[20]
        let head: Int64? = row[21]
        let current = Self.cardState(row)
        let rebuilt = latest[key]?.state ?? CardState.new(due: Self.date(milliseconds: row[22]))
        let rebuiltHead = latest[key]?.id
        if rebuilt != current || rebuiltHead != head {
          try Self.update(db, card: key, to: rebuilt, head: rebuiltHead)
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
      state = Self.scheduled(state, rating: review.rating, at: review.time, cardID: cardID, scheduler: scheduler)
    }
    return state
  }
}
