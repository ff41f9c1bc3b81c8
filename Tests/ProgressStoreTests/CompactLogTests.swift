import Foundation
import GRDB
import Scheduling
import Testing

@testable import ProgressStore

@Suite("Store v2: compact log rows, derived states, read-only opening")
struct CompactLogTests {
  @Test("states before and after are derived exactly, for undone rows too (two answers of one card undone in turn)")
  func derivedStatesWithUndo() throws {
    let store = try makeStore()
    let scheduler = try store.scheduler()
    let original = try #require(try store.card("c0"))
    var returned: [StoredReview] = []
    returned.append(try store.answer(Answer(cardID: "c0", rating: .good, time: noon), scheduler: scheduler))
    returned.append(try store.answer(Answer(cardID: "c1", rating: .again, time: minutes(1)), scheduler: scheduler))
    returned.append(try store.answer(Answer(cardID: "c0", rating: .good, time: minutes(20)), scheduler: scheduler))
    #expect(returned[2].stateBefore == returned[0].stateAfter)
    // Undo c0's second answer, then c1's, then c0's first: c0 is back to new, exactly.
    for _ in 0..<3 { try store.undoLastAnswer() }
    #expect(try store.card("c0") == original)
    returned.append(try store.answer(Answer(cardID: "c0", rating: .easy, time: minutes(30)), scheduler: scheduler))
    #expect(returned[3].stateBefore == original.state)
    let log = try store.reviews(includeUndone: true)
    #expect(log.map(\.undone) == [true, true, true, false])
    for (read, answered) in zip(log, returned) {
      #expect(read.stateBefore == answered.stateBefore && read.stateAfter == answered.stateAfter)
      #expect(read.time == answered.time && read.rating == answered.rating)
    }
    #expect(try store.rebuildFromLog() == 0)
  }

  @Test("a review row costs at most 150 bytes on disk (20,000 reviews of 2,000 cards, after VACUUM)")
  func bytesPerReview() throws {
    let store = try makeStore(count: 2000)
    let scheduler = try store.scheduler()
    var answers: [Answer] = []
    for round in 0..<10 {
      for card in 0..<2000 {
        let rating: Rating = (card + round) % 9 == 0 ? .again : .good
        answers.append(
          Answer(
            cardID: "c\(card)", rating: rating, time: days(Double(round) * 20 + Double(card) / 2000),
            typedAnswer: rating == .again ? "1992" : "1993", verdict: rating == .again ? "wrong" : "correct",
            responseMilliseconds: 3000 + card))
      }
    }
    let empty = try store.fileBytes()
    try store.answerBatch(answers, scheduler: scheduler)
    try store.vacuum()
    let perReview = Double(try store.fileBytes() - empty) / Double(answers.count)
    #expect(perReview <= 150, "\(perReview) bytes per review")
    #expect(try store.integrityCheck() == "ok")
  }

  @Test("a store opened read-only answers every read, refuses writes and leaves no side files")
  func readOnly() throws {
    let path = temporaryStorePath()
    let writer = try makeStore(path: path)
    try writer.answer(Answer(cardID: "c0", rating: .good, time: noon), scheduler: try writer.scheduler())
    try writer.vacuum()
    try writer.close()
    for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let store = try ProgressStore(path: path, access: .readOnly)
    #expect(store.isReadOnly)
    #expect(try store.reviews().count == 1)
    #expect(try store.cards().count == 10)
    #expect(try store.queue(at: noon).all.count > 0)
    #expect(try store.dueCounts(at: noon).first?.total == 10)
    #expect(throws: StoreError.self) {
      try store.answer(Answer(cardID: "c1", rating: .good, time: noon), scheduler: try store.scheduler())
    }
    try store.close()
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
  }

  @Test("the readable review view shows text card ids, phases and verdicts")
  func reviewView() throws {
    let path = temporaryStorePath()
    let store = try makeStore(path: path)
    try store.answer(
      Answer(cardID: "c3", rating: .again, time: noon, typedAnswer: "x", verdict: "wrong"), scheduler: try store.scheduler())
    try store.close()
    let queue = try DatabaseQueue(path: path)
    let row = try #require(
      try queue.read { db in try Row.fetchOne(db, sql: "SELECT card_id, phase_before, phase, verdict, time FROM review") })
    let texts: [String] = [row[0], row[1], row[2], row[3]]
    #expect(texts == ["c3", "new", "learning", "wrong"])
    #expect((row[4] as Double) == noon.timeIntervalSince1970)
  }

  @Test("import-log with a deck attaches reviews to its cards; a card the deck lacks is refused before any write")
  func importIntoDeck() throws {
    let store = try makeStore()
    let reviews = [
      Review(cardID: "c2", time: noon, rating: .good),
      Review(cardID: "c2", time: days(2), rating: .good),
      Review(cardID: "c5", time: days(1), rating: .again),
    ]
    #expect(try store.importReviews(reviews, deck: "d") == ImportSummary(reviews: 3, cards: 2))
    #expect(try store.card("c2")?.state.reps == 2)
    #expect(try store.reviews().map(\.cardID) == ["c2", "c5", "c2"])
    #expect {
      try store.importReviews([Review(cardID: "zz", time: noon, rating: .good)], deck: "d")
    } throws: { error in
      guard case .notInDeck(let card, let deck) = error as? StoreError else { return false }
      return card == "zz" && deck == "d"
    }
    #expect(try store.reviewCount() == 3)
  }

  @Test("cards imported without a deck are taken over by the deck that defines their ids, with their reviews")
  func importedCardsAdopted() throws {
    let store = try ProgressStore(path: temporaryStorePath())
    try store.importReviews([Review(cardID: "k/a/when", time: noon, rating: .good)])
    let summary = try store.sync(
      deck: DeckInfo(id: "k", contentHash: "1", path: "k.yaml"),
      cards: [CardRecord(id: "k/a/when", kind: "when", siblingGroup: "a"), CardRecord(id: "k/b/when", kind: "when", siblingGroup: "b")],
      at: noon)
    #expect(summary.added == 1 && summary.kept == 1)
    #expect(try store.card("k/a/when")?.deckID == "k")
    #expect(try store.card("k/a/when")?.state.reps == 1)
    #expect(try store.cards(deck: "k").count == 2)
  }
}
