import Foundation
import GRDB
import SQLiteScan
import Scheduling

extension ProgressStore {
  /// The review log summed up (undone answers left out): per card, per quarter hour, and the wrong typed answers.
  ///
  /// One sequential pass over the compact log in row order, tallied in arrays indexed by the integer card key; a
  /// review's phase before is the phase after the card's previous standing review, carried along the pass.
  public func reviewDigest(deck: String? = nil) throws(StoreError) -> ReviewDigest {
    try read { db in
      var ids: [Int64: String] = [:]
      var maxKey: Int64 = 0
      var sql = "SELECT key, id FROM card"
      var arguments: StatementArguments = []
      if let deck {
        sql += " WHERE deck_id = ?"
        arguments += [deck]
      }
      try db.scan(sql: sql, arguments: arguments) { row in
        let key = row.int64(0)
        ids[key] = row.string(1)
        maxKey = Swift.max(maxKey, key)
        return true
      }
      let allKeys = (try Int64.fetchOne(db, sql: "SELECT MAX(key) FROM card")) ?? 0
      let size = Int(Swift.max(maxKey, allKeys)) + 1
      var included = [Bool](repeating: deck == nil, count: size)
      for key in ids.keys { included[Int(key)] = true }
      var stats = [ReviewDigest.CardStats?](repeating: nil, count: size)
      var lastPhase = [UInt8](repeating: 0, count: size)
      var buckets: [Int64: ReviewDigest.Bucket] = [:]
      var wrong: [Int64: [String: Int]] = [:]
      var currentQuarter = Int64.min
      var current: ReviewDigest.Bucket?
      // Read through the C API (a million rows: GRDB's boxed rows were most of a report's time).
      try db.scan(
        sql: """
          SELECT card, time, rating, phase, COALESCE(response_ms, 0), CASE WHEN rating = 1 THEN typed_answer END
          FROM revlog WHERE undone = 0 ORDER BY id
          """
      ) { row in
        let key = row.int(0)
        guard key >= 0, key < size, included[key] else { return true }
        let time = row.int64(1)
        let passed = row.int(2) > 1
        let reviewPhase = lastPhase[key] == 2
        lastPhase[key] = UInt8(truncatingIfNeeded: row.int(3))
        let milliseconds = row.int(4)
        if stats[key] == nil {
          stats[key] = ReviewDigest.CardStats(
            reviews: 0, passed: 0, reviewPhase: 0, reviewPhasePassed: 0, firstPassed: passed)
        }
        stats[key]!.add(passed: passed, reviewPhase: reviewPhase)
        // Rows come in time order nearly always: add to the current quarter hour's bucket, and file it only when
        // the quarter changes (one dictionary access per quarter hour, not per review).
        let quarter = time / 900_000
        if quarter != currentQuarter {
          if let open = current { buckets[currentQuarter, default: open.empty].merge(open) }
          currentQuarter = quarter
          current = ReviewDigest.Bucket(
            start: Date(timeIntervalSince1970: Double(quarter) * 900), reviews: 0, milliseconds: 0, reviewPhase: 0,
            reviewPhasePassed: 0)
        }
        current!.add(passed: passed, reviewPhase: reviewPhase, milliseconds: milliseconds)
        if !row.isEmptyText(5) { wrong[Int64(key), default: [:]][row.string(5), default: 0] += 1 }
        return true
      }
      if let open = current { buckets[currentQuarter, default: open.empty].merge(open) }
      var digest = ReviewDigest()
      for (key, card) in stats.enumerated() {
        if let card, let id = ids[Int64(key)] { digest.cards[id] = card }
      }
      digest.buckets = buckets.keys.sorted().map { buckets[$0]! }
      for (key, answers) in wrong {
        guard let id = ids[key] else { continue }
        digest.wrongAnswers[id] = answers.keys.sorted().map { ReviewDigest.TypedAnswer(text: $0, count: answers[$0]!) }
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
    /// Whether the latest answer was not rated Again.
    public var lastPassed: Bool? = nil

    mutating func add(passed: Bool, reviewPhase: Bool) {
      reviews += 1
      lastPassed = passed
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

    /// A bucket for the same quarter hour with nothing in it.
    var empty: Bucket { Bucket(start: start, reviews: 0, milliseconds: 0, reviewPhase: 0, reviewPhasePassed: 0) }

    /// Adds another bucket's counts (of the same quarter hour).
    mutating func merge(_ other: Bucket) {
      reviews += other.reviews
      milliseconds += other.milliseconds
      reviewPhase += other.reviewPhase
      reviewPhasePassed += other.reviewPhasePassed
    }

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
