import CardBuilder
import EventDeck
import Foundation
import ProgressStore
import Scheduling

/// Computes a `LearnerReport` from a store opened read-only, at a moment passed in (so tests fix the clock).
///
/// ```swift
/// let store = try ProgressStore(path: "Progress/ada.sqlite", access: .readOnly)
/// let report = try ReportBuilder(now: Date(), catalogs: [catalog]).report(store: store, learner: "ada")
/// print(TextRenderer(width: 100).render(report))
/// ```
public struct ReportBuilder: Sendable {
  /// The moment the report describes.
  public var now: Date
  /// What the decks say about their cards (categories, eras, text, sources); cards not in any deck show their ids.
  public var catalogs: [any ReportDeck]
  /// Only this deck (nil: all).
  public var deck: String?
  /// How many weakest facts to list.
  public var weakestCount = 10
  /// How many days the forecast covers.
  public var forecastDays = 30
  /// Which card rows get their text (prompt, answer, source) and their wrong answers' confusions.
  public var cardText = CardText.all

  /// Which cards of a report are given their text.
  public enum CardText: Sendable {
    /// Every card (for the per-card table).
    case all
    /// Only the weakest listed: the rest of the rows keep their ids and figures (a library of 50,000 cards has
    /// its text read for the few dozen a report shows).
    case shown
  }

  /// A builder for the moment `now`.
  public init(now: Date, catalogs: [any ReportDeck] = [], deck: String? = nil) {
    self.now = now
    self.catalogs = catalogs
    self.deck = deck
  }

  /// The review-phase interval from which a card counts as mature (Anki's 21 days).
  public static let matureDays = 21

  /// The state name of a stored card: new, learning, young, mature, suspended or retired.
  public static func stateName(_ card: StoredCard) -> String {
    if card.retired { return "retired" }
    if card.suspended { return "suspended" }
    switch card.state.phase {
    case .new: return "new"
    case .learning, .relearning: return "learning"
    case .review: return card.state.scheduledDays >= matureDays ? "mature" : "young"
    }
  }

  static func rounded(_ value: Double, _ digits: Int) -> Double {
    let scale = pow(10, Double(digits))
    return (value * scale).rounded() / scale
  }

  /// The report for the learner whose store this is.
  public func report(store: ProgressStore, learner: String) throws(ReportError) -> LearnerReport {
    do {
      // The log's digest, the longest read, goes on a second connection beside the card list and the decks when
      // the store allows (two cores nearly halve a large library's report).
      let deck = self.deck
      let twin = store.readOnlyTwin()
      let background = twin.map { twin in Background { () throws -> ReviewDigest in
        defer { try? twin.close() }
        return try twin.reviewDigest(deck: deck)
      } }
      let settings = try store.settings()
      let cards = try store.cards(deck: deck, includeRetired: true)
      let quizzes = try store.quizResults(deck: deck)
      let deckSchedulers = try store.deckSchedulers()
      let facts = try deckFacts()
      let digest = try background?.value() ?? store.reviewDigest(deck: deck)
      return try report(
        learner: learner, settings: settings, cards: cards, digest: digest, quizzes: quizzes,
        deckSchedulers: deckSchedulers, facts: facts)
    } catch let error as StoreError {
      throw .store(error)
    } catch let error as ReportError {
      throw error
    } catch {
      throw .store(.corrupt(String(describing: error)))
    }
  }

  /// What the decks tell about every card and era, read once per report.
  struct DeckFacts {
    var categories: [String: CardCategory] = [:]
    var eraTitles: [String: String] = [:]
    var eraDates: [String: (from: HistoricalDate?, to: HistoricalDate?)] = [:]
  }

  /// The decks' categories and eras, the first deck naming a card or an era winning.
  func deckFacts() throws -> DeckFacts {
    var facts = DeckFacts()
    for catalog in catalogs {
      let own = try ReportError.readingDeck { try catalog.categories() }
      if facts.categories.isEmpty { facts.categories = own } else { facts.categories.merge(own) { first, _ in first } }
      for era in catalog.eras {
        if facts.eraTitles[era.id] == nil { facts.eraTitles[era.id] = era.title }
        if facts.eraDates[era.id] == nil { facts.eraDates[era.id] = (era.from, era.to) }
      }
    }
    return facts
  }

  /// The report from data already read (the store's settings, cards, digest and quizzes).
  public func report(
    learner: String, settings: LearnerSettings, cards: [StoredCard], digest: ReviewDigest, quizzes: [QuizResult],
    deckSchedulers: [String: SchedulerKind?] = [:]
  ) throws -> LearnerReport {
    try report(
      learner: learner, settings: settings, cards: cards, digest: digest, quizzes: quizzes,
      deckSchedulers: deckSchedulers, facts: try deckFacts())
  }

  func report(
    learner: String, settings: LearnerSettings, cards: [StoredCard], digest: ReviewDigest, quizzes: [QuizResult],
    deckSchedulers: [String: SchedulerKind?], facts: DeckFacts
  ) throws -> LearnerReport {
    let clock = settings.clock
    let today = clock.studyDay(now)
    var schedulers: [String: any Scheduler] = [:]
    func scheduler(for deck: String) throws -> any Scheduler {
      if let known = schedulers[deck] { return known }
      let made = try settings.makeScheduler((deckSchedulers[deck] ?? nil) ?? settings.scheduler)
      schedulers[deck] = made
      return made
    }
    let (categories, eraTitles, eraDates) = (facts.categories, facts.eraTitles, facts.eraDates)
    let catalogByDeck = Dictionary(catalogs.map { ($0.deckID, $0) }, uniquingKeysWith: { first, _ in first })
    // Cards: state, recall now, summary.
    var states = StateCounts()
    var knowledge = 0.0
    var studied = 0
    var summaries: [CardSummary] = []
    var forecastCounts = Array(repeating: 0, count: forecastDays)
    for card in cards {
      let state = Self.stateName(card)
      switch state {
      case "new": states.new += 1
      case "learning": states.learning += 1
      case "young": states.young += 1
      case "mature": states.mature += 1
      case "suspended": states.suspended += 1
      default: states.retired += 1
      }
      var r: Double?
      if card.state.phase != .new, let value = try scheduler(for: card.deckID).retrievability(card.state, at: now) {
        r = Self.rounded(value, 4)
      }
      let stats = digest.cards[card.id]
      let isKnown = !card.retired
        && Knowledge.isKnown(retrievability: r, lastPassed: stats?.lastPassed, desiredRetention: settings.desiredRetention)
      if !card.retired, r != nil {
        if isKnown { knowledge += 1 }
        studied += 1
      }
      if !card.retired && !card.suspended && card.state.phase != .new {
        let offset = max(clock.studyDay(card.state.due), today) - today
        if offset < forecastDays { forecastCounts[offset] += 1 }
      }
      guard let kind = CardKind(rawValue: card.kind) else {
        throw ReportError.store(.corrupt("card '\(card.id)' has the unknown kind '\(card.kind)'"))
      }
      let wrong = digest.wrongAnswers[card.id].map { Confusions.merged($0.map { ($0.text, $0.count) }) } ?? []
      let due = card.retired || card.suspended || card.state.phase == .new ? nil : CivilDay.string(clock.studyDay(card.state.due))
      summaries.append(
        CardSummary(
          id: card.id, deck: card.deckID, kind: kind,
          category: categories[card.id] ?? CardCategory(kind: kind, id: card.id), era: card.era, state: state,
          prompt: nil, answer: nil, source: nil, reviews: stats?.reviews ?? 0,
          passed: stats?.passed ?? 0, firstPassed: stats?.firstPassed,
          lapses: card.state.lapses, retrievability: r, stability: card.state.stability.map { Self.rounded($0, 4) },
          difficulty: card.state.difficulty.map { Self.rounded($0, 4) }, due: due, lastReview: card.state.lastReview,
          wrongAnswers: wrong))
      summaries[summaries.count - 1].known = isKnown
    }

    // Activity and retention from the quarter-hour buckets.
    var perDay: [Int: (reviews: Int, ms: Int)] = [:]
    var retention = RetentionFigures()
    for bucket in digest.buckets {
      let day = clock.studyDay(bucket.start)
      perDay[day, default: (0, 0)].reviews += bucket.reviews
      perDay[day, default: (0, 0)].ms += bucket.milliseconds
      retention.reviews += bucket.reviewPhase
      retention.passed += bucket.reviewPhasePassed
      if day > today - 30 && day <= today {
        retention.recentReviews += bucket.reviewPhase
        retention.recentPassed += bucket.reviewPhasePassed
      }
    }
    let from = today - 364
    let days = perDay.keys.filter { $0 >= from && $0 <= today }.sorted().map {
      ActivityDay(date: CivilDay.string($0), reviews: perDay[$0]!.reviews, seconds: Double(perDay[$0]!.ms) / 1000)
    }
    let studiedDays = perDay.keys.filter { perDay[$0]!.reviews > 0 }.sorted()
    var longest = 0
    var run = 0
    var previous = Int.min
    for day in studiedDays {
      run = day == previous + 1 ? run + 1 : 1
      longest = max(longest, run)
      previous = day
    }
    let studiedSet = Set(studiedDays)
    var current = 0
    var cursor = studiedSet.contains(today) ? today : today - 1
    while studiedSet.contains(cursor) {
      current += 1
      cursor -= 1
    }
    let activity = Activity(
      from: CivilDay.string(from), days: days, totalReviews: perDay.values.map(\.reviews).reduce(0, +),
      totalSeconds: Double(perDay.values.map(\.ms).reduce(0, +)) / 1000, currentStreak: current,
      longestStreak: longest, daysStudied: studiedDays.count)

    let forecast = forecastCounts.enumerated().map { ForecastDay(date: CivilDay.string(today + $0.offset), due: $0.element) }

    // Mastery by era, topic and kind.
    var groups: [String: (title: String, cards: Int, studied: Int, mature: Int, known: Int, rn: Int, rp: Int)] = [:]
    var order: [String] = []
    for (card, summary) in zip(cards, summaries) where !card.retired {
      var keys: [(String, String, String)] = []
      if let era = card.era { keys.append(("era", era, eraTitles[era] ?? era)) }
      for tag in card.tags { keys.append(("topic", tag, tag)) }
      keys.append(("kind", summary.category.rawValue, summary.category.rawValue))
      let stats = digest.cards[card.id]
      for (dimension, key, title) in keys {
        let id = dimension + "\u{0}" + key
        if groups[id] == nil {
          groups[id] = (title, 0, 0, 0, 0, 0, 0)
          order.append(id)
        }
        groups[id]!.cards += 1
        if summary.retrievability != nil { groups[id]!.studied += 1 }
        if summary.state == "mature" { groups[id]!.mature += 1 }
        if summary.known { groups[id]!.known += 1 }
        groups[id]!.rn += stats?.reviewPhase ?? 0
        groups[id]!.rp += stats?.reviewPhasePassed ?? 0
      }
    }
    let dimensionRank = ["era": 0, "topic": 1, "kind": 2]
    let mastery = order.sorted {
      let a = $0.split(separator: "\u{0}", maxSplits: 1).map(String.init)
      let b = $1.split(separator: "\u{0}", maxSplits: 1).map(String.init)
      if a[0] != b[0] { return (dimensionRank[a[0]] ?? 9) < (dimensionRank[b[0]] ?? 9) }
      if a[0] == "era" { return Self.chronologically(a[1], b[1], dates: eraDates) }
      return a[1] < b[1]
    }.map { id -> MasteryGroup in
      let parts = id.split(separator: "\u{0}", maxSplits: 1).map(String.init)
      let g = groups[id]!
      return MasteryGroup(
        dimension: parts[0], key: parts[1], title: g.title, cards: g.cards, studied: g.studied, mature: g.mature,
        knowledge: Self.rounded(Double(g.known) / Double(max(g.cards, 1)), 4),
        retention: g.rn > 0 ? Self.rounded(Double(g.rp) / Double(g.rn), 4) : nil)
    }

    // The weakest: forgotten at least once or below the desired retention, most lapses first.
    let weakestIndices = summaries.indices.filter {
      let summary = summaries[$0]
      return summary.state != "retired" && summary.retrievability != nil
        && (summary.lapses > 0 || (summary.retrievability ?? 1) < settings.desiredRetention
          || !summary.wrongAnswers.isEmpty)
    }.sorted {
      let (a, b) = (summaries[$0], summaries[$1])
      let x = (b.lapses, a.retrievability ?? 0, b.wrongAnswers.count)
      let y = (a.lapses, b.retrievability ?? 0, a.wrongAnswers.count)
      return x < y || (x == y && a.id < b.id)
    }.prefix(weakestCount)

    // Text, and the wrong answers' confusions, for the rows shown: read from the decks only for those.
    let shown = cardText == .all ? Array(summaries.indices) : Array(weakestIndices)
    let texts = try ReportError.readingDeck { try ReportTexts(decks: catalogs).cards(ids: shown.map { summaries[$0].id }) }
    for index in shown {
      guard let (card, _) = texts[summaries[index].id] else { continue }
      summaries[index].prompt = card.prompt
      summaries[index].answer = card.answer
      summaries[index].source = card.source
      if !summaries[index].wrongAnswers.isEmpty {
        let catalog = try ReportError.readingDeck { try catalogByDeck[summaries[index].deck]?.catalog() }
        for w in summaries[index].wrongAnswers.indices {
          summaries[index].wrongAnswers[w].confusion = Confusions.classify(
            summaries[index].wrongAnswers[w].answer, card: card, catalog: catalog)
        }
      }
    }
    // Cards not in any deck still have their wrong answers named where the answer alone tells (a deck's entity).
    for index in shown where texts[summaries[index].id] == nil && !summaries[index].wrongAnswers.isEmpty {
      let catalog = try ReportError.readingDeck { try catalogByDeck[summaries[index].deck]?.catalog() }
      for w in summaries[index].wrongAnswers.indices {
        summaries[index].wrongAnswers[w].confusion = Confusions.classify(
          summaries[index].wrongAnswers[w].answer, card: nil, catalog: catalog)
      }
    }
    let weakest = weakestIndices.map { summaries[$0] }

    let deckIDs = Array(Set(cards.map(\.deckID))).sorted()
    return LearnerReport(
      learner: learner, generatedAt: now, today: CivilDay.string(today), decks: deckIDs,
      desiredRetention: settings.desiredRetention, states: states, retention: retention,
      estimatedKnowledge: Self.rounded(knowledge, 2), studiedCards: studied, activity: activity, forecast: forecast,
      mastery: mastery, weakest: Array(weakest), quizzes: quizzes.map(Self.quizSummary), cards: summaries)
  }

  /// Eras in the order of their dates (start, then end), those the decks give no dates for after them by id.
  static func chronologically(
    _ a: String, _ b: String, dates: [String: (from: HistoricalDate?, to: HistoricalDate?)]
  ) -> Bool {
    let (x, y) = (dates[a], dates[b])
    switch (x?.from ?? x?.to, y?.from ?? y?.to) {
    case (let p?, let q?) where p != q: return p < q
    case (.some, nil): return true
    case (nil, .some): return false
    default: break
    }
    switch (x?.to, y?.to) {
    case (let p?, let q?) where p != q: return p < q
    default: return a < b
    }
  }

  static func quizSummary(_ quiz: QuizResult) -> QuizSummary {
    var questions: Int?
    if let json = try? JSONSerialization.jsonObject(with: Data(quiz.questionsJSON.utf8)) {
      if let array = json as? [Any] {
        questions = array.count
      } else if let object = json as? [String: Any], let array = object["questions"] as? [Any] {
        questions = array.count
      }
    }
    return QuizSummary(id: quiz.quizID, deck: quiz.deckID, time: quiz.time, score: quiz.score, questions: questions)
  }
}
