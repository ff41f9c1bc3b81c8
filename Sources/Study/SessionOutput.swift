/// Where a session writes its text: the terminal in the command, a buffer in tests.
public protocol SessionOutput: AnyObject {
  /// Writes `text` as is (the session adds its own newlines).
  func write(_ text: String)
}

/// Collects a session's output in memory, for tests.
public final class BufferedOutput: SessionOutput {
  /// Everything written so far.
  public private(set) var text = ""
  /// An empty buffer.
  public init() {}
  public func write(_ text: String) { self.text += text }
}

/// Errors that end a session or a quiz.
public enum StudyError: Error, CustomStringConvertible {
  /// The progress store failed; what was answered before is saved.
  case store(String)
  /// The selection holds no cards.
  case noCards(String)

  public var description: String {
    switch self {
    case .store(let message): message
    case .noCards(let message): message
    }
  }
}
