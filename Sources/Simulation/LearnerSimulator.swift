import AnswerCheck
import CardBuilder
import Foundation
import ProgressStore
import Scheduling
import StableRandom

/// A simulated learner who studies one or more decks day by day through the store's real answer path: each day they fetch
/// the queue as a session does, answer what it shows in order (learning steps come back minutes later), and type
/// either the right answer or one of the deck's own distractors, judged by the deck's `AnswerChecker` as a session
/// judges it. It writes only through `ProgressStore`'s public API (`settings`, `sync`, `queue`, `answer`,
/// `recordQuiz`).
///
/// Their memory is FSRS-6 with the default weights, per card scaled by an intrinsic difficulty drawn from the seed
/// (and for each learner an ability): the chance of recall at an answer is that memory's retrievability.
public struct LearnerSimulator: Sendable {
  /// The decks' cards, one catalog per deck.
  public var catalogs: [CardCatalog]
  /// What the learner does.
  public var options: SimulationOptions
  /// Checks typed answers as a study session does, per deck id.
  private let checkers: [String: AnswerChecker]
  private let catalogByDeck: [String: CardCatalog]

  /// A simulator of one deck's `catalog` with `options`.
  public init(catalog: CardCatalog, options: SimulationOptions) {
    self.init(catalogs: [catalog], options: options)
  }

  /// A simulator of several decks studied together, as `annals study` studies a workspace's decks.
  public init(catalogs: [CardCatalog], options: SimulationOptions) {
    self.catalogs = catalogs
    self.options = options
    catalogByDeck = Dictionary(catalogs.map { ($0.deckID, $0) }, uniquingKeysWith: { first, _ in first })
    checkers = catalogByDeck.mapValues { AnswerChecker(lexicon: Lexicon(deck: $0.deck)) }
  }

  /// The first deck's catalog.
  public var catalog: CardCatalog { catalogs[0] }

  struct Memory {
    var stability: Double
    var difficulty: Double
    var last: Date
  }

  /// Runs the simulation into `store` (its deck is synced first) and returns what happened.
  public func run(store: ProgressStore) throws(SimulationError) -> SimulationSummary {
    guard options.days >= 1, options.days <= 3650 else {
      throw .invalid("--days must be between 1 and 3650, got \(options.days)")
    }
    guard options.desiredRetention >= 0.5, options.desiredRetention <= 0.99 else {
      throw .invalid("--retention must be between 0.5 and 0.99, got \(options.desiredRetention)")
    }
    guard options.spread >= 0, options.spread <= 1.5 else {
      throw .invalid("--spread must be between 0 and 1.5, got \(options.spread)")
    }
    guard !catalogs.isEmpty else { throw .invalid("no deck to study") }
    for catalog in catalogs where catalog.cards.isEmpty {
      throw .invalid("the deck '\(catalog.deckID)' has no cards to study")
    }
    do {
      return try simulate(store)
    } catch let error as StoreError {
      throw .store(error)
    } catch {
      throw .invalid(String(describing: error))
    }
  }

  private func simulate(_ store: ProgressStore) throws -> SimulationSummary {
    var random = SplitMix64(seed: options.seed)
    var settings = try store.settings()
    settings.desiredRetention = options.desiredRetention
    settings.timeZone = "UTC"
    settings.newPerDay = options.newPerDay
    try store.saveSettings(settings)
    if options.syncsDeck {
      for catalog in catalogs {
        let records = catalog.deck.heartFirst(catalog.cards, item: \.item).map {
          CardRecord(id: $0.id, kind: $0.kind.rawValue, siblingGroup: $0.siblingGroup, tags: $0.tags, era: $0.era)
        }
        _ = try store.sync(
          deck: DeckInfo(id: catalog.deckID, contentHash: "simulated-\(catalog.cards.count)", path: "-"),
          cards: records, at: options.start)
      }
    }
    let scheduler = try store.scheduler(forDeck: catalog.deckID)
    let clock = scheduler.clock
    let weights = FSRSParameters.defaultWeights
    var cards: [String: Card] = [:]
    for catalog in catalogs { cards.merge(catalog.byID) { first, _ in first } }

    // Per learner an ability, per card an intrinsic difficulty: both scale the true stability.
    let ability = 1 + options.spread * (0.6 * random.unit() - 0.25)
    var hardness: [String: Double] = [:]
    for catalog in catalogs {
      for card in catalog.cards { hardness[card.id] = 1 + options.spread * (1.3 * random.unit() - 0.5) }
    }
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
        let queue = try store.queue(at: now, options: QueueOptions(decks: catalogs.map(\.deckID)))
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
        if let text {
          typed = recalled ? Self.rightAnswer(for: text) : wrongAnswer(for: text, random: &random)
          if let typed, let checker = checkers[text.deck] {
            verdict = checker.check(typed, for: text).outcome.rawValue
          } else {
            verdict = "dont-know"
          }
        } else {
          verdict = recalled ? "correct" : "dont-know"
        }
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

  /// What a learner who remembers types: the answer, or for an ordering the items' numbers in order.
  static func rightAnswer(for card: Card) -> String {
    if let order = card.correctOrder { return order.map { String($0 + 1) }.joined(separator: " ") }
    return card.answer
  }

  /// A wrong typed answer: often a distractor (the first, most plausible, most often), a date a year off, or nil
  /// for a blank "don't know".
  func wrongAnswer(for card: Card, random: inout SplitMix64) -> String? {
    let roll = random.unit()
    if roll < 0.15 { return nil }
    if case .date = card.expectation, roll < 0.4,
      let year = card.answer.split(separator: " ").last.flatMap({ Int($0) })
    {
      let shifted = year + (random.unit() < 0.5 ? -1 : 1)
      return card.answer.replacingOccurrences(of: String(year), with: String(shifted))
    }
    let distractors = catalogByDeck[card.deck]?.distractors(of: card) ?? []
    guard !distractors.isEmpty else { return nil }
    let weights = distractors.indices.map { 1.0 / Double($0 + 1) }
    var pick = random.unit() * weights.reduce(0, +)
    for (index, weight) in weights.enumerated() {
      pick -= weight
      if pick < 0 { return distractors[index] }
    }
    return distractors[distractors.count - 1]
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
