import Foundation
import Testing

@testable import Scheduling

/// Hostile review logs get an error naming the row, never a crash; the first input is the crash the `csv` fuzz
/// target found (`Tests/Fuzz/Corpus/csv/crash-huge-duration`).
@Suite("Hostile review logs")
struct ReviewLogHostileTests {
  func failure(_ text: String) -> (line: Int, message: String)? {
    do {
      _ = try ReviewLogCSV.parse(text)
      return nil
    } catch {
      if case .invalidReviewLog(let line, let message) = error { return (line, message) }
      return nil
    }
  }

  @Test("a review_duration too large for an integer is an error on its row (it trapped in Int(Double))")
  func hugeDuration() {
    let fuzzed = "card_id,review_time,review_rating,review_duration\n1,2024-01-01T10:00:00Z,3,"
      + "5" + String(repeating: "0", count: 56)
      + "\n1,2024-0103,\n"
    let error = failure(fuzzed)
    #expect(error?.line == 2)
    #expect(error?.message.hasPrefix("review_duration '5000") == true)
    for value in ["1e300", "inf", "-inf", "nan", "9223372036854775808"] {
      let text = "card_id,review_time,review_rating,review_duration\n1,2024-01-01T10:00:00Z,3,\(value)\n"
      #expect(failure(text)?.message == "review_duration '\(value)' is not a number", "\(value)")
    }
    let fine = try? ReviewLogCSV.parse("card_id,review_time,review_rating,review_duration\n1,1704103200000,3,2500.7\n")
    #expect(fine?.first?.durationMilliseconds == 2500)
  }

  @Test("a NUL byte names its row")
  func nulByte() {
    let text = "card_id,review_time,review_rating\n1,2024-01-01T10:00:00Z,3\n2\u{0},2024-01-01T10:00:00Z,3\n"
    #expect(failure(text)?.line == 3)
    #expect(failure(text)?.message == "the row holds a NUL byte (is this a binary or damaged file?)")
  }

  @Test("a bad date names its row and quotes it")
  func badDate() {
    let text = "card_id,review_time,review_rating\n1,2024-01-01T10:00:00Z,3\n1,2024-02-30 lunchtime,3\n"
    #expect(failure(text)?.line == 3)
    #expect(failure(text)?.message == "review_time '2024-02-30 lunchtime' is neither ISO 8601 nor epoch milliseconds")
  }
}
