import CardBuilder
import EventDeck
import TextKit

/// Judges typed answers against cards: names, free text, dates, numbers, multiple choice and orderings.
///
/// ```swift
/// let checker = AnswerChecker(lexicon: Lexicon(deck: deck))
/// let verdict = checker.check("the Omar Pass", for: card)   // .correct, expected "Omar Pass"
/// ```
public struct AnswerChecker: Sendable {
  /// Every entity name of the deck, to tell another entity from a misspelling.
  public let lexicon: Lexicon

  public init(lexicon: Lexicon) {
    self.lexicon = lexicon
  }

  /// Answers that mean "I don't know".
  static let nonAnswers: Set<String> = [
    "", "i dont know", "i do not know", "dont know", "do not know", "idk", "no idea", "pass", "skip", "dunno",
    "not sure", "unknown", "no", "none", "nothing",
  ]

  /// The verdict on `answer` for `card`; never records anything.
  public func check(_ answer: String, for card: Card) -> Verdict {
    let text = answer.count > AnswerText.maximumLength ? String(answer.prefix(AnswerText.maximumLength)) : answer
    let expected = expectedDisplay(card)
    let key = AnswerText.key(text)
    if Self.nonAnswers.contains(key) || Self.nonAnswers.contains(AnswerText.rawTokens(text).joined(separator: " ")) {
      return .wrong(expected, "No answer given.")
    }
    switch card.expectation {
    case .entity(let ids): return checkEntity(text, ids: ids, card: card, expected: expected)
    case .text(let isName): return checkText(text, card: card, isName: isName, expected: expected)
    case .date(let date): return checkDate(text, date, card: card, expected: expected)
    case .quantity(let quantity): return checkQuantity(text, quantity, expected: expected)
    case .choice(let correct): return checkChoice(text, correct: correct, card: card, expected: expected)
    case .ordering(let order): return checkOrdering(text, order: order, card: card, expected: expected)
    }
  }

  /// The expected answer as shown: the answer, "B. …" for multiple choice, "2 3 1 (…)" for orderings.
  public func expectedDisplay(_ card: Card) -> String {
    switch card.expectation {
    case .choice(let index) where index < card.choices.count:
      return "\(Self.letter(index)). \(card.choices[index])"
    case .ordering(let order):
      return order.map { String($0 + 1) }.joined(separator: " ") + " (" + order.compactMap {
        $0 < card.choices.count ? card.choices[$0] : nil
      }.joined(separator: " → ") + ")"
    default:
      return card.answer
    }
  }

  static func letter(_ index: Int) -> String {
    String(UnicodeScalar(UInt8(65 + min(index, 25))))
  }
}
