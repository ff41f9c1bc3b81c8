import AnswerCheck
import CardBuilder
import EventDeck
import Testing

/// "Several hundred" has no figure in the source: the card must not show the deck's stand-in value as if it did,
/// and the words themselves are the right answer.
@Suite("Quantities the source gives only in words")
struct SeveralHundredTests {
  static let deck = Deck(
    id: "t", title: "T",
    events: [
      Event(
        id: "force", title: "the assembly of the attacking force", date: DateSpec(start: HistoricalDate(year: 1993)),
        quantities: [
          Quantity(id: "men", value: 500, unit: "men", qualifier: .severalHundred, tolerance: 300,
                   counts: "men had the Armenians assembled")
        ])
    ])

  static var card: Card {
    CardBuilder(deck: deck).cards().first { $0.id == "t/force/quantity/men" }!
  }

  @Test func answerIsShownInTheSourcesWords() {
    #expect(Self.card.answer == "several hundred men")
  }

  @Test(arguments: [
    ("several hundred", Verdict.Outcome.correct),
    ("several hundred men", .correct),
    ("hundreds", .correct),
    ("400", .correct),
    ("5,000", .wrong),
    ("several", .wrong),
  ])
  func answers(_ typed: String, _ outcome: Verdict.Outcome) {
    let checker = AnswerChecker(lexicon: Lexicon(deck: Self.deck))
    #expect(checker.check(typed, for: Self.card).outcome == outcome)
  }
}
