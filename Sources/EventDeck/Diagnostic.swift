import TextKit

/// One problem found in a deck, with the place it was found and a hint on how to fix it.
public struct Diagnostic: Sendable, Codable, Equatable, CustomStringConvertible {
  /// How bad a problem is: errors stop a deck from loading, warnings do not.
  public enum Severity: String, Sendable, Codable, Equatable {
    case error, warning
  }

  public var severity: Severity
  public var message: String
  /// What to do about it; empty when there is nothing useful to add.
  public var hint: String
  public var location: SourceLocation

  public init(_ severity: Severity, _ message: String, hint: String = "", at location: SourceLocation) {
    self.severity = severity
    self.message = message
    self.hint = hint
    self.location = location
  }

  /// Compiler-style form, control characters from the deck shown as `TerminalText.sanitize` shows them (ESC as
  /// `^[`, bidi marks as `<U+202E>`): `file:line:column: error: message` then an indented `hint:` line.
  public var description: String {
    var s = "\(TerminalText.sanitize(location.description)): \(severity.rawValue): "
    s += TerminalText.sanitize(message)
    if !hint.isEmpty { s += "\n  hint: " + TerminalText.sanitize(hint) }
    return s
  }
}
