import CardBuilder
import Foundation

/// Everything one learner's progress report shows, computed once and rendered in any format.
///
/// Encoded as JSON with sorted keys; every field is documented in README.md ("Report fields"). Dates are
/// study days written `YYYY-MM-DD` (a study day starts at the learner's rollover hour) or ISO 8601 moments.
public struct LearnerReport: Codable, Sendable, Equatable {
  /// The learner's name (the store's file name without `.sqlite`).
  public var learner: String
  /// When the report was computed (ISO 8601).
  public var generatedAt: Date
  /// The study day of `generatedAt`.
  public var today: String
  /// The decks included (empty: the store had none).
  public var decks: [String]
  /// The retention the scheduler aims for.
  public var desiredRetention: Double
  /// Cards by state.
  public var states: StateCounts
  /// Measured pass rate on review cards.
  public var retention: RetentionFigures
  /// How many cards the learner knows now (`Knowledge.isKnown`: latest answer not Again, recall now at least the
  /// desired retention), a whole number.
  public var estimatedKnowledge: Double
  /// Cards that have been studied at least once (the most `estimatedKnowledge` can be).
  public var studiedCards: Int
  /// Reviews and time per study day over the last year (days without reviews left out).
  public var activity: Activity
  /// Cards due on each of the next 30 study days (day 0 includes overdue cards).
  public var forecast: [ForecastDay]
  /// Mastery by era, by topic (tag) and by card kind.
  public var mastery: [MasteryGroup]
  /// The weakest cards: most lapses, then lowest probability of recall.
  public var weakest: [CardSummary]
  /// Finished quizzes, oldest first.
  public var quizzes: [QuizSummary]
  /// Every card with its state, for the CSV table.
  public var cards: [CardSummary]

  /// A report with every field given.
  public init(
    learner: String, generatedAt: Date, today: String, decks: [String], desiredRetention: Double,
    states: StateCounts, retention: RetentionFigures, estimatedKnowledge: Double, studiedCards: Int,
    activity: Activity, forecast: [ForecastDay], mastery: [MasteryGroup], weakest: [CardSummary],
    quizzes: [QuizSummary], cards: [CardSummary]
  ) {
    self.learner = learner
    self.generatedAt = generatedAt
    self.today = today
    self.decks = decks
    self.desiredRetention = desiredRetention
    self.states = states
    self.retention = retention
    self.estimatedKnowledge = estimatedKnowledge
    self.studiedCards = studiedCards
    self.activity = activity
    self.forecast = forecast
    self.mastery = mastery
    self.weakest = weakest
    self.quizzes = quizzes
    self.cards = cards
  }
}

/// How many cards are in each state. Suspended and retired cards are counted only there.
public struct StateCounts: Codable, Sendable, Equatable {
  /// Never studied.
  public var new = 0
  /// In learning or relearning steps.
  public var learning = 0
  /// In review with an interval under 21 days.
  public var young = 0
  /// In review with an interval of 21 days or more.
  public var mature = 0
  /// Suspended (not retired).
  public var suspended = 0
  /// Removed from the deck; history kept.
  public var retired = 0

  /// Counts with the given values.
  public init(new: Int = 0, learning: Int = 0, young: Int = 0, mature: Int = 0, suspended: Int = 0, retired: Int = 0) {
    self.new = new
    self.learning = learning
    self.young = young
    self.mature = mature
    self.suspended = suspended
    self.retired = retired
  }

  /// Every card counted.
  public var total: Int { new + learning + young + mature + suspended + retired }

  /// The states in display order with their names.
  public var named: [(name: String, count: Int)] {
    [("new", new), ("learning", learning), ("young", young), ("mature", mature), ("suspended", suspended),
     ("retired", retired)]
  }
}

/// A measured pass rate: reviews of cards in the review phase that were not answered Again.
public struct RetentionFigures: Codable, Sendable, Equatable {
  /// Review-phase reviews ever.
  public var reviews: Int
  /// Of those, passed (Hard, Good or Easy).
  public var passed: Int
  /// Review-phase reviews in the last 30 study days.
  public var recentReviews: Int
  /// Of those, passed.
  public var recentPassed: Int

  /// Figures with the given counts.
  public init(reviews: Int = 0, passed: Int = 0, recentReviews: Int = 0, recentPassed: Int = 0) {
    self.reviews = reviews
    self.passed = passed
    self.recentReviews = recentReviews
    self.recentPassed = recentPassed
  }

  /// The pass rate ever, or nil with no review-phase reviews.
  public var rate: Double? { reviews > 0 ? Double(passed) / Double(reviews) : nil }
  /// The pass rate in the last 30 days, or nil.
  public var recentRate: Double? { recentReviews > 0 ? Double(recentPassed) / Double(recentReviews) : nil }
}

/// Study activity: per-day reviews, streaks and time.
public struct Activity: Codable, Sendable, Equatable {
  /// The first study day the heatmap covers (364 days before today).
  public var from: String
  /// Days with at least one review in the covered year, oldest first.
  public var days: [ActivityDay]
  /// Reviews ever (undone answers excluded).
  public var totalReviews: Int
  /// Seconds spent answering, ever (sum of response times).
  public var totalSeconds: Double
  /// Consecutive study days with reviews ending today (or yesterday, when today has none yet).
  public var currentStreak: Int
  /// The longest run of consecutive study days with reviews.
  public var longestStreak: Int
  /// Study days with at least one review, ever.
  public var daysStudied: Int

  /// Activity with the given values.
  public init(
    from: String, days: [ActivityDay], totalReviews: Int, totalSeconds: Double, currentStreak: Int,
    longestStreak: Int, daysStudied: Int
  ) {
    self.from = from
    self.days = days
    self.totalReviews = totalReviews
    self.totalSeconds = totalSeconds
    self.currentStreak = currentStreak
    self.longestStreak = longestStreak
    self.daysStudied = daysStudied
  }
}

/// One study day's reviews.
public struct ActivityDay: Codable, Sendable, Equatable {
  /// The study day, `YYYY-MM-DD`.
  public var date: String
  /// Reviews that day.
  public var reviews: Int
  /// Seconds spent answering that day.
  public var seconds: Double

  /// A day with the given values.
  public init(date: String, reviews: Int, seconds: Double) {
    self.date = date
    self.reviews = reviews
    self.seconds = seconds
  }
}

/// Cards due on one future study day.
public struct ForecastDay: Codable, Sendable, Equatable {
  /// The study day, `YYYY-MM-DD`.
  public var date: String
  /// Learning and review cards due that day (overdue ones count on the first day).
  public var due: Int

  /// A day with the given count.
  public init(date: String, due: Int) {
    self.date = date
    self.due = due
  }
}

/// How well one group of cards (an era, a topic, a kind) is known.
public struct MasteryGroup: Codable, Sendable, Equatable {
  /// What the group is by: "era", "topic" or "kind".
  public var dimension: String
  /// The group's key (era id, tag, kind category).
  public var key: String
  /// A readable title (the era's title when the deck gives one).
  public var title: String
  /// Cards in the group (not retired).
  public var cards: Int
  /// Of those, studied at least once.
  public var studied: Int
  /// Of those, mature.
  public var mature: Int
  /// The share of the group's cards known now (`Knowledge.isKnown`; new cards are not known).
  public var knowledge: Double
  /// Measured pass rate on the group's review-phase reviews, or nil with none.
  public var retention: Double?

  /// A group with every field given.
  public init(
    dimension: String, key: String, title: String, cards: Int, studied: Int, mature: Int, knowledge: Double,
    retention: Double?
  ) {
    self.dimension = dimension
    self.key = key
    self.title = title
    self.cards = cards
    self.studied = studied
    self.mature = mature
    self.knowledge = knowledge
    self.retention = retention
  }
}

/// One card's state, with its text when the deck is known.
public struct CardSummary: Codable, Sendable, Equatable {
  /// The card's stable id.
  public var id: String
  /// Its deck.
  public var deck: String
  /// The card kind.
  public var kind: CardKind
  /// What the card asks about: dates, people, places, numbers, order, other.
  public var category: CardCategory
  /// The era, if any.
  public var era: String?
  /// State: new, learning, young, mature, suspended or retired.
  public var state: String
  /// The question, when the deck is known.
  public var prompt: String?
  /// The expected answer, when the deck is known.
  public var answer: String?
  /// The source sentence the card rests on, when the deck is known.
  public var source: String?
  /// Reviews of this card.
  public var reviews: Int
  /// Of those, not rated Again.
  public var passed: Int
  /// Whether the first answer ever was not rated Again (nil: never answered).
  public var firstPassed: Bool?
  /// Times forgotten after graduating.
  public var lapses: Int
  /// Probability of recall now, or nil when never studied.
  public var retrievability: Double?
  /// Whether the card counts as known now (`Knowledge.isKnown`).
  public var known: Bool = false
  /// FSRS stability in days, if any.
  public var stability: Double?
  /// FSRS difficulty 1…10, if any.
  public var difficulty: Double?
  /// The next due study day, or nil for new, suspended and retired cards.
  public var due: String?
  /// The last review (ISO 8601), if any.
  public var lastReview: Date?
  /// The most frequent wrong typed answers, most frequent first.
  public var wrongAnswers: [WrongAnswer]

  /// A card summary with every field given.
  public init(
    id: String, deck: String, kind: CardKind, category: CardCategory, era: String?, state: String, prompt: String?,
    answer: String?, source: String?, reviews: Int, passed: Int = 0, firstPassed: Bool? = nil, lapses: Int, retrievability: Double?, stability: Double?,
    difficulty: Double?, due: String?, lastReview: Date?, wrongAnswers: [WrongAnswer]
  ) {
    self.id = id
    self.deck = deck
    self.kind = kind
    self.category = category
    self.era = era
    self.state = state
    self.prompt = prompt
    self.answer = answer
    self.source = source
    self.reviews = reviews
    self.passed = passed
    self.firstPassed = firstPassed
    self.lapses = lapses
    self.retrievability = retrievability
    self.stability = stability
    self.difficulty = difficulty
    self.due = due
    self.lastReview = lastReview
    self.wrongAnswers = wrongAnswers
  }
}

/// A wrong answer given for a card, how often, and what it was mistaken for.
public struct WrongAnswer: Codable, Sendable, Equatable {
  /// The answer as first typed (of those grouped together by normalisation).
  public var answer: String
  /// How many times it was given.
  public var count: Int
  /// What the confusion is, when recognised: "another person: X", "a year off", "right year, wrong day", …
  public var confusion: String?

  /// A wrong answer with the given values.
  public init(answer: String, count: Int, confusion: String? = nil) {
    self.answer = answer
    self.count = count
    self.confusion = confusion
  }
}

/// A finished quiz.
public struct QuizSummary: Codable, Sendable, Equatable {
  /// The quiz's id.
  public var id: String
  /// The deck quizzed on.
  public var deck: String
  /// When it finished.
  public var time: Date
  /// The score, 0…1.
  public var score: Double
  /// Questions asked, when the quiz's record says.
  public var questions: Int?

  /// A quiz summary with the given values.
  public init(id: String, deck: String, time: Date, score: Double, questions: Int?) {
    self.id = id
    self.deck = deck
    self.time = time
    self.score = score
    self.questions = questions
  }
}
