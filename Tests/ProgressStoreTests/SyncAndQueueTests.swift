import Foundation
import GRDB
import Scheduling
import Testing

@testable import ProgressStore

@Suite("Deck sync")
struct SyncTests {
  @Test("new cards appear as new, removed ones retire with their history, known ids keep their progress")
  func sync() throws {
    let store = try makeStore(count: 4)
    try store.answer(Answer(cardID: "c0", rating: .easy, time: noon), scheduler: try store.scheduler())
    try store.answer(Answer(cardID: "c3", rating: .good, time: noon), scheduler: try store.scheduler())
    let progress = try #require(try store.card("c0")).state
    let changed = [
      CardRecord(id: "c0", kind: "when", siblingGroup: "g0"), CardRecord(id: "c1", kind: "when", siblingGroup: "g0"),
      CardRecord(id: "c2", kind: "who", siblingGroup: "g1"), CardRecord(id: "n1", kind: "who", siblingGroup: "g9"),
      CardRecord(id: "n2", kind: "who", siblingGroup: "g9"), CardRecord(id: "n3", kind: "who", siblingGroup: "g8"),
    ]
    let summary = try store.sync(deck: DeckInfo(id: "d", contentHash: "h2", path: "Decks/d.yaml"), cards: changed, at: noon)
    #expect(summary.description == "3 new, 1 retired")
    #expect(try store.card("c0")?.state == progress)
    #expect(try store.card("c3")?.retired == true)
    #expect(try store.reviews(cardID: "c3").count == 1)
    #expect(try store.cards().map(\.id).sorted() == ["c0", "c1", "c2", "n1", "n2", "n3"])
    #expect(try store.card("n1")?.state.phase == .new)
    // Putting c3 back restores it with its progress.
    let back = try store.sync(
      deck: DeckInfo(id: "d", contentHash: "h3", path: "Decks/d.yaml"),
      cards: changed + [CardRecord(id: "c3", kind: "where", siblingGroup: "g1")], at: noon)
    #expect(back.description == "0 new, 0 retired, 1 restored")
    #expect(try store.card("c3")?.state.reps == 1)
    #expect(try store.decks().first?.contentHash == "h3")
  }
}

@Suite("Study queue")
struct QueueTests {
  @Test("new cards come in order of introduction, kinds interleaved, one per sibling group, up to the daily limit")
  func newCards() throws {
    let store = try makeStore(count: 10)
    let queue = try store.queue(at: noon, options: QueueOptions(newLimit: 3))
    #expect(queue.new.map(\.id) == ["c0", "c2", "c4"])
    #expect(queue.learning.isEmpty && queue.reviews.isEmpty)
  }

  @Test("due learning cards come first, then reviews by due date, then new; siblings are buried for the day")
  func order() throws {
    let store = try makeStore(count: 10)
    let scheduler = try store.scheduler()
    // c0 into learning (due in 10 min); c2 and c4 graduate with Easy (due in days).
    try store.answer(Answer(cardID: "c0", rating: .good, time: days(-10)), scheduler: scheduler)
    try store.answer(Answer(cardID: "c2", rating: .easy, time: days(-20)), scheduler: scheduler)
    try store.answer(Answer(cardID: "c4", rating: .easy, time: days(-30)), scheduler: scheduler)
    try store.answer(Answer(cardID: "c6", rating: .good, time: minutes(-1)), scheduler: scheduler)  // today
    let queue = try store.queue(at: noon)
    #expect(queue.learning.map(\.id) == ["c0"])
    #expect(queue.reviews.map(\.id) == ["c4", "c2"])
    // c7 is c6's sibling (answered today): buried. c1, c3, c5 are siblings of queued or learning cards.
    #expect(queue.new.map(\.id) == ["c8"])
    #expect(queue.nextLearningDue == minutes(9))
    // New-card limit counts cards introduced today.
    let limited = try store.queue(at: noon, options: QueueOptions(newLimit: 1))
    #expect(limited.new.isEmpty)
  }

  @Test("a learning backlog is queued whole by id, earliest first, and read whole only for the first cards")
  func learningBacklog() throws {
    let count = 2 * (ProgressStore.learningRead + 30)
    let store = try makeStore(count: count)
    let scheduler = try store.scheduler()
    // One card of each group into learning, answered a minute apart in reverse order, so that due order is not
    // id order; all are due (10 minutes after their answers) an hour later.
    let groups = count / 2
    for group in 0..<groups {
      try store.answer(
        Answer(cardID: "c\(2 * group)", rating: .good, time: minutes(Double(-2 * groups + group))), scheduler: scheduler)
    }
    let queue = try store.queue(at: minutes(60))
    let expected = (0..<groups).map { "c\(2 * $0)" }
    #expect(queue.learningIDs == expected)
    #expect(queue.learning.map(\.id) == Array(expected.prefix(ProgressStore.learningRead)))
    #expect(queue.learning.allSatisfy { $0.state.phase == .learning })
    // Every group has a card in learning: its sibling stays out, as reviews and new cards do.
    #expect(queue.reviews.isEmpty && queue.new.isEmpty)
    #expect(queue.count == groups && queue.ids == expected)
    // Not due yet: counted as the next learning due, not queued.
    let early = try store.queue(at: minutes(-2 * Double(groups) + 5))
    #expect(early.learningIDs.isEmpty)
    #expect(early.nextLearningDue == minutes(-2 * Double(groups) + 10))
  }

  @Test("the queue's covering index is added to a store that lacks it, and leaves its schema version alone")
  func queueIndex() throws {
    let path = temporaryStorePath()
    do {
      let store = try makeStore(count: 4, path: path)
      try store.close()
    }
    let raw = try DatabaseQueue(path: path)
    let version = try raw.write { db -> Int in
      try db.execute(sql: "DROP INDEX card_queue")
      return try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
    }
    try raw.close()
    let store = try ProgressStore(path: path)
    try store.close()
    let again = try DatabaseQueue(path: path)
    let (indexes, after) = try again.read { db in
      (try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"),
       try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0)
    }
    #expect(indexes.contains("card_queue"))
    #expect(after == version && version == ProgressStore.schemaVersion)
    let plan = try again.read { db in
      try Row.fetchAll(
        db, sql: "EXPLAIN QUERY PLAN SELECT key, id, sibling_group FROM card WHERE phase = 2 AND due < 0 AND retired = 0 AND suspended = 0 AND deck_id IN ('d') AND (buried_until IS NULL OR buried_until <= 0) ORDER BY due")
        .map { $0["detail"] as String }.joined(separator: " ")
    }
    #expect(plan.contains("COVERING INDEX card_queue"))
  }

  @Test("filters by deck and by tag or era")
  func filters() throws {
    let store = try makeStore(count: 10)
    #expect(try store.queue(at: noon, options: QueueOptions(tags: ["peace"])).new.map(\.id) == ["c5", "c6", "c8"])
    #expect(try store.queue(at: noon, options: QueueOptions(tags: ["modern"])).new.map(\.id) == ["c0", "c2", "c4"])
    #expect(try store.queue(at: noon, options: QueueOptions(decks: ["other"])).all.isEmpty)
  }

  @Test("review ahead takes reviews due up to an exam date; suspended and buried cards stay out")
  func reviewAhead() throws {
    let store = try makeStore(count: 4)
    try store.answer(Answer(cardID: "c0", rating: .easy, time: noon), scheduler: try store.scheduler())
    #expect(try store.queue(at: minutes(1)).reviews.isEmpty)
    let due = try #require(try store.card("c0")).state.due
    #expect(try store.queue(at: minutes(1), options: QueueOptions(until: due)).reviews.map(\.id) == ["c0"])
    try store.setSuspended(true, cardID: "c0")
    #expect(try store.queue(at: minutes(1), options: QueueOptions(until: due)).reviews.isEmpty)
    try store.setSuspended(false, cardID: "c0")
    try store.bury(cardID: "c0", until: days(100))
    #expect(try store.queue(at: minutes(1), options: QueueOptions(until: due)).reviews.isEmpty)
  }

  @Test("due counts per deck: now, today, this week, new")
  func dueCounts() throws {
    let store = try makeStore(count: 6)
    let scheduler = try store.scheduler()
    try store.answer(Answer(cardID: "c0", rating: .good, time: minutes(-30)), scheduler: scheduler)  // due in 10 min → now
    try store.answer(Answer(cardID: "c2", rating: .easy, time: days(-7)), scheduler: scheduler)  // ~8 days → next day or so
    let counts = try #require(try store.dueCounts(at: noon).first)
    #expect(counts.deck == "d" && counts.total == 6 && counts.new == 4)
    #expect(counts.now == 1)
    #expect(counts.week == 2)
    #expect(counts.today >= 1 && counts.today <= counts.week)
  }
}
