import CardBuilder
import Foundation
import LineEditing
import Testing

@testable import Study

@Suite struct QuizTests {
  @Test func theSameSeedGivesTheSameQuizAndAnotherSeedAnother() throws {
    let fixture = try StudyFixture(deck: "mini")
    func quiz(_ seed: String) -> [String] {
      QuizBuilder.build(cards: fixture.material.cards, decks: fixture.material.decks, count: 4, kind: nil, tags: [], seed: seed)
        .map { "\($0.id) \($0.choices) \($0.expectation)" }
    }
    #expect(quiz("class-3b") == quiz("class-3b"))
    #expect(quiz("class-3b").count == 4)
    #expect((1...8).map { quiz("seed-\($0)") }.contains { $0 != quiz("class-3b") })
  }

  @Test func choiceAndOrderingKinds() throws {
    let fixture = try StudyFixture(deck: "mini")
    let choice = QuizBuilder.build(
      cards: fixture.material.cards, decks: fixture.material.decks, count: 3, kind: .choice, tags: [], seed: "s")
    #expect(!choice.isEmpty)
    for card in choice {
      guard let right = card.correctChoice else { Issue.record("not a choice: \(card.id)"); continue }
      let options = card.choices
      #expect(options[right] == card.answer)
      #expect(Set(options).count == options.count)
    }
    let ordering = QuizBuilder.build(
      cards: fixture.material.cards, decks: fixture.material.decks, count: 2, kind: .ordering, tags: [], seed: "s")
    #expect(ordering.count == 2)
    #expect(ordering.allSatisfy { $0.correctOrder?.count == 3 && $0.kind == .order })
    #expect(ordering.allSatisfy { !$0.id.contains(":") && $0.id.hasPrefix("mini/") })
  }

  @Test func aQuizScoresAndReportsEachQuestionWithoutTouchingTheSchedule() throws {
    let fixture = try StudyFixture(deck: "mini")
    let questions = QuizBuilder.build(
      cards: fixture.material.cards, decks: fixture.material.decks, count: 3, kind: .typed, tags: [], seed: "x")
    let answers = questions.map { ReadResult.line($0.answer) }
    let quiz = QuizSession(questions: questions, decks: fixture.material.decks, reader: ScriptedLineReader([answers[0], .line(":skip")]), output: BufferedOutput())
    let report = quiz.run(learner: "ada", seed: "x")
    #expect(report.total == 3)
    #expect(report.points == 1)
    #expect(report.questions.map(\.outcome) == ["correct", "skipped", "unanswered"])
    #expect(report.questions[0].given == questions[0].answer)
    #expect(try fixture.store.reviews().isEmpty)
    let json = QuizSession.json(report)
    #expect(json.contains("\"score\""))
    #expect(json.contains("\"expected\""))
  }
}
