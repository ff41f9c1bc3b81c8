import Foundation
import Scheduling
import StableRandom

/// What a desired retention costs and yields: the model of Anki's "compute optimal retention".
///
/// A learner adds `newPerDay` cards a day for `days` days; every card is reviewed whenever FSRS (with the given
/// weights) schedules it at the desired retention, recalled with the probability the weights predict. Outcomes are
/// drawn with a fixed seed, the same for every retention, so that retentions compare fairly.
public enum WorkloadSimulator {
  /// One desired retention's figures.
  public struct Point: Sendable, Equatable, Codable {
    /// The desired retention simulated.
    public var desiredRetention: Double
    /// Reviews per day on average (first sight of a card not counted).
    public var reviewsPerDay: Double
    /// Minutes of study per day on average (learning and reviews).
    public var minutesPerDay: Double
    /// Knowledge at the end: the sum over cards of their probability of recall.
    public var knowledge: Double
    /// Seconds of study per card remembered at the end (total time / knowledge).
    public var secondsPerFact: Double

    /// The JSON names `annals fsrs retention --json` prints.
    enum CodingKeys: String, CodingKey {
      case desiredRetention = "desired_retention", reviewsPerDay = "reviews_per_day"
      case minutesPerDay = "minutes_per_day", knowledge, secondsPerFact = "seconds_per_fact"
    }
  }

  /// Seconds a first sight costs by rating (Again…Easy), from Anki's simulator defaults.
  static let learnSeconds = [33.79, 24.3, 13.68, 6.5]
  /// Seconds a review costs by rating (Again…Easy), from Anki's simulator defaults.
  static let reviewSeconds = [23.0, 11.68, 7.33, 5.6]

  /// The figures for one desired retention.
  public static func simulate(
    weights: [Double], desiredRetention: Double, days: Int = 365, newPerDay: Int = 10, maximumInterval: Int = 36500,
    seed: UInt64 = 7
  ) -> Point {
    var rng = SplitMix64(seed: seed)
    var reviews = 0
    var seconds = 0.0
    var knowledge = 0.0
    let cards = days * newPerDay
    func draw(_ shares: [Double]) -> Int {
      var x = rng.unit()
      for (i, share) in shares.enumerated() {
        x -= share
        if x < 0 { return i }
      }
      return shares.count - 1
    }
    for card in 0..<cards {
      var day = card / newPerDay
      let first = Rating(rawValue: draw(ReviewLogSimulator.firstRatingShares) + 1)!
      seconds += learnSeconds[first.rawValue - 1]
      var memory = FSRSMath.step(nil, rating: first, elapsedDays: 0.0, w: weights)
      if first <= .hard { memory = FSRSMath.step(memory, rating: .good, elapsedDays: 0.0, w: weights) }
      while true {
        let interval = FSRSMath.interval(stability: memory.stability, desiredRetention: desiredRetention, w: weights)
        let gap = Swift.min(Swift.max(1, Int(interval.rounded())), maximumInterval)
        if day + gap >= days {
          knowledge += FSRSMath.retrievability(elapsedDays: Double(days - day), stability: memory.stability, w: weights)
          break
        }
        day += gap
        let r = FSRSMath.retrievability(elapsedDays: Double(gap), stability: memory.stability, w: weights)
        let rating = rng.unit() < r ? Rating(rawValue: draw(ReviewLogSimulator.successShares) + 2)! : .again
        reviews += 1
        seconds += reviewSeconds[rating.rawValue - 1]
        memory = FSRSMath.step(memory, rating: rating, elapsedDays: Double(gap), w: weights)
        if rating == .again { memory = FSRSMath.step(memory, rating: .good, elapsedDays: 0.0, w: weights) }
      }
    }
    return Point(
      desiredRetention: desiredRetention, reviewsPerDay: Double(reviews) / Double(days),
      minutesPerDay: seconds / 60 / Double(days), knowledge: knowledge,
      secondsPerFact: knowledge > 0 ? seconds / knowledge : .infinity)
  }

  /// The figures for each desired retention from 0.70 to 0.97 in steps of 0.01.
  public static func sweep(weights: [Double], days: Int = 365, newPerDay: Int = 10) -> [Point] {
    (70...97).map { simulate(weights: weights, desiredRetention: Double($0) / 100, days: days, newPerDay: newPerDay) }
  }

  /// The point of `points` with the lowest cost per fact remembered.
  public static func optimal(_ points: [Point]) -> Point? {
    points.min { $0.secondsPerFact < $1.secondsPerFact }
  }
}
