/// What one read from a line reader produced.
public enum ReadResult: Equatable, Sendable {
  /// A line the user entered, without its newline.
  case line(String)
  /// Ctrl-C: the line being typed, `discarded`, was thrown away.
  case interrupted(discarded: String)
  /// Ctrl-D on an empty line, or the end of piped input.
  case endOfInput
  /// SIGTERM or SIGHUP arrived: the session should save and end.
  case terminated(signal: Int32)
}

/// A source of typed lines: libedit on a terminal, plain reading from a pipe, or a script in tests.
///
/// A study session is written against this protocol, so it runs the same in a terminal and in a unit test.
public protocol LineReader: AnyObject {
  /// Shows `prompt` and reads one line; `remember` puts it in the history for the Up arrow.
  func readLine(prompt: String, remember: Bool) -> ReadResult
  /// Words offered by Tab completion (where the reader completes at all).
  var completionWords: [String] { get set }
  /// Saves history and releases the terminal; reading after this is an error.
  func close()
}

extension LineReader {
  /// Shows `prompt` and reads one line, remembered in the history.
  public func readLine(prompt: String) -> ReadResult { readLine(prompt: prompt, remember: true) }
}

/// Errors from setting up line editing.
public enum LineEditingError: Error, CustomStringConvertible, Equatable {
  /// libedit could not be initialised on the terminal.
  case initFailed(String)
  /// A libedit or history call returned an error code.
  case callFailed(call: String, code: Int32)

  public var description: String {
    switch self {
    case .initFailed(let why): "cannot start line editing: \(why)"
    case .callFailed(let call, let code): "line editing call \(call) failed with code \(code)"
    }
  }
}
