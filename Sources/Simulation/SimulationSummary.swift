/// What a simulation did, day by day.
public struct SimulationSummary: Codable, Sendable, Equatable {
  /// One simulated study day.
  public struct Day: Codable, Sendable, Equatable {
    /// The study day, `YYYY-MM-DD`.
    public var date: String
    /// Answers given (learning steps included).
    public var reviews: Int
    /// New cards introduced.
    public var new: Int
    /// Seconds spent answering.
    public var seconds: Double
  }

  /// The learner.
  public var learner: String
  /// The desired retention used.
  public var desiredRetention: Double
  /// Every simulated day, skipped ones with zero reviews.
  public var days: [Day]
  /// Answers in all.
  public var totalReviews: Int
  /// Review-phase answers that passed, over review-phase answers: the measured true retention.
  public var trueRetention: Double?
  /// Quizzes taken.
  public var quizzes: Int

  /// Mean answers per simulated day.
  public var reviewsPerDay: Double { days.isEmpty ? 0 : Double(totalReviews) / Double(days.count) }
}
