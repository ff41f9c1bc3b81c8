import TextKit

/// Whose progress is being kept: a name safe to use as a file name in `Progress/`.
public struct Learner: Sendable, Equatable, CustomStringConvertible {
  public let name: String

  /// Checks the name: 1 to 64 letters, digits, '-', '_' or '.', not starting with '.'.
  public init(_ name: String) throws(WorkspaceError) {
    guard !name.isEmpty else { throw .invalidLearner(name: name, reason: "it is empty") }
    guard name.count <= 64 else { throw .invalidLearner(name: name, reason: "it is longer than 64 characters") }
    guard !name.hasPrefix(".") else { throw .invalidLearner(name: name, reason: "it starts with '.'") }
    if let bad = name.first(where: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }) {
      let shown = bad == "/" || bad == "\\" ? "a slash" : "'\(TerminalText.sanitize(String(bad)))'"
      throw .invalidLearner(name: name, reason: "it contains \(shown)")
    }
    self.name = name
  }

  /// The learner named by `--learner`, else `$USER` when that is a valid name, else "learner".
  public static func resolve(option: String?, environment: [String: String]) throws(WorkspaceError) -> Learner {
    if let option { return try Learner(option) }
    if let user = environment["USER"], let learner = try? Learner(user) { return learner }
    return try Learner("learner")
  }

  public var description: String { name }
}
