/// A line reader that replays a fixed script, for tests of code written against `LineReader`.
public final class ScriptedLineReader: LineReader {
  /// The results still to come, first first.
  public private(set) var remaining: [ReadResult]
  /// Every prompt shown, in order.
  public private(set) var prompts: [String] = []
  /// Whether `close()` was called.
  public private(set) var closed = false
  public var completionWords: [String] = []

  /// A reader that returns `script` in order and then `.endOfInput` forever.
  public init(_ script: [ReadResult]) { remaining = script }

  /// A reader that returns each string as a typed line.
  public convenience init(lines: [String]) { self.init(lines.map { .line($0) }) }

  public func readLine(prompt: String, remember: Bool) -> ReadResult {
    prompts.append(prompt)
    return remaining.isEmpty ? .endOfInput : remaining.removeFirst()
  }

  public func close() { closed = true }
}
