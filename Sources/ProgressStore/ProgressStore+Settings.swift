import Foundation
import GRDB
import Scheduling

extension ProgressStore {
  /// The learner's settings.
  public func settings() throws(StoreError) -> LearnerSettings {
    try read(Self.settings(in:))
  }

  /// The settings row decoded (defaults when there is none); shared with `ReadOnlyStore`.
  static func settings(in db: Database) throws -> LearnerSettings {
    guard let row = try Row.fetchOne(db, sql: "SELECT * FROM settings WHERE id = 1") else { return LearnerSettings() }
    var settings = LearnerSettings()
    settings.scheduler = SchedulerKind(rawValue: row["scheduler"]) ?? .fsrs
    settings.desiredRetention = row["desired_retention"]
    if let weights: String = row["weights"] {
      settings.weights = try? JSONDecoder().decode([Double].self, from: Data(weights.utf8))
    }
    settings.newPerDay = row["new_per_day"]
    settings.reviewsPerDay = row["reviews_per_day"]
    settings.rolloverHour = row["rollover_hour"]
    settings.timeZone = row["time_zone"]
    settings.fuzz = row["fuzz"]
    return settings
  }

  /// Saves the learner's settings.
  public func saveSettings(_ settings: LearnerSettings) throws(StoreError) {
    let weights = settings.weights.map { String(decoding: try! JSONEncoder().encode($0), as: UTF8.self) }
    try write { db in
      try db.execute(
        sql: """
          UPDATE settings SET scheduler = ?, desired_retention = ?, weights = ?, new_per_day = ?, reviews_per_day = ?,
            rollover_hour = ?, time_zone = ?, fuzz = ? WHERE id = 1
          """,
        arguments: [
          settings.scheduler.rawValue, settings.desiredRetention, weights, settings.newPerDay, settings.reviewsPerDay,
          settings.rolloverHour, settings.timeZone, settings.fuzz,
        ])
    }
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
    try write { db in
      try db.execute(
        sql: "INSERT INTO fitted_parameters (time, weights, source, review_count, metrics) VALUES (?, ?, ?, ?, ?)",
        arguments: [fitted.time.timeIntervalSince1970, weights, fitted.source, fitted.reviewCount, fitted.metricsJSON])
      if activate { try db.execute(sql: "UPDATE settings SET weights = ? WHERE id = 1", arguments: [weights]) }
    }
  }

  /// Every set of fitted weights, oldest first.
  public func fittedParameterHistory() throws(StoreError) -> [FittedParameters] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM fitted_parameters ORDER BY id").map {
        let weights: String = $0["weights"]
        return FittedParameters(
          time: Date(timeIntervalSince1970: $0["time"]),
          weights: (try? JSONDecoder().decode([Double].self, from: Data(weights.utf8))) ?? [],
          source: $0["source"], reviewCount: $0["review_count"], metricsJSON: $0["metrics"])
      }
    }
  }

  /// Records a finished quiz.
  public func recordQuiz(_ result: QuizResult) throws(StoreError) {
    try write { db in
      try db.execute(
        sql: "INSERT INTO quiz_result (quiz_id, learner, deck_id, time, score, questions) VALUES (?, ?, ?, ?, ?, ?)",
        arguments: [
          result.quizID, result.learner, result.deckID, result.time.timeIntervalSince1970, result.score,
          result.questionsJSON,
        ])
    }
  }

  /// Past quizzes, oldest first, optionally of one deck.
  public func quizResults(deck: String? = nil) throws(StoreError) -> [QuizResult] {
    try read { db in try Self.quizResults(in: db, deck: deck) }
  }

  /// Past quizzes read from `db`, oldest first, optionally of one deck; shared with `ReadOnlyStore`.
  static func quizResults(in db: Database, deck: String?) throws -> [QuizResult] {
    var sql = "SELECT * FROM quiz_result"
    var arguments: StatementArguments = []
    if let deck {
      sql += " WHERE deck_id = ?"
      arguments += [deck]
    }
    return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: arguments).map {
      QuizResult(
        quizID: $0["quiz_id"], learner: $0["learner"], deckID: $0["deck_id"],
        time: Date(timeIntervalSince1970: $0["time"]), score: $0["score"], questionsJSON: $0["questions"])
    }
  }
}
