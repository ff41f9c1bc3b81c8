import Foundation
import GRDB
import SQLiteScan
import Scheduling

extension ProgressStore {
  /// How many sibling groups per new card the queue reads to interleave kinds from.
  static let newCardWindow = 8
  /// How many of the learning cards due a queue reads whole (`StudyQueue.learning`); all are in `learningIDs`.
  public static let learningRead = 50

  /// The cards with these keys, whole, in the order given (keys not found left out).
  static func cards(_ db: Database, keys: [Int64]) throws -> [StoredCard] {
    guard !keys.isEmpty else { return [] }
    var found: [Int64: StoredCard] = [:]
    var start = 0
    while start < keys.count {
      let chunk = keys[start..<Swift.min(keys.count, start + 500)]
      start += chunk.count
      try db.scan(
        sql: "SELECT \(cardColumns) FROM card WHERE key IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
        arguments: StatementArguments(Array(chunk))
      ) { row in
        found[row.int64(20)] = storedCard(row)  // column 20 of `cardColumns` is the key
        return true
      }
    }
    return keys.compactMap { found[$0] }
  }

  static func filterSQL(_ options: QueueOptions, arguments: inout StatementArguments) -> String {
    var sql = " AND retired = 0 AND suspended = 0"
    if !options.decks.isEmpty {
      sql += " AND deck_id IN (\(options.decks.map { _ in "?" }.joined(separator: ",")))"
      arguments += StatementArguments(options.decks)
    }
    if !options.tags.isEmpty {
      let clauses = options.tags.map { _ in "((' ' || tags || ' ') LIKE ? OR era = ?)" }
      sql += " AND (\(clauses.joined(separator: " OR ")))"
      for tag in options.tags { arguments += ["% \(tag) %", tag] }
    }
    return sql
  }

  /// The study queue at `now`: due learning cards, then reviews by due date, then new cards up to the daily
  /// limits (counting what was already done this study day); siblings of cards answered today, and of cards
  /// earlier in the queue, are left out for the day. New cards come in order of introduction with their kinds
  /// interleaved (`IntroductionOrder`).
  public func queue(at now: Date, options: QueueOptions = QueueOptions()) throws(StoreError) -> StudyQueue {
    let settings = try settings()
    let clock = settings.clock
    let today = clock.studyDay(now)
    let dayStart = Self.milliseconds(clock.start(ofStudyDay: today))
    let dayEnd = Self.milliseconds(clock.start(ofStudyDay: today + 1))
    let reviewEnd = options.until.map { Self.milliseconds(clock.endOfStudyDay(containing: Swift.max($0, now))) } ?? dayEnd
    let newLimit = options.newLimit ?? settings.newPerDay
    let reviewLimit = options.reviewLimit ?? settings.reviewsPerDay
    let stamp = Self.milliseconds(now)

    return try read { db in
      // Done today, through the log's time index bounded to this study day, and which sibling groups were
      // touched (card ids per group). A review's phase before is its previous review's phase after.
      var doneNew = 0
      var doneReviews = 0
      var touched: [String: Set<String>] = [:]
      try db.scan(
        sql: """
          SELECT COALESCE(p.phase, 0), c.sibling_group, c.id FROM revlog r JOIN card c ON c.key = r.card
          LEFT JOIN revlog p ON p.id = r.prev
          WHERE r.time >= ? AND r.time < ? AND r.undone = 0
          """, arguments: [dayStart, dayEnd]
      ) { row in
        let phase = row.int(0)
        if phase == 0 { doneNew += 1 } else if phase == 2 { doneReviews += 1 }
        touched[row.string(1), default: []].insert(row.string(2))
        return true
      }
      func buried(id: String, group: String) -> Bool {
        guard let ids = touched[group] else { return false }
        return !(ids.count == 1 && ids.contains(id))
      }

      var arguments: StatementArguments = []
      let filter = Self.filterSQL(options, arguments: &arguments)
      let visible = " AND (buried_until IS NULL OR buried_until <= \(stamp))"

      // Cards are chosen from four narrow columns (key, id, sibling group, due), which the `card_queue` index
      // holds, and only the cards kept are then read whole: a store may hold thousands of overdue learning cards
      // and as many due reviews that are their siblings.
      //
      // Learning cards due today, earliest first (ties in the order cards were added). SQLite is not asked to sort
      // them: the index gives each phase in due order, and the sort here merges the two.
      var learningSlots: [(key: Int64, id: String, group: String, due: Int64)] = []
      try db.scan(
        sql: "SELECT key, id, sibling_group, due FROM card WHERE phase IN (1, 3) AND due < ?\(filter)\(visible)",
        arguments: [dayEnd] + arguments
      ) { row in
        learningSlots.append((row.int64(0), row.string(1), row.string(2), row.int64(3)))
        return true
      }
      learningSlots.sort { ($0.due, $0.key) < ($1.due, $1.key) }
      let dueNow = learningSlots.filter { Self.date(milliseconds: $0.due) <= now }
      let nextLearningDue = learningSlots.first { Self.date(milliseconds: $0.due) > now }.map {
        Self.date(milliseconds: $0.due)
      }
      let learning = try Self.cards(db, keys: dueNow.prefix(Self.learningRead).map(\.key))

      // A card in learning keeps its new and review siblings out of the queue, like an answered one.
      var queued = Set(learningSlots.map(\.group))
      var reviewKeys: [Int64] = []
      let reviewRoom = Swift.max(0, reviewLimit - doneReviews)
      if reviewRoom > 0 {
        // In due order from the covering index; cards due at the same moment are taken in the order they were
        // added (by key), each run of them sorted here (asking SQLite for `due, key` makes it leave the index).
        var run: [(key: Int64, id: String, group: String)] = []
        var runDue = Int64.min
        func take(_ run: [(key: Int64, id: String, group: String)]) {
          for card in run.sorted(by: { $0.key < $1.key }) where reviewKeys.count < reviewRoom {
            if !queued.contains(card.group) && !buried(id: card.id, group: card.group) {
              queued.insert(card.group)
              reviewKeys.append(card.key)
            }
          }
        }
        try db.scan(
          sql: "SELECT key, id, sibling_group, due FROM card WHERE phase = 2 AND due < ?\(filter)\(visible) ORDER BY due",
          arguments: [reviewEnd] + arguments
        ) { row in
          let due = row.int64(3)
          if due != runDue {
            take(run)
            run.removeAll(keepingCapacity: true)
            runDue = due
            if reviewKeys.count >= reviewRoom { return false }
          }
          let group = row.string(2)
          // A card whose group is queued already is never taken: only the others need their id.
          if !queued.contains(group) { run.append((row.int64(0), row.string(1), group)) }
          return true
        }
        take(run)
      }
      let reviews = try Self.cards(db, keys: reviewKeys)

      // New cards: the first ones in order of introduction (a window wide enough to interleave kinds from),
      // picked and ordered by `IntroductionOrder`.
      var new: [StoredCard] = []
      let newRoom = Swift.max(0, newLimit - doneNew)
      if newRoom > 0 {
        let window = newRoom * Self.newCardWindow
        // Picked from their kinds and groups alone; only the cards picked are read whole.
        var candidates: [(key: Int64, order: IntroductionOrder.Candidate)] = []
        var groups = Set<String>()
        try db.scan(
          sql: "SELECT key, id, sibling_group, kind FROM card WHERE phase = 0\(filter)\(visible) ORDER BY position",
          arguments: arguments
        ) { row in
          let group = row.string(2)
          if !queued.contains(group) {
            let id = row.string(1)
            if !buried(id: id, group: group) {
              groups.insert(group)
              candidates.append((row.int64(0), IntroductionOrder.Candidate(id: id, kind: row.string(3), group: group)))
            }
          }
          return groups.count < window
        }
        let picked = IntroductionOrder.pick(candidates.map(\.order), count: newRoom)
        new = try Self.cards(db, keys: picked.map { candidates[$0].key })
      }
      return StudyQueue(
        learning: learning, learningIDs: dueNow.map(\.id), reviews: reviews, new: new, nextLearningDue: nextLearningDue)
    }
  }

  /// Per deck: cards due now, today, this week (seven study days) and new cards, ignoring daily limits.
  ///
  /// Read from the `card_counts` index alone (deck, state, due and bury time), never from the log.
  public func dueCounts(at now: Date, options: QueueOptions = QueueOptions()) throws(StoreError) -> [DueCounts] {
    let clock = try settings().clock
    let today = clock.studyDay(now)
    let dayEnd = Self.milliseconds(clock.start(ofStudyDay: today + 1))
    let weekEnd = Self.milliseconds(clock.start(ofStudyDay: today + 7))
    let stamp = Self.milliseconds(now)
    return try read { db in
      var arguments: StatementArguments = [stamp, dayEnd, weekEnd]
      let filter = Self.filterSQL(options, arguments: &arguments)
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT deck_id,
            SUM(phase > 0 AND due <= ?1) AS now,
            SUM(phase > 0 AND due < ?2) AS today,
            SUM(phase > 0 AND due < ?3) AS week,
            SUM(phase = 0) AS new,
            COUNT(*) AS total
          FROM card INDEXED BY card_counts WHERE (buried_until IS NULL OR buried_until <= ?1)\(filter)
          GROUP BY deck_id ORDER BY deck_id
          """, arguments: arguments)
      return rows.map {
        DueCounts(deck: $0[0], now: $0[1], today: $0[2], week: $0[3], new: $0[4], total: $0[5])
      }
    }
  }
}
