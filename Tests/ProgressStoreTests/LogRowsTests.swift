import Foundation
import Scheduling
import Testing

@testable import ProgressStore

/// The rows `annals sync` sends (`logRows`), the store's UUID, and a store rebuilt from them (`appendLogRows`),
/// which a teacher's report from the server reads.
@Suite struct LogRowsTests {
  @Test func theStoreUUIDIsMadeOnceAndKept() throws {
    let path = temporaryStorePath()
    let store = try makeStore(path: path)
    let id = try store.storeUUID()
    #expect(UUID(uuidString: id) != nil)
    #expect(try store.storeUUID() == id)
    try store.close()
    #expect(try ProgressStore(path: path).storeUUID() == id)
    #expect(try makeStore().storeUUID() != id)
  }

  @Test func rowsArePagedInIdOrderAndRebuildAnEqualStore() throws {
    let store = try makeStore()
    let scheduler = try store.scheduler()
    let ratings: [(String, Rating, Double)] = [
      ("c0", .good, 0), ("c1", .again, 1), ("c1", .good, 11), ("c2", .easy, 12), ("c0", .good, 60 * 30),
    ]
    for (card, rating, minute) in ratings {
      _ = try store.answer(
        Answer(cardID: card, rating: rating, time: minutes(minute), typedAnswer: "t-\(card)", verdict: rating == .again ? "wrong" : "correct",
          responseMilliseconds: 1200),
        scheduler: scheduler)
    }
    _ = try store.undoLastAnswer()
    let all = try store.logRows(after: 0, limit: 100)
    #expect(all.map(\.id) == [1, 2, 3, 4, 5])
    #expect(all.last?.undone == true)
    #expect(all[2].prev == 2 && all[0].prev == nil)
    #expect(try store.logRows(after: 2, limit: 2).map(\.id) == [3, 4])
    #expect(try store.lastLogRowID() == 5)

    let copy = try ProgressStore(path: temporaryStorePath("copy"))
    try copy.appendLogRows(all, at: noon)
    #expect(try copy.reviews(includeUndone: true) == store.reviews(includeUndone: true))
    for card in ["c0", "c1", "c2"] {
      #expect(try copy.card(card)?.state == store.card(card)?.state)
    }
    #expect(try copy.reviewDigest() == store.reviewDigest())
    // A second store of the same learner appended after: its rows follow, their links renumbered.
    try copy.appendLogRows(Array(all.prefix(3)).map { var row = $0; row.time += 86_400_000; return row }, at: noon)
    let reviews = try copy.reviews(includeUndone: true)
    #expect(reviews.count == 8)
    #expect(try copy.logRows(after: 5, limit: 10).map(\.prev) == [nil, nil, 7])
  }
}
