import AnswerCheck
import CardBuilder
import EventDeck

/// The `AnswerChecker` of each deck (its lexicon tells another entity from a misspelling), picked by a card's deck.
///
/// Every question in study and quiz is checked here: the builder's cards and the choice and ordering questions
/// `QuizBuilder` makes are all `Card`s with an `Expectation`.
public struct CheckerJudge: Sendable {
  private let checkers: Prepared<[String: AnswerChecker]>

  /// A judge for cards of `decks`.
  public init(decks: [Deck]) {
    checkers = Prepared(value: Self.checkers(for: decks))
  }

  /// A judge for cards of decks still loading (compiled decks decode in the background): the first answer waits
  /// for them and their lexicons.
  public init(decks: Prepared<[Deck]>) {
    checkers = Prepared(deferred: true) { Self.checkers(for: decks.value) }
  }

  /// Starts reading the decks and making their lexicons in the background (a session calls it once its first
  /// card is shown); the first answer waits for them.
  public func prepare() { checkers.start() }

  /// Waits for the background work `prepare()` started, if any (before the process ends).
  public func settle() { checkers.settle() }

  /// The verdict on `typed` for `card`, by the checker of the card's deck (one without a lexicon for a card of a
  /// deck not given).
  public func check(_ typed: String, card: Card) -> Verdict {
    (checkers.value[card.deck] ?? AnswerChecker(lexicon: Lexicon())).check(typed, for: card)
  }

  private static func checkers(for decks: [Deck]) -> [String: AnswerChecker] {
    Dictionary(
      decks.map { ($0.id, AnswerChecker(lexicon: Lexicon(deck: $0))) }, uniquingKeysWith: { first, _ in first })
  }
}
