import AnswerCheck
import Foundation
import Scheduling

/// Proposes the grade for an answer from its verdict, the hints taken and the time it took.
public enum GradePolicy {
  /// An answer this fast, right and unaided, is proposed as Easy.
  public static let easyWithin = 4.0
  /// An answer slower than this is at best Hard.
  public static let hardAfter = 60.0

  /// The proposed grade: each hint lowers it a step (a hinted answer is at best Hard); a fast unaided right answer
  /// is Easy, a very slow one Hard, except on the session's first card (`firstOfSession`), where the time also
  /// holds settling in, reading the screen or fetching a coffee, so slowness alone does not mark it down.
  public static func propose(_ verdict: Verdict, hints: Int, seconds: Double, firstOfSession: Bool = false) -> Rating {
    var rating = verdict.proposedGrade
    if hints > 0 {
      let lowered = max(Rating.again.rawValue, rating.rawValue - hints)
      rating = Rating(rawValue: min(lowered, Rating.hard.rawValue)) ?? .again
      if verdict.outcome == .correct && rating == .again && hints == 1 { rating = .hard }
      return rating
    }
    if verdict.outcome == .correct {
      if rating == .good && seconds < easyWithin { return .easy }
      if seconds > hardAfter && !firstOfSession { return min(rating, .hard) }
    }
    return rating
  }

  /// Reads a grade the learner typed: 1–4 or again/hard/good/easy (any unambiguous prefix).
  public static func parse(_ text: String) -> Rating? {
    let word = text.trimmingCharacters(in: .whitespaces).lowercased()
    if let number = Int(word) { return Rating(rawValue: number) }
    guard !word.isEmpty else { return nil }
    return Rating.allCases.first { $0.name.hasPrefix(word) }
  }
}
