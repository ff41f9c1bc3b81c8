import Foundation

/// What a simulated learner does.
public struct SimulationOptions: Sendable, Equatable {
  /// The learner's name (written into quiz results).
  public var learner: String
  /// Study days to simulate.
  public var days: Int
  /// The desired retention the learner sets; their memory follows FSRS, so their true retention comes out near it.
  public var desiredRetention: Double
  /// The seed of every random draw.
  public var seed: UInt64
  /// The moment the first study day begins (sessions start in the evening of each day, UTC).
  public var start: Date
  /// New cards per day.
  public var newPerDay: Int
  /// The chance of skipping a day.
  public var skipProbability: Double
  /// A quiz every this many days (0: never).
  public var quizEvery: Int
  /// Questions per quiz.
  public var quizSize: Int
  /// How much facts differ in difficulty and learners in ability: 0 makes the learner's memory exactly the
  /// scheduler's model (true retention then comes out at the desired retention); 1 (default) spreads card
  /// stabilities over about ×0.4…×2.
  public var spread = 1.0
  /// Whether the simulator adds the catalog's cards to the store itself (false when the caller synced the deck,
  /// as `annals study` does).
  public var syncsDeck = true

  /// Options with the given values; the defaults are a steady learner: 10 new cards a day, 1 day in 8 skipped,
  /// a 10-question quiz each week.
  public init(
    learner: String, days: Int = 60, desiredRetention: Double = 0.9, seed: UInt64 = 1, start: Date,
    newPerDay: Int = 10, skipProbability: Double = 0.125, quizEvery: Int = 7, quizSize: Int = 10
  ) {
    self.learner = learner
    self.days = days
    self.desiredRetention = desiredRetention
    self.seed = seed
    self.start = start
    self.newPerDay = newPerDay
    self.skipProbability = skipProbability
    self.quizEvery = quizEvery
    self.quizSize = quizSize
  }
}
