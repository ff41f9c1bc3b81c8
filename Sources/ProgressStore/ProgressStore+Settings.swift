import Foundation
import GRDB
import Scheduling

extension ProgressStore {
  /// The learner's settings.
  public func settings() throws(StoreError) -> LearnerSettings {
    try read(Self.settings(in:))
  }

  /// The settings row decoded (defaults when there is none).
  static func settings(in db: Database) throws -> LearnerSettings {
    try SettingsRow.fetchOne(db, key: 1)?.settings ?? LearnerSettings()
  }

  /// Saves the learner's settings.
  public func saveSettings(_ settings: LearnerSettings) throws(StoreError) {
    let row = SettingsRow(settings)
    try write { db in try row.save(db) }
  }

  /// Chooses a scheduler for one deck (nil: the learner's default).
  public func setScheduler(_ kind: SchedulerKind?, forDeck deck: String) throws(StoreError) {
    try write { db in
      try db.execute(sql: "UPDATE deck SET scheduler = ? WHERE id = ?", arguments: [kind?.rawValue, deck])
    }
  }

  /// The scheduler for cards of `deck`: the deck's choice, else the learner's, with the learner's parameters.
  public func scheduler(forDeck deck: String? = nil) throws(StoreError) -> any Scheduler {
    let settings = try settings()
    var kind = settings.scheduler
    if let deck {
      let chosen = try read { db in
        try String.fetchOne(db, sql: "SELECT scheduler FROM deck WHERE id = ?", arguments: [deck])
      }
      if let chosen, let deckKind = SchedulerKind(rawValue: chosen) { kind = deckKind }
    }
    do { return try settings.makeScheduler(kind) } catch {
      throw StoreError.corrupt("scheduler settings: \(error)")
    }
  }

  /// Keeps fitted FSRS weights in the history and, if `activate`, makes them the learner's weights.
  public func recordFittedParameters(_ fitted: FittedParameters, activate: Bool = true) throws(StoreError) {
    let weights = String(decoding: try! JSONEncoder().encode(fitted.weights), as: UTF8.self)
    let row = FittedParametersRow(
      time: fitted.time.timeIntervalSince1970, weights: weights, source: fitted.source,
      reviewCount: fitted.reviewCount, metrics: fitted.metricsJSON)
    try write { db in
      try row.insert(db)
      if activate { try db.execute(sql: "UPDATE settings SET weights = ? WHERE id = 1", arguments: [weights]) }
    }
  }

  /// Every set of fitted weights, oldest first.
  public func fittedParameterHistory() throws(StoreError) -> [FittedParameters] {
    try read { db in
      try FittedParametersRow.order(Column("id")).fetchAll(db).map {
        FittedParameters(
          time: Date(timeIntervalSince1970: $0.time),
          weights: (try? JSONDecoder().decode([Double].self, from: Data($0.weights.utf8))) ?? [],
          source: $0.source, reviewCount: $0.reviewCount, metricsJSON: $0.metrics)
      }
    }
  }

  /// Records a finished quiz.
  public func recordQuiz(_ result: QuizResult) throws(StoreError) {
    let row = QuizResultRow(result)
    try write { db in try row.insert(db) }
  }

  /// Past quizzes, oldest first, optionally of one deck.
  public func quizResults(deck: String? = nil) throws(StoreError) -> [QuizResult] {
    try read { db in try Self.quizResults(in: db, deck: deck) }
  }

  /// Past quizzes read from `db`, oldest first, optionally of one deck.
  static func quizResults(in db: Database, deck: String?) throws -> [QuizResult] {
    var request = QuizResultRow.order(Column("id"))
    if let deck { request = request.filter(Column("deck_id") == deck) }
    return try request.fetchAll(db).map(\.result)
  }
}

/// The `settings` row.
struct SettingsRow: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "settings"
  var id = 1
  var scheduler: String
  var desiredRetention: Double
  var weights: String?
  var newPerDay: Int
  var reviewsPerDay: Int
  var rolloverHour: Int
  var timeZone: String?
  var fuzz: Bool

  enum CodingKeys: String, CodingKey {
    case id, scheduler, weights, fuzz
    case desiredRetention = "desired_retention"
    case newPerDay = "new_per_day"
    case reviewsPerDay = "reviews_per_day"
    case rolloverHour = "rollover_hour"
    case timeZone = "time_zone"
  }

  init(_ settings: LearnerSettings) {
    scheduler = settings.scheduler.rawValue
    desiredRetention = settings.desiredRetention
    weights = settings.weights.map { String(decoding: try! JSONEncoder().encode($0), as: UTF8.self) }
    newPerDay = settings.newPerDay
    reviewsPerDay = settings.reviewsPerDay
    rolloverHour = settings.rolloverHour
    timeZone = settings.timeZone
    fuzz = settings.fuzz
  }

  var settings: LearnerSettings {
    var settings = LearnerSettings()
    settings.scheduler = SchedulerKind(rawValue: scheduler) ?? .fsrs
    settings.desiredRetention = desiredRetention
    settings.weights = weights.flatMap { try? JSONDecoder().decode([Double].self, from: Data($0.utf8)) }
    settings.newPerDay = newPerDay
    settings.reviewsPerDay = reviewsPerDay
    settings.rolloverHour = rolloverHour
    settings.timeZone = timeZone
    settings.fuzz = fuzz
    return settings
  }
}

/// A `fitted_parameters` row.
struct FittedParametersRow: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "fitted_parameters"
  var id: Int64?
  var time: Double
  var weights: String
  var source: String
  var reviewCount: Int
  var metrics: String?

  enum CodingKeys: String, CodingKey {
    case id, time, weights, source, metrics
    case reviewCount = "review_count"
  }
}

/// A `quiz_result` row.
struct QuizResultRow: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "quiz_result"
  var id: Int64?
  var quizID: String
  var learner: String
  var deckID: String
  var time: Double
  var score: Double
  var questions: String

  enum CodingKeys: String, CodingKey {
    case id, learner, time, score, questions
    case quizID = "quiz_id"
    case deckID = "deck_id"
  }

  init(_ result: QuizResult) {
    quizID = result.quizID
    learner = result.learner
    deckID = result.deckID
    time = result.time.timeIntervalSince1970
    score = result.score
    questions = result.questionsJSON
  }

  var result: QuizResult {
    QuizResult(
      quizID: quizID, learner: learner, deckID: deckID, time: Date(timeIntervalSince1970: time), score: score,
      questionsJSON: questions)
  }
}
