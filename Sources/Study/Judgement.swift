import Scheduling

/// The verdict on one typed answer.
public struct Judgement: Sendable, Equatable {
  /// How the answer compares with the expected one.
  public enum Outcome: String, Sendable, Equatable {
    case correct
    /// Nearly right: a typo, the right year but not the day, a number a little off.
    case close
    case wrong
  }

  public var outcome: Outcome
  /// The expected answer, as shown.
  public var expected: String
  /// Why, when it is not plain ("right year, but the day was April 3").
  public var explanation: String?
  /// The grade the checker proposes before hints and response time are counted.
  public var proposed: Rating

  /// A verdict.
  public init(outcome: Outcome, expected: String, explanation: String? = nil, proposed: Rating? = nil) {
    self.outcome = outcome
    self.expected = expected
    self.explanation = explanation
    self.proposed = proposed ?? (outcome == .correct ? .good : outcome == .close ? .hard : .again)
  }
}

/// Checks a typed answer against a card.
public protocol AnswerJudging: Sendable {
  /// The verdict on `typed` for `card`.
  func judge(_ typed: String, card: StudyCard) -> Judgement
}
