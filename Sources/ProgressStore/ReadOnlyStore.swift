import Foundation
import GRDB
import Scheduling

/// A learner's store opened read-only, for reports: nothing is ever written, no migration runs, and a store written
/// by a newer Annals, a corrupt file or a locked one is refused with a `StoreError` saying which.
///
/// ```swift
/// let store = try ReadOnlyStore(path: "Progress/ada.sqlite")
/// let digest = try store.reviewDigest()
/// ```
public final class ReadOnlyStore: Sendable {
  /// The file's path.
  public let path: String
  let queue: DatabaseQueue

  /// Opens the store at `path` read-only (SQLite `SQLITE_OPEN_READONLY`), waiting at most `busyTimeout` seconds
  /// for a lock, and checks that it is an Annals store this version can read.
  public init(path: String, busyTimeout: TimeInterval = 2) throws(StoreError) {
    self.path = path
    guard FileManager.default.fileExists(atPath: path) else {
      throw StoreError.database(path: path, message: "no such file", code: 14)
    }
    do {
      var configuration = Configuration()
      configuration.readonly = true
      configuration.busyMode = .timeout(busyTimeout)
      queue = try DatabaseQueue(path: Self.openPath(path), configuration: configuration)
      let (version, tables) = try queue.read { db in
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let tables = try Int.fetchOne(
          db,
          sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('card', 'review', 'settings', 'quiz_result')"
        ) ?? 0
        return (version, tables)
      }
      if version > ProgressStore.schemaVersion {
        throw StoreError.newerSchema(path: path, found: version, supported: ProgressStore.schemaVersion)
      }
      if tables < 4 { throw StoreError.corrupt("\(path) is an SQLite file but not an Annals progress store") }
    } catch {
      throw StoreError.wrap(error, path: path)
    }
  }

  /// The name to open: a store without a write-ahead log is opened as an SQLite URI with `immutable=1`, so that
  /// not even the `-shm` and `-wal` side files are created next to a teacher's collected copy; a store with a
  /// log (a session may be writing) is opened read-only with locking, and reads the log too.
  static func openPath(_ path: String) -> String {
    let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
    if wal > 0 { return path }
    let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "?#%")
    let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
    return "file:\(encoded)?immutable=1"
  }

  func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
    do { return try queue.read(body) } catch { throw StoreError.wrap(error, path: path) }
  }

  /// Closes the file.
  public func close() throws(StoreError) {
    do { try queue.close() } catch { throw StoreError.wrap(error, path: path) }
  }

  /// The learner's settings.
  public func settings() throws(StoreError) -> LearnerSettings {
    try read(ProgressStore.settings(in:))
  }

  /// Each deck's scheduler choice (nil: the learner's default).
  public func deckSchedulers() throws(StoreError) -> [String: SchedulerKind?] {
    try read { db in
      var out: [String: SchedulerKind?] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT id, scheduler FROM deck") {
        let kind: String? = row["scheduler"]
        out[row["id"]] = kind.flatMap(SchedulerKind.init(rawValue:))
      }
      return out
    }
  }

  /// The decks the store knows, with the deck file each was last synced from.
  public func decks() throws(StoreError) -> [DeckInfo] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT id, content_hash, path FROM deck ORDER BY id").map {
        DeckInfo(id: $0["id"], contentHash: $0["content_hash"], path: $0["path"])
      }
    }
  }

  /// All cards, retired ones included, optionally of one deck, in deck order.
  public func cards(deck: String? = nil) throws(StoreError) -> [StoredCard] {
    try read { db in
      var sql = "SELECT \(ProgressStore.cardColumns) FROM card"
      var arguments: StatementArguments = []
      if let deck {
        sql += " WHERE deck_id = ?"
        arguments += [deck]
      }
      return try Row.fetchAll(db, sql: sql + " ORDER BY deck_id, position", arguments: arguments)
        .map(ProgressStore.storedCard)
    }
  }

  /// Past quizzes, oldest first, optionally of one deck.
  public func quizResults(deck: String? = nil) throws(StoreError) -> [QuizResult] {
    try read { db in try ProgressStore.quizResults(in: db, deck: deck) }
  }

  /// The review log summed up (undone answers left out): per card, per quarter hour, and the wrong typed answers.
  ///
  /// One sequential pass over the log in row order: the rows are wide (two state JSONs each), so a scan through
  /// an index that then fetches each row would read the file a page at a time in random order.
  public func reviewDigest(deck: String? = nil) throws(StoreError) -> ReviewDigest {
    try read { db in
      var only: Set<String>?
      if let deck {
        only = Set(try String.fetchAll(db, sql: "SELECT id FROM card WHERE deck_id = ?", arguments: [deck]))
      }
      var cards: [String: ReviewDigest.CardStats] = [:]
      var buckets: [Int64: ReviewDigest.Bucket] = [:]
      var wrong: [String: [String: Int]] = [:]
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT card_id, time, rating, phase_before = 'review', COALESCE(response_ms, 0),
            CASE WHEN rating = 1 THEN typed_answer END
          FROM review WHERE undone = 0 ORDER BY id
          """)
      while let row = try rows.next() {
        let card: String = row[0]
        if let only, !only.contains(card) { continue }
        let time: Double = row[1]
        let passed = (row[2] as Int) > 1
        let reviewPhase: Bool = row[3]
        let milliseconds: Int = row[4]
        // Mutated in place through the default subscript: one hash of the key per row, not two.
        cards[card, default: ReviewDigest.CardStats(
          reviews: 0, passed: 0, reviewPhase: 0, reviewPhasePassed: 0, firstPassed: passed)].add(
            passed: passed, reviewPhase: reviewPhase)
        let key = Int64((time / 900).rounded(.down))
        buckets[key, default: ReviewDigest.Bucket(
          start: Date(timeIntervalSince1970: Double(key) * 900), reviews: 0, milliseconds: 0, reviewPhase: 0,
          reviewPhasePassed: 0)].add(passed: passed, reviewPhase: reviewPhase, milliseconds: milliseconds)
        if let typed: String = row[5], !typed.isEmpty { wrong[card, default: [:]][typed, default: 0] += 1 }
      }
      var digest = ReviewDigest()
      digest.cards = cards
      digest.buckets = buckets.keys.sorted().map { buckets[$0]! }
      digest.wrongAnswers = wrong.mapValues { answers in
        answers.keys.sorted().map { ReviewDigest.TypedAnswer(text: $0, count: answers[$0]!) }
      }
      return digest
    }
  }
}

/// The review log summed up for reports.
public struct ReviewDigest: Sendable, Equatable {
  /// One card's answers.
  public struct CardStats: Sendable, Equatable {
    /// Answers.
    public var reviews: Int
    /// Answers not rated Again.
    public var passed: Int
    /// Answers given while the card was in the review phase.
    public var reviewPhase: Int
    /// Of those, not rated Again.
    public var reviewPhasePassed: Int
    /// Whether the first answer was not rated Again.
    public var firstPassed: Bool?

    mutating func add(passed: Bool, reviewPhase: Bool) {
      reviews += 1
      if passed { self.passed += 1 }
      if reviewPhase {
        self.reviewPhase += 1
        if passed { reviewPhasePassed += 1 }
      }
    }
  }

  /// Answers in one quarter hour.
  public struct Bucket: Sendable, Equatable {
    /// The quarter hour's start.
    public var start: Date
    /// Answers.
    public var reviews: Int
    /// Sum of response times.
    public var milliseconds: Int
    /// Answers given in the review phase.
    public var reviewPhase: Int
    /// Of those, not rated Again.
    public var reviewPhasePassed: Int

    mutating func add(passed: Bool, reviewPhase: Bool, milliseconds: Int) {
      reviews += 1
      self.milliseconds += milliseconds
      if reviewPhase {
        self.reviewPhase += 1
        if passed { reviewPhasePassed += 1 }
      }
    }
  }

  /// A typed answer rated Again, and how often it was given.
  public struct TypedAnswer: Sendable, Equatable {
    /// What was typed.
    public var text: String
    /// How often.
    public var count: Int
  }

  /// Per card.
  public var cards: [String: CardStats] = [:]
  /// Per quarter hour, oldest first.
  public var buckets: [Bucket] = []
  /// Wrong typed answers per card.
  public var wrongAnswers: [String: [TypedAnswer]] = [:]

  /// An empty digest.
  public init() {}
}
