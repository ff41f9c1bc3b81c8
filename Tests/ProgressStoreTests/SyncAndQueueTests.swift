import Foundation
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
