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

  /// Compiler-style form, control characters from the deck shown visibly:
  /// `file:line:column: error: message` then an indented `hint:` line when there is a hint.
  public var description: String {
    var s = "\(location.description.visibleControlCharacters): \(severity.rawValue): "
    s += message.visibleControlCharacters
    if !hint.isEmpty { s += "\n  hint: " + hint.visibleControlCharacters }
    return s
  }
}

extension String {
  /// This text with control characters (escape, bell, carriage return, newline, bidi overrides...) written as
  /// visible escapes (`\u{1B}`), so deck text can never drive the terminal.
  public var visibleControlCharacters: String {
    var out = ""
    out.reserveCapacity(utf8.count)
    for scalar in unicodeScalars {
      switch scalar.properties.generalCategory {
      case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse:
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      default:
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
