import EventDeck
import Scheduling
import Testing

@testable import Study

@Suite struct JudgeTests {
  let judge = BasicJudge()

  func dateCard(_ date: HistoricalDate) -> StudyCard {
    StudyCard(id: "d", deckID: "t", kind: "date", prompt: "When?", answer: date.description, answerType: .date, date: date)
  }

  @Test(arguments: [
    ("April 3, 1993", Judgement.Outcome.correct),
    ("3 April 1993", .correct),
    ("1993-04-03", .correct),
    ("apr 3 1993", .correct),
    ("April 1993", .close),
    ("1993", .close),
    ("April 4, 1993", .close),
    ("1992", .wrong),
    ("soon", .wrong),
  ])
  func datesAreCheckedToTheDecksPrecision(typed: String, outcome: Judgement.Outcome) {
    #expect(judge.judge(typed, card: dateCard(HistoricalDate(year: 1993, month: 4, day: 3))).outcome == outcome)
  }

  @Test func aYearOnlyDateAcceptsTheYear() {
    #expect(judge.judge("in 1992", card: dateCard(HistoricalDate(year: 1992))).outcome == .correct)
  }

  @Test(arguments: [("1,900", Judgement.Outcome.correct), ("1950", .correct), ("1700", .close), ("50", .wrong)])
  func numbersWithinTolerance(typed: String, outcome: Judgement.Outcome) {
    let card = StudyCard(
      id: "n", deckID: "t", kind: "quantity", prompt: "How many?", answer: "more than 1900", answerType: .number,
      number: 1900, tolerance: 100)
    #expect(judge.judge(typed, card: card).outcome == outcome)
  }

  @Test(arguments: [
    ("Monte Melkonian", Judgement.Outcome.correct), ("monte  melkonián", .correct), ("Melkonian", .correct),
    ("Monte Melkonain", .close), ("Serzh Sargsyan", .wrong), ("", .wrong),
  ])
  func namesIgnoreCaseAccentsAndAcceptAliases(typed: String, outcome: Judgement.Outcome) {
    let card = StudyCard(
      id: "p", deckID: "t", kind: "name", prompt: "Who?", answer: "Monte Melkonian", accepted: ["Melkonian"],
      answerType: .name)
    #expect(judge.judge(typed, card: card).outcome == outcome)
  }

  @Test func choiceByNumberOrText() {
    let card = StudyCard(
      id: "c", deckID: "t", kind: "choice", prompt: "Who?", form: .choice(options: ["A", "Gurgen Dalibaltyan", "C"]),
      answer: "Gurgen Dalibaltyan")
    #expect(judge.judge("2", card: card).outcome == .correct)
    #expect(judge.judge("gurgen dalibaltyan", card: card).outcome == .correct)
    #expect(judge.judge("1", card: card).outcome == .wrong)
    #expect(judge.judge("9", card: card).outcome == .wrong)
  }

  @Test func orderingByNumbers() {
    let card = StudyCard(
      id: "o", deckID: "t", kind: "ordering", prompt: "Order", form: .ordering(items: ["c", "a", "b"]),
      answer: "a → b → c", correctOrder: ["a", "b", "c"])
    #expect(judge.judge("2 3 1", card: card).outcome == .correct)
    #expect(judge.judge("2,3,1", card: card).outcome == .correct)
    #expect(judge.judge("1 2 3", card: card).outcome == .wrong)
    #expect(judge.judge("2 3", card: card).outcome == .wrong)
  }

  @Test(arguments: [
    (Judgement.Outcome.correct, 0, 2.0, Rating.easy), (.correct, 0, 10.0, .good), (.correct, 0, 90.0, .hard),
    (.correct, 1, 10.0, .hard), (.correct, 2, 10.0, .again), (.close, 0, 10.0, .hard), (.wrong, 0, 10.0, .again),
  ])
  func gradeProposalCountsHintsAndTime(outcome: Judgement.Outcome, hints: Int, seconds: Double, rating: Rating) {
    #expect(GradePolicy.propose(Judgement(outcome: outcome, expected: "x"), hints: hints, seconds: seconds) == rating)
  }

  @Test(arguments: [("", nil), ("1", Rating.again), ("4", .easy), ("good", .good), ("h", .hard), ("5", nil), ("x", nil)])
  func gradesParse(text: String, rating: Rating?) {
    #expect(GradePolicy.parse(text) == rating)
  }
}
