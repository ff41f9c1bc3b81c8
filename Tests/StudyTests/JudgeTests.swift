import AnswerCheck
import CardBuilder
import EventDeck
import Foundation
import Scheduling
import StableRandom
import Testing

@testable import Study

/// The one judge (each deck's `AnswerChecker`) on the mini deck's cards and on the questions a quiz makes itself.
@Suite struct JudgeTests {
  static let material: StudyMaterial = {
    let path = Bundle.module.url(forResource: "Fixtures/mini", withExtension: "yaml")!.path
    return try! StudyMaterial.load(paths: [path])
  }()
  let judge = CheckerJudge(decks: Self.material.decks)

  func card(_ id: String) throws -> Card {
    try #require(Self.material.cards.first { $0.id == id }, "no card \(id)")
  }

  @Test(arguments: [
    ("February 2, 1902", Verdict.Outcome.correct),
    ("2 February 1902", .correct),
    ("1902-02-02", .correct),
    ("feb 2 1902", .correct),
    ("February 1902", .close),
    ("1902", .close),
    ("1899", .wrong),
    ("soon", .wrong),
  ])
  func datesAreCheckedToTheDecksPrecision(typed: String, outcome: Verdict.Outcome) throws {
    #expect(judge.check(typed, card: try card("mini/second-event/date")).outcome == outcome)
  }

  @Test(arguments: [("1,900", Verdict.Outcome.correct), ("1950", .correct), ("50", .wrong), ("many", .wrong)])
  func numbersWithinTheAcceptedRange(typed: String, outcome: Verdict.Outcome) {
    let quantity = QuantityExpectation(value: 1900, unit: nil, qualifier: .moreThan, low: 1900, high: 2090)
    let card = Card(
      id: "mini/first-event/quantity/n", deck: "mini", kind: .quantity, prompt: "How many?", answer: "more than 1,900",
      item: "first-event", siblingGroup: "mini/first-event", expectation: .quantity(quantity))
    #expect(judge.check(typed, card: card).outcome == outcome)
  }

  @Test(arguments: [
    ("Ada Lovelace", Verdict.Outcome.correct), ("ada  lovelace", .correct), ("Lovelace", .correct),
    ("Ada Lovelase", .close), ("Charles Babbage", .wrong), ("", .wrong),
  ])
  func namesIgnoreCaseAndSpacingAndAcceptAliases(typed: String, outcome: Verdict.Outcome) throws {
    #expect(judge.check(typed, card: try card("mini/ada-lovelace/name")).outcome == outcome)
  }

  @Test func aQuizsOwnMultipleChoiceIsCheckedByNumberOrText() throws {
    var random = SplitMix64(seed: "judge")
    let typed = try card("mini/second-event/date")
    let choice = try #require(QuizBuilder.asChoice(typed, among: Self.material.cards, random: &random))
    let right = try #require(choice.correctChoice)
    let wrong = choice.choices.indices.first { $0 != right }!
    #expect(choice.choices[right] == typed.answer)
    #expect(judge.check(String(right + 1), card: choice).outcome == .correct)
    #expect(judge.check(typed.answer.lowercased(), card: choice).outcome == .correct)
    #expect(judge.check(String(wrong + 1), card: choice).outcome == .wrong)
    #expect(judge.check("9", card: choice).outcome == .wrong)
  }

  @Test func aQuizsOwnOrderingIsCheckedByNumbers() throws {
    var random = SplitMix64(seed: "judge")
    let ordering = try #require(
      QuizBuilder.orderingQuestions(from: Self.material.cards, decks: Self.material.decks, count: 1, random: &random).first)
    let order = try #require(ordering.correctOrder)
    let numbers = order.map { String($0 + 1) }
    #expect(ordering.choices.count == 3 && ordering.id == "mini/quiz/order-0" && ordering.kind == .order)
    #expect(judge.check(numbers.joined(separator: " "), card: ordering).outcome == .correct)
    #expect(judge.check(numbers.joined(separator: ","), card: ordering).outcome == .correct)
    #expect(judge.check(numbers.reversed().joined(separator: " "), card: ordering).outcome != .correct)
    #expect(judge.check(numbers.prefix(2).joined(separator: " "), card: ordering).outcome == .wrong)
  }

  @Test(arguments: [
    (Verdict.Outcome.correct, 0, 2.0, Rating.easy), (.correct, 0, 10.0, .good), (.correct, 0, 90.0, .hard),
    (.correct, 1, 10.0, .hard), (.correct, 2, 10.0, .again), (.close, 0, 10.0, .hard), (.wrong, 0, 10.0, .again),
  ])
  func gradeProposalCountsHintsAndTime(outcome: Verdict.Outcome, hints: Int, seconds: Double, rating: Rating) {
    let grade: Rating = outcome == .correct ? .good : outcome == .close ? .hard : .again
    let verdict = Verdict(outcome: outcome, expected: "x", explanation: "", proposedGrade: grade)
    #expect(GradePolicy.propose(verdict, hints: hints, seconds: seconds) == rating)
  }

  @Test("slowness alone does not mark the session's first right answer down to Hard; a hint or a later card still")
  func firstCardSlowness() {
    let right = Verdict(outcome: .correct, expected: "x", explanation: "", proposedGrade: .good)
    let close = Verdict(outcome: .close, expected: "x", explanation: "", proposedGrade: .hard)
    #expect(GradePolicy.propose(right, hints: 0, seconds: 600, firstOfSession: true) == .good)
    #expect(GradePolicy.propose(right, hints: 0, seconds: 600, firstOfSession: false) == .hard)
    #expect(GradePolicy.propose(right, hints: 1, seconds: 600, firstOfSession: true) == .hard)
    #expect(GradePolicy.propose(close, hints: 0, seconds: 600, firstOfSession: true) == .hard)
    #expect(GradePolicy.propose(right, hints: 0, seconds: 2, firstOfSession: true) == .easy)
  }

  @Test(arguments: [("", nil), ("1", Rating.again), ("4", .easy), ("good", .good), ("h", .hard), ("5", nil), ("x", nil)])
  func gradesParse(text: String, rating: Rating?) {
    #expect(GradePolicy.parse(text) == rating)
  }
}
