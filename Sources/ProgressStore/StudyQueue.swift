import Foundation
import Scheduling

/// What to study and in which order: learning cards that are due, then reviews by due date, then new cards.
public struct StudyQueue: Sendable, Equatable {
  /// The first learning and relearning cards due now (at most `ProgressStore.learningRead`), earliest first.
  public var learning: [StoredCard]
  /// Every learning and relearning card due now, earliest first, by id: a store may hold thousands, and a
  /// session takes them one at a time.
  public var learningIDs: [String]
  /// Review cards due today (or by the review-ahead date), earliest first, within the daily review limit.
  public var reviews: [StoredCard]
  /// New cards in order of introduction, kinds interleaved (`IntroductionOrder`), within the daily new-card limit.
  public var new: [StoredCard]
  /// When the next learning card not yet due becomes due today, if any.
  public var nextLearningDue: Date?

  /// The queue's cards read whole, in study order (learning cards only as many as `learning` holds).
  public var all: [StoredCard] { learning + reviews + new }
  /// The whole queue in study order, by id.
  public var ids: [String] { learningIDs + reviews.map(\.id) + new.map(\.id) }
  /// How many cards the whole queue holds.
  public var count: Int { learningIDs.count + reviews.count + new.count }
  /// Whether nothing is queued.
  public var isEmpty: Bool { count == 0 }
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
