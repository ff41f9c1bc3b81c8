/// The 21 FSRS-6 weights with their bounds and the learner's scheduling choices.
public struct FSRSParameters: Codable, Sendable, Equatable {
  /// FSRS-6's default weights w0…w20.
  public static let defaultWeights: [Double] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
  ]

  /// The lowest value each weight may take (py-fsrs `LOWER_BOUNDS_PARAMETERS`).
  public static let lowerBounds: [Double] = [
    0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
    0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
  ]

  /// The highest value each weight may take (py-fsrs `UPPER_BOUNDS_PARAMETERS`).
  public static let upperBounds: [Double] = [
    100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5,
    5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
  ]

  /// The 21 weights, always within bounds.
  public private(set) var weights: [Double]
  /// The probability of recall the scheduler aims for when a card comes back (0.7…0.99 is sensible).
  public var desiredRetention: Double
  /// Learning steps for new cards, in seconds (default 1 min, 10 min).
  public var learningSteps: [Double]
  /// Relearning steps after a lapse, in seconds (default 10 min).
  public var relearningSteps: [Double]
  /// The longest interval in days.
  public var maximumInterval: Int
  /// Whether review intervals are spread by a deterministic per-card fuzz.
  public var fuzz: Bool

  /// Parameters with the given weights, clipped to bounds; throws if there are not 21 finite weights.
  public init(
    weights: [Double] = FSRSParameters.defaultWeights,
    desiredRetention: Double = 0.9,
    learningSteps: [Double] = [60, 600],
    relearningSteps: [Double] = [600],
    maximumInterval: Int = 36500,
    fuzz: Bool = true
  ) throws(SchedulingError) {
    guard weights.count == 21 else { throw .invalidParameters("expected 21 FSRS weights, got \(weights.count)") }
    if let bad = weights.firstIndex(where: { !$0.isFinite }) {
      throw .invalidParameters("FSRS weight w\(bad) is not a finite number")
    }
    guard desiredRetention > 0, desiredRetention < 1 else {
      throw .invalidParameters("desired retention must be between 0 and 1 (exclusive), got \(desiredRetention)")
    }
    guard maximumInterval >= 1 else { throw .invalidParameters("maximum interval must be at least 1 day") }
    self.weights = Self.clipped(weights)
    self.desiredRetention = desiredRetention
    self.learningSteps = learningSteps
    self.relearningSteps = relearningSteps
    self.maximumInterval = maximumInterval
    self.fuzz = fuzz
  }

  /// The default parameters: default weights, retention 0.9, steps 1 m/10 m and 10 m, 36500 days, fuzz on.
  public static let `default` = try! FSRSParameters()

  /// `weights` with each value moved into its bounds.
  public static func clipped(_ weights: [Double]) -> [Double] {
    weights.indices.map { Swift.min(Swift.max(weights[$0], lowerBounds[$0]), upperBounds[$0]) }
  }
}
