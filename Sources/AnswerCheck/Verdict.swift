import Scheduling

/// The judgement on one typed answer, in every mode (study, quiz, simulation, `annals check`).
public struct Verdict: Sendable, Codable, Equatable {
  /// Right, nearly right (a typo, too vague), or wrong.
  public enum Outcome: String, Sendable, Codable {
    case correct, close, wrong
  }

  public var outcome: Outcome
  /// The expected answer, for display.
  public var expected: String
  /// Why: "check the spelling", "the question asks for the day", "that is Markar Melkonian"...
  public var explanation: String
  /// The grade a study session should propose, before hints and response time are counted.
  public var proposedGrade: Rating
  /// What to type instead when the answer could not be read unambiguously (e.g. "3/4/1993").
  public var hint: String?

  public init(outcome: Outcome, expected: String, explanation: String, proposedGrade: Rating, hint: String? = nil) {
    self.outcome = outcome
    self.expected = expected
    self.explanation = explanation
    self.proposedGrade = proposedGrade
    self.hint = hint
  }

  /// The explanation and the hint as one note for display; nil when there is nothing beyond "Right.".
  public var note: String? {
    let parts = [explanation == "Right." ? "" : explanation, hint ?? ""].filter { !$0.isEmpty }
    return parts.isEmpty ? nil : parts.joined(separator: " ")
  }

  /// A right answer, graded Good.
  static func correct(_ expected: String, _ why: String) -> Verdict {
    Verdict(outcome: .correct, expected: expected, explanation: why, proposedGrade: .good)
  }

  /// A nearly right answer, graded Hard.
  static func close(_ expected: String, _ why: String, hint: String? = nil) -> Verdict {
    Verdict(outcome: .close, expected: expected, explanation: why, proposedGrade: .hard, hint: hint)
  }

  /// A wrong answer, graded Again.
  static func wrong(_ expected: String, _ why: String, hint: String? = nil) -> Verdict {
    Verdict(outcome: .wrong, expected: expected, explanation: why, proposedGrade: .again, hint: hint)
  }
}
