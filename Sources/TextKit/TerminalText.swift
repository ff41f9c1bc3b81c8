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

  /// `sanitize(text)`'s UTF-8 bytes appended to `out`: printable ASCII copied as it is, without making a string
  /// (a listing of a library's cards writes some 300,000 lines).
  /// Other text that `sanitize` leaves as it is (an arrow, accented names) is copied as it is too, after one look
  /// at its scalars.
  public static func appendSanitized(_ text: String, to out: inout [UInt8]) {
    var text = text
    let copied = text.withUTF8 { bytes -> Bool in
      var high = false
      for byte in bytes {
        if byte >= 0x80 {
          high = true
        } else if byte < 0x20 || byte == 0x7F {
          return false
        }
      }
      if high, String(decoding: bytes, as: UTF8.self).unicodeScalars.contains(where: isShownOtherwise) { return false }
      out.append(contentsOf: bytes)
      return true
    }
    if !copied { out.append(contentsOf: sanitize(text).utf8) }
  }

  /// Whether `sanitize` writes `scalar` as something else (caret notation, `<U+XXXX>`, a space).
  static func isShownOtherwise(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20..<0x7F, 0xA0..<0xAD, 0x200C, 0x200D, 0xE0020...0xE007F: return false
    case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029: return true
    default: return scalar.properties.generalCategory == .format
    }
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
