import Foundation
import Scheduling
import Testing

@testable import ProgressStore

@Suite("Card state JSON in the log")
struct StateJSONTests {
  static let states: [CardState] = [
    .new(due: Date(timeIntervalSince1970: 1_772_452_800.123)),
    CardState(
      phase: .review, due: Date(timeIntervalSince1970: 1_772_452_800), stability: 12.345678901234567,
      difficulty: 1e-5, step: 0, reps: 7, lapses: 2, lastReview: Date(timeIntervalSince1970: 1_771_000_000.987654),
      scheduledDays: 12),
    ProgressStore.storable(
      CardState(
        phase: .relearning, due: Date().addingTimeInterval(600), step: 1, reps: 3, lapses: 1, lastReview: Date(),
        scheduledDays: 1, ease: 2.35)),
  ]

  @Test("the fast writer reads back exactly, and reads like JSONEncoder's output", arguments: states)
  func roundTrip(state: CardState) throws {
    let json = try ProgressStore.json(state)
    #expect(try ProgressStore.state(json, review: 0) == state)
    let reference = String(decoding: try ProgressStore.encoder.encode(state), as: UTF8.self)
    #expect(try ProgressStore.state(reference, review: 0) == state)
    #expect(json.contains("\"phase\":\"\(state.phase.rawValue)\""))
  }
}
