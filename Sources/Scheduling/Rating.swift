/// How well the learner recalled a card: Again (forgot), Hard, Good or Easy.
public enum Rating: Int, Codable, Sendable, CaseIterable, Comparable {
  case again = 1
  case hard = 2
  case good = 3
  case easy = 4

  /// The rating's name as the learner sees it ("again", "hard", "good", "easy").
  public var name: String {
    switch self {
    case .again: "again"
    case .hard: "hard"
    case .good: "good"
    case .easy: "easy"
    }
  }

  /// Orders ratings from Again to Easy.
  public static func < (lhs: Rating, rhs: Rating) -> Bool { lhs.rawValue < rhs.rawValue }
}
