/// What can go wrong when fitting, evaluating or simulating FSRS parameters.
public enum OptimizerError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The log has too few reviews with a gap of at least one day to fit or evaluate anything.
  case notEnoughData(samples: Int, needed: Int)
  /// Parameters that are not 21 finite numbers.
  case invalidParameters(String)

  /// A readable description.
  public var description: String {
    switch self {
    case .notEnoughData(let samples, let needed):
      "not enough data: \(samples) reviews with a gap of at least one day, at least \(needed) needed"
    case .invalidParameters(let message): message
    }
  }
}
