/// Text for the terminal: deck strings made harmless, wrapping to a width, and colour only where wanted.
///
/// Every place that writes deck or user text to a terminal (study, quiz, reports, diagnostics, errors) shows its
/// control characters through `sanitize`, so there is one spelling of an escape everywhere.
public enum TerminalText {
  /// Shows every control character of `text` as visible text, so nothing from a deck can drive the terminal.
  ///
  /// C0 controls and DEL become caret notation (ESC → `^[`, BEL → `^G`, DEL → `^?`); C1 controls, line and
  /// paragraph separators and invisible format characters (the bidi embedding, override and isolate marks,
  /// zero-width space, byte-order mark, soft hyphen...) become `<U+XXXX>`. Tabs and line breaks become single
  /// spaces. The zero-width joiner and non-joiner stay, as scripts and emoji need them.
  ///
  /// ```swift
  /// TerminalText.sanitize("\u{1B}[31mred")  // "^[[31mred"
  /// ```
  public static func sanitize(_ text: String) -> String {
    // Printable ASCII (nearly all deck text) is already safe: one pass over the bytes, no copy.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
    var result = ""
    result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      let value = scalar.value
      switch value {
      case 0x09, 0x0A, 0x0D:
        result.unicodeScalars.append(" ")
      case 0x00..<0x20:
        result += "^" + String(UnicodeScalar(UInt8(value + 0x40)))
      case 0x7F:
        result += "^?"
      case 0x20..<0x7F, 0xA0..<0xAD, 0x200C, 0x200D, 0xE0020...0xE007F:
        result.unicodeScalars.append(scalar)
      case 0x80..<0xA0, 0x2028, 0x2029:
        result += "<U+" + hex(value) + ">"
      default:
        if scalar.properties.generalCategory == .format {
          result += "<U+" + hex(value) + ">"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// Word-wraps `text` to `width` columns, starting continuation lines with `indent`; existing newlines stay.
  public static func wrap(_ text: String, width: Int, indent: String = "") -> String {
    let width = max(width, indent.count + 10)
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let leading = String(paragraph.prefix { $0 == " " })
      var line = leading
      var hasWord = false
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
        if !hasWord {
          line += word
          hasWord = true
        } else if line.count + 1 + word.count > width {
          lines.append(line)
          line = indent + word
        } else {
          line += " " + word
        }
      }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  /// Whether colour codes may be written: output is a terminal, `NO_COLOR` is unset or empty, `TERM` is not dumb.
  public static func colourEnabled(outputIsTerminal: Bool, environment: [String: String]) -> Bool {
    guard outputIsTerminal else { return false }
    if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
    if environment["TERM"] == "dumb" { return false }
    return true
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
