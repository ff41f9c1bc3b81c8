import Foundation
import Testing

@testable import Scheduling

/// One fsrs-rs sequence from `Fixtures/fsrs-parity.json` (made by scripts/make-fsrs-fixtures.py).
struct ParitySequence: Decodable {
  let retention: Double
  let reviews: [[Double]]
  let weights: [Double]?
}

struct ParityFixture: Decodable {
  let sequences: [ParitySequence]
}

func fixtureURL(_ name: String) throws -> URL {
  try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
}

func relativeError(_ a: Double, _ b: Double) -> Double {
  abs(a - b) / max(abs(b), 1e-12)
}

@Suite("FSRS-6 parity with fsrs-rs")
struct FSRSParityTests {
  @Test("stability, difficulty and interval agree with fsrs-rs to 1e-5 over thousands of sequences")
  func parity() throws {
    let data = try Data(contentsOf: fixtureURL("fsrs-parity.json"))
    let fixture = try JSONDecoder().decode(ParityFixture.self, from: data)
    #expect(fixture.sequences.count >= 2000)
    var reviews = 0
    var worst = 0.0
    var sameDay = 0
    var lapses = 0
    var longGaps = 0
    for (index, sequence) in fixture.sequences.enumerated() {
      let w = sequence.weights ?? FSRSParameters.defaultWeights
      var memory: (stability: Double, difficulty: Double)? = nil
      for row in sequence.reviews {
        let rating = try #require(Rating(rawValue: Int(row[0])))
        let gap = row[1]
        if memory != nil {
          if gap == 0 { sameDay += 1 }
          if gap > 365 { longGaps += 1 }
          if rating == .again { lapses += 1 }
        }
        let next = FSRSMath.step(memory, rating: rating, elapsedDays: gap, w: w)
        memory = next
        let interval = FSRSMath.interval(stability: next.stability, desiredRetention: sequence.retention, w: w)
        let errors = [
          relativeError(next.stability, row[2]), relativeError(next.difficulty, row[3]),
          relativeError(interval, row[4]),
        ]
        let error = errors.max()!
        worst = max(worst, error)
        if error > 1e-5 {
          Issue.record("sequence \(index) review \(reviews): got S \(next.stability) D \(next.difficulty) I \(interval), fsrs-rs \(row[2...4])")
          return
        }
        reviews += 1
      }
    }
    #expect(reviews > 20_000)
    #expect(sameDay > 1000 && lapses > 1000 && longGaps > 100)
  }
}
