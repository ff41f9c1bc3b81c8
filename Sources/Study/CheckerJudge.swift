import AnswerCheck
import CardBuilder
import EventDeck
import Scheduling

/// Judges with AnswerCheck's `AnswerChecker` (names against the deck's lexicon, date windows, number ranges), and
/// with `BasicJudge` for questions made here (a quiz's own orderings and multiple choice).
public struct CheckerJudge: AnswerJudging {
  private let checkers: [String: AnswerChecker]
  private let fallback = BasicJudge()

  /// A judge for cards of `decks`.
  public init(decks: [Deck]) {
    checkers = Dictionary(
      decks.map { ($0.id, AnswerChecker(lexicon: Lexicon(deck: $0))) }, uniquingKeysWith: { first, _ in first })
  }

  public func judge(_ typed: String, card: StudyCard) -> Judgement {
    guard let source = card.card, let checker = checkers[card.deckID] else { return fallback.judge(typed, card: card) }
    let verdict = checker.check(typed, for: source)
    let outcome: Judgement.Outcome =
      switch verdict.outcome {
      case .correct: .correct
      case .close: .close
      case .wrong: .wrong
      }
    let rating: Rating =
      switch verdict.proposedGrade {
      case .again: .again
      case .hard: .hard
      case .good: .good
      case .easy: .easy
      }
    var explanation = verdict.explanation
    if let hint = verdict.hint { explanation += (explanation.isEmpty ? "" : " ") + hint }
    let trivial = ["Right.", ""].contains(explanation)
    return Judgement(outcome: outcome, expected: verdict.expected, explanation: trivial ? nil : explanation, proposed: rating)
  }
}
