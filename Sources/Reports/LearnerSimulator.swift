import Foundation
import ProgressStore
import Scheduling
import StableRandom

/// What a simulated learner does.
public struct SimulationOptions: Sendable, Equatable {
  /// The learner's name (written into quiz results).
  public var learner: String
  /// Study days to simulate.
  public var days: Int
  /// The desired retention the learner sets; their memory follows FSRS, so their true retention comes out near it.
  public var desiredRetention: Double
  /// The seed of every random draw.
  public var seed: UInt64
  /// The moment the first study day begins (sessions start in the evening of each day, UTC).
  public var start: Date
  /// New cards per day.
  public var newPerDay: Int
  /// The chance of skipping a day.
  public var skipProbability: Double
  /// A quiz every this many days (0: never).
  public var quizEvery: Int
  /// Questions per quiz.
  public var quizSize: Int
  /// How much facts differ in difficulty and learners in ability: 0 makes the learner's memory exactly the
  /// scheduler's model (true retention then comes out at the desired retention); 1 (default) spreads card
  /// stabilities over about ×0.4…×2.
  public var spread = 1.0
  /// Whether the simulator adds the catalog's cards to the store itself (false when the caller synced the deck,
  /// as `annals study` does).
  public var syncsDeck = true

  /// Options with the given values; the defaults are a steady learner: 10 new cards a day, 1 day in 8 skipped,
  /// a 10-question quiz each week.
  public init(
    learner: String, days: Int = 60, desiredRetention: Double = 0.9, seed: UInt64 = 1, start: Date,
    newPerDay: Int = 10, skipProbability: Double = 0.125, quizEvery: Int = 7, quizSize: Int = 10
  ) {
    self.learner = learner
    self.days = days
    self.desiredRetention = desiredRetention
    self.seed = seed
    self.start = start
    self.newPerDay = newPerDay
    self.skipProbability = skipProbability
    self.quizEvery = quizEvery
    self.quizSize = quizSize
  }
}

/// What a simulation did, day by day.
public struct SimulationSummary: Codable, Sendable, Equatable {
  /// One simulated study day.
  public struct Day: Codable, Sendable, Equatable {
    /// The study day, `YYYY-MM-DD`.
    public var date: String
    /// Answers given (learning steps included).
    public var reviews: Int
    /// New cards introduced.
    public var new: Int
    /// Seconds spent answering.
    public var seconds: Double
  }

  /// The learner.
  public var learner: String
  /// The desired retention used.
  public var desiredRetention: Double
  /// Every simulated day, skipped ones with zero reviews.
  public var days: [Day]
  /// Answers in all.
  public var totalReviews: Int
  /// Review-phase answers that passed, over review-phase answers: the measured true retention.
  public var trueRetention: Double?
  /// Quizzes taken.
  public var quizzes: Int

  /// Mean answers per simulated day.
  public var reviewsPerDay: Double { days.isEmpty ? 0 : Double(totalReviews) / Double(days.count) }
}

/// A simulated learner who studies a deck day by day through the store's real answer path: each day they fetch
/// the queue as a session does, answer what it shows in order (learning steps come back minutes later), and type
/// either the right answer or one of the deck's own distractors.
///
/// Their memory is FSRS-6 with the default weights, per card scaled by an intrinsic difficulty drawn from the seed
/// (and for each learner an ability): the chance of recall at an answer is that memory's retrievability.
public struct LearnerSimulator: Sendable {
  /// The deck's cards.
  public var catalog: CardCatalog
  /// What the learner does.
  public var options: SimulationOptions
  /// Checks a typed answer as a session would (card id, typed text → verdict, or nil to keep the simulator's own).
  public var judge: (@Sendable (String, String) -> String?)?

  /// A simulator of `catalog` with `options`, checking typed answers with `judge` when given.
  public init(
    catalog: CardCatalog, options: SimulationOptions, judge: (@Sendable (String, String) -> String?)? = nil
  ) {
    self.catalog = catalog
    self.options = options
    self.judge = judge
  }

  struct Memory {
    var stability: Double
    var difficulty: Double
    var last: Date
  }

  /// Runs the simulation into `store` (its deck is synced first) and returns what happened.
  public func run(store: ProgressStore) throws(ReportError) -> SimulationSummary {
    guard options.days >= 1, options.days <= 3650 else {
      throw .invalidSimulation("--days must be between 1 and 3650, got \(options.days)")
    }
    guard options.desiredRetention >= 0.5, options.desiredRetention <= 0.99 else {
      throw .invalidSimulation("--retention must be between 0.5 and 0.99, got \(options.desiredRetention)")
    }
    guard options.spread >= 0, options.spread <= 1.5 else {
      throw .invalidSimulation("--spread must be between 0 and 1.5, got \(options.spread)")
    }
    guard !catalog.cards.isEmpty else { throw .invalidSimulation("the deck '\(catalog.deckID)' has no cards to study") }
    do {
      return try simulate(store)
    } catch let error as StoreError {
      throw .store(error)
    } catch let error as ReportError {
      throw error
    } catch {
      throw .invalidSimulation(String(describing: error))
    }
  }

  private func simulate(_ store: ProgressStore) throws -> SimulationSummary {
    var random = SplitMix64(seed: options.seed)
    var settings = try store.settings()
    settings.desiredRetention = options.desiredRetention
    settings.timeZone = "UTC"
    settings.newPerDay = options.newPerDay
    try store.saveSettings(settings)
    let records = catalog.cards.map {
      CardRecord(id: $0.id, kind: $0.kind, siblingGroup: $0.group, tags: $0.tags, era: $0.era)
    }
    if options.syncsDeck {
      _ = try store.sync(
        deck: DeckInfo(id: catalog.deckID, contentHash: "simulated-\(catalog.cards.count)", path: "-"), cards: records,
        at: options.start)
    }
    let scheduler = try store.scheduler(forDeck: catalog.deckID)
    let clock = scheduler.clock
    let weights = FSRSParameters.defaultWeights
    let cards = catalog.byID

    // Per learner an ability, per card an intrinsic difficulty: both scale the true stability.
    let ability = 1 + options.spread * (0.6 * random.unit() - 0.25)
    var hardness: [String: Double] = [:]
    for card in catalog.cards { hardness[card.id] = 1 + options.spread * (1.3 * random.unit() - 0.5) }
    var memory: [String: Memory] = [:]
    var days: [SimulationSummary.Day] = []
    var reviewPhase = 0
    var reviewPassed = 0
    var quizzes = 0
    let firstDay = clock.studyDay(options.start)

    for index in 0..<options.days {
      let day = firstDay + index
      var summary = SimulationSummary.Day(date: CivilDay.string(day), reviews: 0, new: 0, seconds: 0)
      defer { days.append(summary) }
      if random.unit() < options.skipProbability { continue }
      // Evening session, 18:00-21:59 in the learner's (UTC) day.
      var now = clock.start(ofStudyDay: day).addingTimeInterval(Double(14 * 3600) + Double(random.next() % 14400))
      let end = clock.start(ofStudyDay: day + 1).addingTimeInterval(-60)
      var answered = 0
      while answered < 2000 {
        let queue = try store.queue(at: now, options: QueueOptions(decks: [catalog.deckID]))
        guard let card = queue.all.first else {
          if let next = queue.nextLearningDue, next < end {
            now = max(now, next)
            continue
          }
          break
        }
        let text = cards[card.id]
        let factor = ability / (hardness[card.id] ?? 1)
        let probability: Double
        if let known = memory[card.id] {
          let elapsed = max(0, now.timeIntervalSince(known.last) / 86400)
          probability = FSRSMath.retrievability(elapsedDays: elapsed, stability: known.stability * factor, w: weights)
        } else {
          probability = min(0.85, 0.35 * factor)  // first sight: some facts are known before studying
          summary.new += 1
        }
        let recalled = random.unit() < probability
        let rating: Rating
        if recalled {
          let roll = random.unit()
          rating = roll < 0.12 ? .hard : roll > 0.92 ? .easy : .good
        } else {
          rating = .again
        }
        var typed: String?
        var verdict = "correct"
        if recalled {
          typed = text?.answer ?? card.id
        } else if let text {
          (typed, verdict) = wrongAnswer(for: text, random: &random)
        } else {
          verdict = "dont-know"
        }
        if let judge, let typed, let judged = judge(card.id, typed) { verdict = judged }
        let milliseconds = Int(2500 + random.unit() * (recalled ? 9000 : 16000))
        if card.state.phase == .review {
          reviewPhase += 1
          if rating != .again { reviewPassed += 1 }
        }
        try store.answer(
          Answer(
            cardID: card.id, rating: rating, time: now, typedAnswer: typed, verdict: verdict,
            responseMilliseconds: milliseconds),
          scheduler: scheduler)
        // The learner's true memory moves as FSRS says it does.
        let previous = memory[card.id]
        let elapsedDays = previous.map { Double(max(0, clock.elapsedDays(from: $0.last, to: now))) } ?? 0
        let next = FSRSMath.step(
          previous.map { (stability: $0.stability, difficulty: $0.difficulty) }, rating: rating,
          elapsedDays: elapsedDays, w: weights)
        memory[card.id] = Memory(stability: next.stability, difficulty: next.difficulty, last: now)
        summary.reviews += 1
        summary.seconds += Double(milliseconds) / 1000
        answered += 1
        now = now.addingTimeInterval(Double(milliseconds) / 1000 + 2)
      }
      if options.quizEvery > 0 && (index + 1) % options.quizEvery == 0 && !memory.isEmpty {
        try quiz(day: day, now: now, memory: memory, ability: ability, hardness: hardness, store: store, random: &random)
        quizzes += 1
      }
    }
    let total = days.map(\.reviews).reduce(0, +)
    return SimulationSummary(
      learner: options.learner, desiredRetention: options.desiredRetention, days: days, totalReviews: total,
      trueRetention: reviewPhase > 0 ? Double(reviewPassed) / Double(reviewPhase) : nil, quizzes: quizzes)
  }

  /// A wrong typed answer: often a distractor (the first, most plausible, most often), a date a year off, or a
  /// blank "don't know".
  func wrongAnswer(for card: CatalogCard, random: inout SplitMix64) -> (String?, String) {
    let roll = random.unit()
    if roll < 0.15 { return (nil, "dont-know") }
    if card.answerType == "date", roll < 0.4, let year = card.answer.split(separator: " ").last.flatMap({ Int($0) }) {
      let shifted = year + (random.unit() < 0.5 ? -1 : 1)
      return (card.answer.replacingOccurrences(of: String(year), with: String(shifted)), "wrong")
    }
    guard !card.distractors.isEmpty else { return (nil, "dont-know") }
    let weights = card.distractors.indices.map { 1.0 / Double($0 + 1) }
    var pick = random.unit() * weights.reduce(0, +)
    for (index, weight) in weights.enumerated() {
      pick -= weight
      if pick < 0 { return (card.distractors[index], "wrong") }
    }
    return (card.distractors[card.distractors.count - 1], "wrong")
  }

  private func quiz(
    day: Int, now: Date, memory: [String: Memory], ability: Double, hardness: [String: Double], store: ProgressStore,
    random: inout SplitMix64
  ) throws {
    var pool = memory.keys.sorted()
    var questions: [[String: Any]] = []
    var correct = 0
    for _ in 0..<min(options.quizSize, pool.count) {
      let id = pool.remove(at: Int(random.next() % UInt64(pool.count)))
      let known = memory[id]!
      let factor = ability / (hardness[id] ?? 1)
      let r = FSRSMath.retrievability(
        elapsedDays: max(0, now.timeIntervalSince(known.last) / 86400), stability: known.stability * factor,
        w: FSRSParameters.defaultWeights)
      let right = random.unit() < r
      if right { correct += 1 }
      questions.append(["card": id, "correct": right])
    }
    let json = (try? JSONSerialization.data(withJSONObject: questions, options: [.sortedKeys]))
      .map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    try store.recordQuiz(
      QuizResult(
        quizID: "sim-\(options.learner)-\(CivilDay.string(day))", learner: options.learner, deckID: catalog.deckID,
        time: now, score: questions.isEmpty ? 0 : Double(correct) / Double(questions.count), questionsJSON: json))
  }
}
