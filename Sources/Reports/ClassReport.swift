import CardBuilder
import Foundation

/// A teacher's report over a folder of learners' stores: one row per student, an item analysis per card, and the
/// stores that could not be read, each with the reason.
public struct ClassReport: Codable, Sendable, Equatable {
  /// The folder read.
  public var directory: String
  /// When the report was computed (ISO 8601).
  public var generatedAt: Date
  /// One row per readable store, by learner name.
  public var students: [StudentRow]
  /// One row per card anyone studied, the ones the class most needs to revisit first.
  public var items: [ItemAnalysis]
  /// Stores that could not be read, by file name.
  public var unreadable: [UnreadableStore]

  /// A class report with every field given.
  public init(
    directory: String, generatedAt: Date, students: [StudentRow], items: [ItemAnalysis], unreadable: [UnreadableStore]
  ) {
    self.directory = directory
    self.generatedAt = generatedAt
    self.students = students
    self.items = items
    self.unreadable = unreadable
  }
}

/// One student's figures.
public struct StudentRow: Codable, Sendable, Equatable {
  /// The learner (store file name without `.sqlite`).
  public var learner: String
  /// Reviews ever.
  public var reviews: Int
  /// Measured pass rate on review cards, or nil with none.
  public var retention: Double?
  /// How many cards the student knows now (`Knowledge.isKnown`).
  public var knowledge: Double
  /// Cards studied at least once.
  public var studied: Int
  /// Cards in the student's decks (not retired).
  public var cards: Int
  /// The last study day with a review, `YYYY-MM-DD`, or nil.
  public var lastActive: String?
  /// The current streak in study days.
  public var streak: Int
  /// Quizzes finished.
  public var quizzes: Int
  /// Mean quiz score 0…1, or nil with none.
  public var quizMean: Double?
  /// The last quiz's score, or nil.
  public var lastQuiz: Double?

  /// A student row with every field given.
  public init(
    learner: String, reviews: Int, retention: Double?, knowledge: Double, studied: Int, cards: Int,
    lastActive: String?, streak: Int, quizzes: Int, quizMean: Double?, lastQuiz: Double?
  ) {
    self.learner = learner
    self.reviews = reviews
    self.retention = retention
    self.knowledge = knowledge
    self.studied = studied
    self.cards = cards
    self.lastActive = lastActive
    self.streak = streak
    self.quizzes = quizzes
    self.quizMean = quizMean
    self.lastQuiz = lastQuiz
  }
}

/// How the class did on one card.
public struct ItemAnalysis: Codable, Sendable, Equatable {
  /// The card's id.
  public var id: String
  /// What the card asks about.
  public var category: CardCategory
  /// The question, when the deck is known.
  public var prompt: String?
  /// The expected answer, when known.
  public var answer: String?
  /// The source sentence, when known.
  public var source: String?
  /// Students who answered it at least once.
  public var learners: Int
  /// Share of those whose first answer passed.
  public var firstSightCorrect: Double
  /// Share of all answers that passed.
  public var overallCorrect: Double
  /// Answers, all students together.
  public var attempts: Int
  /// Mean probability of recall now over the students who studied it.
  public var meanRetrievability: Double?
  /// The most common wrong answers with what they were confused with.
  public var wrongAnswers: [WrongAnswer]

  /// An item with every field given.
  public init(
    id: String, category: CardCategory, prompt: String?, answer: String?, source: String?, learners: Int,
    firstSightCorrect: Double, overallCorrect: Double, attempts: Int, meanRetrievability: Double?,
    wrongAnswers: [WrongAnswer]
  ) {
    self.id = id
    self.category = category
    self.prompt = prompt
    self.answer = answer
    self.source = source
    self.learners = learners
    self.firstSightCorrect = firstSightCorrect
    self.overallCorrect = overallCorrect
    self.attempts = attempts
    self.meanRetrievability = meanRetrievability
    self.wrongAnswers = wrongAnswers
  }
}

/// A store left out of a class report, and why.
public struct UnreadableStore: Codable, Sendable, Equatable {
  /// The file's name in the folder.
  public var file: String
  /// "corrupt", "locked", "newer-schema" or "unreadable".
  public var problem: String
  /// The reason in words.
  public var reason: String

  /// An entry with the given values.
  public init(file: String, problem: String, reason: String) {
    self.file = file
    self.problem = problem
    self.reason = reason
  }
}
