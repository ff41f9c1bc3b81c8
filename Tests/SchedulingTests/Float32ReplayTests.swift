import Foundation
import Testing

@testable import Scheduling

@Suite("Replay in single precision")
struct Float32ReplayTests {
  @Test("the same formulas in Float track fsrs-rs's f32 arithmetic on the real log")
  func float32() throws {
    let text = try String(contentsOf: fixtureURL("review-logs-slice.csv"), encoding: .utf8)
    let reviews = try ReviewLogCSV.parse(text).enumerated().sorted {
      $0.element.time != $1.element.time ? $0.element.time < $1.element.time : $0.offset < $1.offset
    }.map(\.element)
    let expected = try JSONDecoder().decode(
      ReplayExpectation.self, from: Data(contentsOf: fixtureURL("replay-expected.json")))
    let w = FSRSParameters.defaultWeights.map { Float($0) }
    var cards: [String: (stability: Float, difficulty: Float)] = [:]
    var worst = 0.0
    var failures = 0
    for (review, want) in zip(reviews, expected.reviews) {
      let previous = cards[review.cardID]
      let next = FSRSMath.step(previous, rating: review.rating, elapsedDays: Float(want[1].number), w: w)
      cards[review.cardID] = next
      let error = max(
        relativeError(Double(next.stability), want[2].number), relativeError(Double(next.difficulty), want[3].number))
      worst = max(worst, error)
      if error > 1e-5 { failures += 1 }
    }
    #expect(failures == 0, "worst \(worst)")
  }
}

@Suite("Parity in single precision")
struct Float32ParityTests {
  @Test("the random fsrs-rs sequences also agree when the formulas run in Float")
  func randomSequences() throws {
    let fixture = try JSONDecoder().decode(
      ParityFixture.self, from: Data(contentsOf: fixtureURL("fsrs-parity.json")))
    var failures = 0
    for sequence in fixture.sequences {
      let w = (sequence.weights ?? FSRSParameters.defaultWeights).map { Float($0) }
      var memory: (stability: Float, difficulty: Float)? = nil
      for row in sequence.reviews {
        let next = FSRSMath.step(memory, rating: Rating(rawValue: Int(row[0]))!, elapsedDays: Float(row[1]), w: w)
        memory = next
        if relativeError(Double(next.stability), row[2]) > 1e-5 || relativeError(Double(next.difficulty), row[3]) > 1e-5 {
          failures += 1
        }
      }
    }
    #expect(failures == 0)
  }
}
