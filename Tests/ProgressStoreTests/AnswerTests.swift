import Foundation
import Scheduling
import Testing

@testable import ProgressStore

@Suite("Answers, undo and the log")
struct AnswerTests {
  @Test("an answer updates the card and appends one log row with everything about it")
  func answer() throws {
    let store = try makeStore()
    let scheduler = try store.scheduler()
    let entry = try store.answer(
      Answer(cardID: "c0", rating: .good, time: noon, typedAnswer: "1993", verdict: "correct", responseMilliseconds: 4200),
      scheduler: scheduler)
    let card = try #require(try store.card("c0"))
    #expect(card.state == entry.stateAfter)
    #expect(card.state.phase == .learning && card.state.reps == 1)
    let log = try store.reviews()
    #expect(log.count == 1)
    #expect(log[0].typedAnswer == "1993" && log[0].verdict == "correct" && log[0].responseMilliseconds == 4200)
    #expect(log[0].stateBefore.phase == .new && log[0].scheduler == "fsrs")
    #expect(log[0].parametersJSON.contains("desiredRetention"))
  }

  @Test("undo restores the card exactly and keeps the undone row, marked")
  func undo() throws {
    let store = try makeStore()
    let scheduler = try store.scheduler()
    var time = noon
    for rating in [Rating.good, .good, .again, .hard] {
      try store.answer(Answer(cardID: "c2", rating: rating, time: time), scheduler: scheduler)
      time = days(3, after: time)
    }
    let before = try #require(try store.card("c2"))
    try store.answer(Answer(cardID: "c2", rating: .easy, time: time), scheduler: scheduler)
    #expect(try store.card("c2") != before)
    let undone = try #require(try store.undoLastAnswer())
    #expect(undone.rating == .easy && undone.undone)
    #expect(try store.card("c2") == before)
    #expect(try store.reviews().count == 4)
    let all = try store.reviews(includeUndone: true)
    #expect(all.count == 5 && all.last!.undone)
  }

  @Test("a card whose every answer was undone rebuilds to its state before the first")
  func rebuildAllUndone() throws {
    let store = try makeStore()
    let original = try #require(try store.card("c4"))
    try store.answer(Answer(cardID: "c4", rating: .good, time: noon), scheduler: try store.scheduler())
    try store.undoLastAnswer()
    try store.write { db in try db.execute(sql: "UPDATE card SET due = 0, reps = 5 WHERE id = 'c4'") }
    try store.rebuildFromLog()
    #expect(try store.card("c4") == original)
  }

  @Test("an answer at a moment with sub-microsecond digits reads back exactly as answer returned it")
  func clockPrecision() throws {
    let store = try makeStore()
    let now = Date()
    let entry = try store.answer(Answer(cardID: "c6", rating: .again, time: now), scheduler: try store.scheduler())
    #expect(try store.card("c6")?.state == entry.stateAfter)
    #expect(try store.reviews(cardID: "c6").first?.stateAfter == entry.stateAfter)
    try store.undoLastAnswer()
    #expect(try store.card("c6")?.state == entry.stateBefore)
  }

  @Test("undo with an empty log does nothing")
  func undoEmpty() throws {
    #expect(try makeStore().undoLastAnswer() == nil)
  }

  @Test("answering an unknown card is a clear error")
  func unknownCard() throws {
    let store = try makeStore()
    #expect(throws: StoreError.self) {
      try store.answer(Answer(cardID: "nope", rating: .good, time: noon), scheduler: try store.scheduler())
    }
  }

  @Test("every card's state can be rebuilt from the log", arguments: [SchedulerKind.fsrs, .sm2])
  func rebuild(kind: SchedulerKind) throws {
    let store = try makeStore(count: 20)
    var settings = try store.settings()
    settings.scheduler = kind
    try store.saveSettings(settings)
    let scheduler = try store.scheduler()
    var generator = SystemRandomNumberGenerator()
    var time = noon
    for _ in 0..<200 {
      let card = "c\(Int.random(in: 0..<20, using: &generator))"
      let rating = Rating(rawValue: Int.random(in: 1...4, using: &generator))!
      try store.answer(Answer(cardID: card, rating: rating, time: time), scheduler: scheduler)
      time = time.addingTimeInterval(Double.random(in: 60...(5 * 86400), using: &generator))
    }
    try store.undoLastAnswer()
    let truth = try store.cards()
    // Wreck the scheduling columns, then rebuild.
    try store.write { db in try db.execute(sql: "UPDATE card SET phase = 0, reps = 0, stability = NULL, due = 0") }
    #expect(try store.cards() != truth)
    #expect(try store.rebuildFromLog() > 0)
    #expect(try store.cards() == truth)
    // Replaying the ratings through the same scheduler gives the same states.
    for card in truth where card.state.reps > 0 {
      #expect(try store.replayedState(cardID: card.id, scheduler: scheduler) == card.state)
    }
  }

  @Test("a deck can use SM-2 while the learner uses FSRS")
  func perDeckScheduler() throws {
    let store = try makeStore()
    #expect(try store.scheduler(forDeck: "d").name == "fsrs")
    try store.setScheduler(.sm2, forDeck: "d")
    #expect(try store.scheduler(forDeck: "d").name == "sm2")
    #expect(try store.scheduler().name == "fsrs")
  }

  @Test("fitted parameters are kept with their history and become the learner's")
  func fittedParameters() throws {
    let store = try makeStore()
    var weights = FSRSParameters.defaultWeights
    weights[0] = 0.5
    try store.recordFittedParameters(
      FittedParameters(time: noon, weights: weights, source: "test", reviewCount: 100, metricsJSON: "{\"logLoss\":0.3}"))
    #expect(try store.settings().weights == weights)
    #expect(try store.fittedParameterHistory().map(\.source) == ["test"])
    let scheduler = try #require(try store.scheduler() as? FSRSScheduler)
    #expect(scheduler.parameters.weights[0] == 0.5)
  }

  @Test("quiz results are stored and read back")
  func quiz() throws {
    let store = try makeStore()
    let result = QuizResult(quizID: "q1", learner: "ada", deckID: "d", time: noon, score: 0.75, questionsJSON: "[]")
    try store.recordQuiz(result)
    #expect(try store.quizResults(deck: "d") == [result])
    #expect(try store.quizResults(deck: "other").isEmpty)
  }
}
