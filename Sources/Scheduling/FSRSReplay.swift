import Foundation

/// One replayed review: what FSRS knew before it and decided after it.
public struct ReplayedReview: Sendable, Equatable, Codable {
  /// The card's id.
  public var cardID: String
  /// When the review happened.
  public var time: Date
  /// The answer (1…4).
  public var rating: Int
  /// Study days since the card's previous review; nil for its first.
  public var elapsedDays: Int?
  /// Retrievability just before the review, on study days; nil for the first review.
  public var retrievability: Double?
  /// Stability after the review (days).
  public var stability: Double
  /// Difficulty after the review.
  public var difficulty: Double
  /// The next interval in days (unfuzzed).
  public var interval: Int
}

/// Replays a review log through FSRS memory updates, card by card, in time order.
///
/// Every review updates the memory state as fsrs-rs does (learning steps do not change the formulas); the gap is
/// the difference of study-day numbers under the scheduler's clock.
public enum FSRSReplay {
  /// The replay of `reviews` (sorted by time, stably, before replaying).
  public static func replay(_ reviews: [Review], scheduler: FSRSScheduler) -> [ReplayedReview] {
    let ordered = reviews.enumerated().sorted {
      $0.element.time != $1.element.time ? $0.element.time < $1.element.time : $0.offset < $1.offset
    }
    var cards: [String: (memory: MemoryState, day: Int)] = [:]
    var out: [ReplayedReview] = []
    out.reserveCapacity(reviews.count)
    let w = scheduler.parameters.weights
    for (_, review) in ordered {
      let day = scheduler.clock.studyDay(review.time)
      let previous = cards[review.cardID]
      let elapsed = previous.map { Swift.max(0, day - $0.day) }
      let r = previous.map {
        FSRSMath.retrievability(elapsedDays: Double(elapsed ?? 0), stability: $0.memory.stability, w: w)
      }
      let memory = scheduler.nextMemory(previous?.memory, rating: review.rating, elapsedDays: elapsed ?? 0)
      cards[review.cardID] = (memory, day)
      out.append(
        ReplayedReview(
          cardID: review.cardID, time: review.time, rating: review.rating.rawValue, elapsedDays: elapsed,
          retrievability: r, stability: memory.stability, difficulty: memory.difficulty,
          interval: scheduler.intervalDays(stability: memory.stability)))
    }
    return out
  }
}
