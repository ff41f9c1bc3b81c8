import Foundation
import GRDB
import Scheduling

extension ProgressStore {
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
  /// earlier in the queue, are left out for the day.
  public func queue(at now: Date, options: QueueOptions = QueueOptions()) throws(StoreError) -> StudyQueue {
    let settings = try settings()
    let clock = settings.clock
    let today = clock.studyDay(now)
    let dayStart = clock.start(ofStudyDay: today).timeIntervalSince1970
    let dayEnd = clock.start(ofStudyDay: today + 1).timeIntervalSince1970
    let reviewEnd = options.until.map { clock.endOfStudyDay(containing: Swift.max($0, now)).timeIntervalSince1970 } ?? dayEnd
    let newLimit = options.newLimit ?? settings.newPerDay
    let reviewLimit = options.reviewLimit ?? settings.reviewsPerDay
    let stamp = now.timeIntervalSince1970

    return try read { db in
      // Done today, and which sibling groups were touched (card ids per group).
      var doneNew = 0
      var doneReviews = 0
      var touched: [String: Set<String>] = [:]
      let done = try Row.fetchCursor(
        db,
        sql: """
          SELECT r.card_id, r.phase_before, c.sibling_group FROM review r JOIN card c ON c.id = r.card_id
          WHERE r.time >= ? AND r.undone = 0
          """, arguments: [dayStart])
      while let row = try done.next() {
        let phase: String = row["phase_before"]
        if phase == "new" { doneNew += 1 } else if phase == "review" { doneReviews += 1 }
        touched[row["sibling_group"], default: []].insert(row["card_id"])
      }
      func buried(_ card: StoredCard) -> Bool {
        guard let ids = touched[card.siblingGroup] else { return false }
        return !(ids.count == 1 && ids.contains(card.id))
      }

      var arguments: StatementArguments = []
      let filter = Self.filterSQL(options, arguments: &arguments)
      let visible = " AND (buried_until IS NULL OR buried_until <= \(stamp))"

      let learningRows = try Row.fetchAll(
        db,
        sql: """
          SELECT \(Self.cardColumns) FROM card WHERE phase IN ('learning', 'relearning') AND due < ?\(filter)\(visible)
          ORDER BY due
          """, arguments: [dayEnd] + arguments)
      let learningAll = learningRows.map(Self.storedCard)
      let learning = learningAll.filter { $0.state.due <= now }
      let nextLearningDue = learningAll.first { $0.state.due > now }?.state.due

      // A card in learning keeps its new and review siblings out of the queue, like an answered one.
      var queued = Set(learningAll.map(\.siblingGroup))
      var reviews: [StoredCard] = []
      let reviewRoom = Swift.max(0, reviewLimit - doneReviews)
      if reviewRoom > 0 {
        let cursor = try Row.fetchCursor(
          db,
          sql: "SELECT \(Self.cardColumns) FROM card WHERE phase = 'review' AND due < ?\(filter)\(visible) ORDER BY due",
          arguments: [reviewEnd] + arguments)
        while reviews.count < reviewRoom, let row = try cursor.next() {
          let card = Self.storedCard(row)
          if buried(card) || queued.contains(card.siblingGroup) { continue }
          queued.insert(card.siblingGroup)
          reviews.append(card)
        }
      }

      var new: [StoredCard] = []
      let newRoom = Swift.max(0, newLimit - doneNew)
      if newRoom > 0 {
        let cursor = try Row.fetchCursor(
          db,
          sql: "SELECT \(Self.cardColumns) FROM card WHERE phase = 'new'\(filter)\(visible) ORDER BY position",
          arguments: arguments)
        while new.count < newRoom, let row = try cursor.next() {
          let card = Self.storedCard(row)
          if buried(card) || queued.contains(card.siblingGroup) { continue }
          queued.insert(card.siblingGroup)
          new.append(card)
        }
      }
      return StudyQueue(learning: learning, reviews: reviews, new: new, nextLearningDue: nextLearningDue)
    }
  }

  /// Per deck: cards due now, today, this week (seven study days) and new cards, ignoring daily limits.
  public func dueCounts(at now: Date, options: QueueOptions = QueueOptions()) throws(StoreError) -> [DueCounts] {
    let clock = try settings().clock
    let today = clock.studyDay(now)
    let dayEnd = clock.start(ofStudyDay: today + 1).timeIntervalSince1970
    let weekEnd = clock.start(ofStudyDay: today + 7).timeIntervalSince1970
    let stamp = now.timeIntervalSince1970
    return try read { db in
      var arguments: StatementArguments = [stamp, dayEnd, weekEnd]
      let filter = Self.filterSQL(options, arguments: &arguments)
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT deck_id,
            SUM(phase <> 'new' AND due <= ?1) AS now,
            SUM(phase <> 'new' AND due < ?2) AS today,
            SUM(phase <> 'new' AND due < ?3) AS week,
            SUM(phase = 'new') AS new,
            COUNT(*) AS total
          FROM card WHERE (buried_until IS NULL OR buried_until <= ?1)\(filter)
          GROUP BY deck_id ORDER BY deck_id
          """, arguments: arguments)
      return rows.map {
        DueCounts(deck: $0["deck_id"], now: $0["now"], today: $0["today"], week: $0["week"], new: $0["new"], total: $0["total"])
      }
    }
  }
}
