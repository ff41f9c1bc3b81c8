import Foundation
import Scheduling
import Testing

@testable import ProgressStore

@Suite("Two sessions of one learner")
struct ConcurrencyTests {
  @Test("two stores on the same file answering at once both succeed and lose no review")
  func twoSessions() throws {
    let path = temporaryStorePath()
    try makeStore(count: 10, path: path).close()
    let first = try ProgressStore(path: path)
    let second = try ProgressStore(path: path)
    let scheduler = try first.scheduler()
    let failures = Mutex(0)
    DispatchQueue.concurrentPerform(iterations: 2) { session in
      let store = session == 0 ? first : second
      for index in 0..<100 {
        do {
          // Both sessions answer the same cards, so each answer must see the other's.
          try store.answer(
            Answer(cardID: "c\(index % 10)", rating: .good, time: minutes(Double(index)), typedAnswer: "\(session)"),
            scheduler: scheduler)
        } catch {
          failures.withLock { $0 += 1 }
        }
      }
    }
    #expect(failures.withLock { $0 } == 0)
    #expect(try first.reviewCount() == 200)
    // Each card's reps equal its review count: no answer overwrote another's state.
    for card in try first.cards() {
      #expect(card.state.reps == (try first.reviews(cardID: card.id).count))
    }
    #expect(try second.integrityCheck() == "ok")
  }
}

/// A tiny lock for counting across threads in tests.
final class Mutex<Value>: @unchecked Sendable {
  private var value: Value
  private let lock = NSLock()
  init(_ value: Value) { self.value = value }
  func withLock<T>(_ body: (inout Value) -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    return body(&value)
  }
}
