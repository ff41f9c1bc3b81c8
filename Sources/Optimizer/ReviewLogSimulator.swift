import Foundation
import Scheduling
import StableRandom

/// Review logs of a simulated learner whose memory follows FSRS with known weights, for tests and benchmarks.
///
/// Card i is first seen on day ⌊i·introductionDays/cards⌋ with a first rating drawn from Anki's default first-rating
/// shares; Again or Hard on a new card, and every lapse, is followed by a Good the same day (a learning step). Each
/// later review comes after FSRS's interval for the desired retention; the card is recalled with the probability
/// the true weights give, and rated Hard, Good or Easy in Anki's default proportions.
public enum ReviewLogSimulator {
  /// One simulated review.
  public struct Review: Sendable, Equatable {
    /// The card (0-based).
    public var card: Int
    /// The day of the review (0-based).
    public var day: Int
    /// Seconds after the start of that day.
    public var second: Int
    /// The answer.
    public var rating: Rating
  }

  /// Shares of Again, Hard, Good, Easy on a card's first review (Anki's simulator defaults).
  static let firstRatingShares = [0.24, 0.094, 0.495, 0.171]
  /// Shares of Hard, Good, Easy among successful reviews (Anki's simulator defaults).
  static let successShares = [0.224, 0.632, 0.144]

  /// The reviews of `cards` cards introduced over `introductionDays` days and reviewed until day `days`.
  ///
  /// Each card is scheduled at a desired retention drawn uniformly from `desiredRetention` (a single value by
  /// default); a spread of retentions samples the forgetting curve at more points, so that its shape can be fitted.
  public static func simulate(
    cards: Int, days: Int, introductionDays: Int? = nil, weights: [Double],
    desiredRetention: ClosedRange<Double> = 0.9...0.9, seed: UInt64 = 1
  ) -> [Review] {
    var rng = SplitMix64(seed: seed)
    let introduction = Swift.max(1, introductionDays ?? days / 2)
    var out: [Review] = []
    out.reserveCapacity(cards * 8)
    func draw(_ shares: [Double]) -> Int {
      var x = rng.unit()
      for (i, share) in shares.enumerated() {
        x -= share
        if x < 0 { return i }
      }
      return shares.count - 1
    }
    for card in 0..<cards {
      var day = card * introduction / Swift.max(cards, 1)
      let retention = desiredRetention.lowerBound + rng.unit() * (desiredRetention.upperBound - desiredRetention.lowerBound)
      let second = 8 * 3600 + Int(rng.next() % 36_000)
      let first = Rating(rawValue: draw(firstRatingShares) + 1)!
      out.append(Review(card: card, day: day, second: second, rating: first))
      var memory = FSRSMath.step(nil, rating: first, elapsedDays: 0.0, w: weights)
      if first <= .hard {
        out.append(Review(card: card, day: day, second: second + 600, rating: .good))
        memory = FSRSMath.step(memory, rating: .good, elapsedDays: 0.0, w: weights)
      }
      while true {
        let interval = FSRSMath.interval(stability: memory.stability, desiredRetention: retention, w: weights)
        let gap = Swift.max(1, Int(interval.rounded()))
        day += gap
        if day >= days { break }
        let r = FSRSMath.retrievability(elapsedDays: Double(gap), stability: memory.stability, w: weights)
        let rating = rng.unit() < r ? Rating(rawValue: draw(successShares) + 2)! : .again
        out.append(Review(card: card, day: day, second: second, rating: rating))
        memory = FSRSMath.step(memory, rating: rating, elapsedDays: Double(gap), w: weights)
        if rating == .again {
          out.append(Review(card: card, day: day, second: second + 600, rating: .good))
          memory = FSRSMath.step(memory, rating: .good, elapsedDays: 0.0, w: weights)
        }
      }
    }
    return out
  }

  /// The reviews as histories (gaps are day differences).
  public static func histories(_ reviews: [Review]) -> ReviewHistories {
    var cards: [[(rating: Rating, gap: Int)]] = []
    var lastDay: [Int] = []
    for review in reviews {
      while cards.count <= review.card {
        cards.append([])
        lastDay.append(review.day)
      }
      cards[review.card].append((review.rating, review.day - lastDay[review.card]))
      lastDay[review.card] = review.day
    }
    return ReviewHistories(cards: cards)
  }

  /// The reviews as a CSV review log (card_id, review_time in epoch milliseconds from 2024-01-01 UTC,
  /// review_rating), which `annals fsrs replay` and fsrs tools read.
  public static func csv(_ reviews: [Review]) -> String {
    let base = 1_704_067_200  // 2024-01-01T00:00:00Z
    var out = "card_id,review_time,review_rating\n"
    out.reserveCapacity(reviews.count * 28)
    for review in reviews {
      let milliseconds = (base + review.day * 86400 + review.second) * 1000
      out += "\(review.card + 1),\(milliseconds),\(review.rating.rawValue)\n"
    }
    return out
  }
}
