/// What can go wrong when configuring a scheduler or reading a review log.
public enum SchedulingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Parameters out of range or malformed.
  case invalidParameters(String)
  /// A review log that cannot be read, with its line (1-based) and a hint.
  case invalidReviewLog(line: Int, message: String)
  /// A review log file with a problem at a line (1-based).
  case invalidReviewLogFile(path: String, line: Int, message: String)
  /// A review log file that cannot be read at all.
  case unreadableReviewLog(path: String, message: String)

  /// A readable description.
  public var description: String {
    switch self {
    case .invalidParameters(let message): message
    case .invalidReviewLog(let line, let message): "line \(line): \(message)"
    case .invalidReviewLogFile(let path, let line, let message): "\(path):\(line): \(message)"
    case .unreadableReviewLog(let path, let message): "cannot read \(path): \(message)"
    }
  }
}
