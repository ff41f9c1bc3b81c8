import CardBuilder
import EventDeck
import Foundation
import LineEditing
import StableRandom
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

  /// A typed card turned into multiple choice offers the same kind of thing: dates near the true one, people for
  /// a person, and nothing the question names.
  @Test func typedCardsBecomeChoicesOfTheSameKind() throws {
    let deck = try DeckLoader.load(fileAt: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Decks/kalbajar.yaml").standardized.path)
    let cards = CardBuilder(deck: deck).cards()
    var kinds: [String: EntityKind] = [:]
    for entity in deck.entities { kinds[entity.id] = entity.kind }
    var random = SplitMix64(seed: "kinds")
    let date = try #require(cards.first { $0.id == "kalbajar/capture-of-shusha/date" })
    let dated = try #require(QuizBuilder.asChoice(date, among: cards, kinds: kinds, random: &random))
    let shusha = try #require(DateSpec.read("1992-05-09")).start.firstDay.dayNumber
    for option in dated.choices {
      let day = try #require(DateSpec.read(option), "\(option)").start.firstDay.dayNumber
      #expect(abs(day - shusha) < 400, "\(option) is far from May 9, 1992")
    }
    let name = try #require(cards.first { $0.id == "kalbajar/monte-melkonian/name" })
    let named = try #require(QuizBuilder.asChoice(name, among: cards, kinds: kinds, random: &random))
    for option in named.choices {
      #expect(deck.people.contains { $0.allNames.contains(option) }, "\(option) is not a person")
    }
    for card in cards where QuizBuilder.isTyped(card) {
      guard let choice = QuizBuilder.asChoice(card, among: cards, kinds: kinds, random: &random) else { continue }
      for (n, option) in choice.choices.enumerated() where n != choice.correctChoice {
        #expect(!Giveaway.givesAway(answer: option, prompt: card.prompt), "\(card.id): “\(option)” is in the question")
      }
    }
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
