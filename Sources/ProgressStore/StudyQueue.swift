import Foundation
import Scheduling

/// What to study and in which order: learning cards that are due, then reviews by due date, then new cards.
public struct StudyQueue: Sendable, Equatable {
  /// Learning and relearning cards due now, earliest first.
  public var learning: [StoredCard]
  /// Review cards due today (or by the review-ahead date), earliest first, within the daily review limit.
  public var reviews: [StoredCard]
  /// New cards in order of introduction, kinds interleaved (`IntroductionOrder`), within the daily new-card limit.
  public var new: [StoredCard]
  /// When the next learning card not yet due becomes due today, if any.
  public var nextLearningDue: Date?

  /// The whole queue in study order.
  public var all: [StoredCard] { learning + reviews + new }
}

/// Which cards a queue may hold.
public struct QueueOptions: Sendable, Equatable {
  /// Only these decks (empty: all).
  public var decks: [String] = []
  /// Only cards with one of these tags or eras (empty: all).
  public var tags: [String] = []
  /// New cards per day; nil: the learner's setting.
  public var newLimit: Int? = nil
  /// Reviews per day; nil: the learner's setting.
  public var reviewLimit: Int? = nil
  /// Review ahead: include reviews due up to the end of this date's study day (e.g. an exam date).
  public var until: Date? = nil

  /// Options with the given filters and limits.
  public init(
    decks: [String] = [], tags: [String] = [], newLimit: Int? = nil, reviewLimit: Int? = nil, until: Date? = nil
  ) {
    self.decks = decks
    self.tags = tags
    self.newLimit = newLimit
    self.reviewLimit = reviewLimit
    self.until = until
  }
}

/// How many cards of one deck are due.
public struct DueCounts: Sendable, Equatable, Codable {
  /// The deck's id.
  public var deck: String
  /// Learning and review cards due at this moment.
  public var now: Int
  /// Learning and review cards due by the end of the study day.
  public var today: Int
  /// Learning and review cards due within the next seven study days (today included).
  public var week: Int
  /// New cards not yet introduced.
  public var new: Int
  /// Cards in the deck (not retired).
  public var total: Int
}
