import Foundation
import Scheduling
import StableRandom

/// Review logs of a simulated learner whose memory follows FSRS with known weights, for tests and benchmarks.
///
/// Card i is first seen on day ⌊i·introductionDays/cards⌋ with a first rating drawn from Anki's default first-rating
/// shares; Again or Hard on a new card, and every lapse, is followed by a Good the same day (a learning step). Each
/// later review comes after FSRS's interval for the desired retention; the card is recalled with the probability
/// the true weights give, and rated Hard, Good or Easy in Anki's default proportions. Card i is named "i+1"; day 0
/// is 2024-01-01 UTC, every review between 08:00 and 18:20 UTC.
public enum ReviewLogSimulator {
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
    func review(_ card: Int, day: Int, second: Int, rating: Rating) -> Review {
      Review(cardID: String(card + 1), time: Date(timeIntervalSince1970: Double(base + day * 86400 + second)), rating: rating)
    }
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
      out.append(review(card, day: day, second: second, rating: first))
      var memory = FSRSMath.step(nil, rating: first, elapsedDays: 0.0, w: weights)
      if first <= .hard {
        out.append(review(card, day: day, second: second + 600, rating: .good))
        memory = FSRSMath.step(memory, rating: .good, elapsedDays: 0.0, w: weights)
      }
      while true {
        let interval = FSRSMath.interval(stability: memory.stability, desiredRetention: retention, w: weights)
        let gap = Swift.max(1, Int(interval.rounded()))
        day += gap
        if day >= days { break }
        let r = FSRSMath.retrievability(elapsedDays: Double(gap), stability: memory.stability, w: weights)
        let rating = rng.unit() < r ? Rating(rawValue: draw(successShares) + 2)! : .again
        out.append(review(card, day: day, second: second, rating: rating))
        memory = FSRSMath.step(memory, rating: rating, elapsedDays: Double(gap), w: weights)
        if rating == .again {
          out.append(review(card, day: day, second: second + 600, rating: .good))
          memory = FSRSMath.step(memory, rating: .good, elapsedDays: 0.0, w: weights)
        }
      }
    }
    return out
  }

  /// Day 0 of a simulation: 2024-01-01T00:00:00Z, in seconds since 1970.
  static let base = 1_704_067_200

  /// The reviews as a training set, cards in the order of the simulation, gaps in UTC days.
  public static func trainingSet(_ reviews: [Review]) -> TrainingSet {
    var cards: [[(rating: Rating, gap: Int)]] = []
    var ids: [String] = []
    var index: [String: Int] = [:]
    var lastDay: [Int] = []
    for review in reviews {
      let day = Int((review.time.timeIntervalSince1970 / 86400).rounded(.down))
      let card: Int
      if let known = index[review.cardID] {
        card = known
      } else {
        card = cards.count
        index[review.cardID] = card
        ids.append(review.cardID)
        cards.append([])
        lastDay.append(day)
      }
      cards[card].append((review.rating, day - lastDay[card]))
      lastDay[card] = day
    }
    return TrainingSet(cardIDs: ids, cards: cards)
  }

  /// The reviews as a CSV review log (card_id, review_time in epoch milliseconds, review_rating), which
  /// `annals fsrs replay` and fsrs tools read.
  public static func csv(_ reviews: [Review]) -> String {
    var out = "card_id,review_time,review_rating\n"
    out.reserveCapacity(reviews.count * 28)
    for review in reviews {
      let milliseconds = Int(review.time.timeIntervalSince1970) * 1000
      out += "\(review.cardID),\(milliseconds),\(review.rating.rawValue)\n"
    }
    return out
  }
}
