import Foundation
import TextKit

/// Reads a number written as digits or words, with its unit: "60,000", "60 000", "60k", "sixty thousand",
/// "about 60,000", "29 km", "twenty-nine kilometres", "1.9 thousand", "76%".
public enum NumberReader {
  /// A number found in an answer.
  public struct Reading: Sendable, Equatable {
    public var value: Double
    /// The words after the number, in comparison form ("km", "square kilometres"); nil when none.
    public var unit: String?
    /// The answer hedged it ("about", "more than", "nearly").
    public var hedged: Bool

    public init(value: Double, unit: String?, hedged: Bool) {
      self.value = value
      self.unit = unit
      self.hedged = hedged
    }
  }

  static let small: [String: Double] = [
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "dozen": 12,
  ]
  static let scales: [String: Double] = ["hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000]
  static let hedges: [[String]] = [
    ["more", "than"], ["less", "than"], ["fewer", "than"], ["as", "many", "as"], ["at", "least"], ["an", "estimated"],
    ["about"], ["approximately"], ["approx"], ["around"], ["roughly"], ["some"], ["circa"], ["ca"], ["c"], ["nearly"],
    ["almost"], ["over"], ["under"], ["estimated"], ["up", "to"], ["just"], ["only"], ["exactly"],
  ]

  /// Spaces and signs read as their plain forms, and the separators dropped inside a run of digits.
  static let readingReplacements = Replacements([
    "~": " ", "\u{00A0}": " ", "\u{202F}": " ", "\u{2009}": " ", "²": "2", "−": "-",
  ])
  static let digitSeparators = Replacements(["_": "", "'": ""])

  /// Text replacements, each key marked with whether ASCII text can hold it: when the key is ASCII, or its
  /// canonical decomposition is (a search finds canonically equal text).
  struct Replacements: Sendable {
    let pairs: [(from: String, to: String, inASCII: Bool)]

    init(_ pairs: KeyValuePairs<String, String>) {
      self.pairs = pairs.map { from, to in
        let ascii = { (text: String) in text.utf8.allSatisfy { $0 < 0x80 } }
        return (from, to, ascii(from) || ascii(from.decomposedStringWithCanonicalMapping))
      }
    }
  }

  /// The number in `text`, or nil when there is none (or more than one reading is plausible).
  public static func read(_ text: String) -> Reading? {
    let clipped = text.count > AnswerText.maximumLength ? String(text.prefix(AnswerText.maximumLength)) : text
    var s = clipped.lowercased()
    var hedged = false
    let isASCII = s.utf8.allSatisfy { $0 < 0x80 }
    if (isASCII ? s.utf8.contains(0x7E) : s.contains("~")) {
      hedged = true
    }
    s = s.replacingAll(Self.readingReplacements)
    // Split into number-ish tokens keeping digits, separators and letters apart.
    var tokens = tokenize(s)
    // Hedge words at the front.
    var changed = true
    while changed {
      changed = false
      for hedge in hedges where tokens.count > hedge.count && Array(tokens.prefix(hedge.count)) == hedge {
        // "a" and "an" also start "a hundred": only drop "an estimated".
        tokens.removeFirst(hedge.count)
        hedged = true
        changed = true
      }
    }
    guard let first = tokens.first else { return nil }
    var value: Double
    var rest: ArraySlice<String>
    if let digits = parseDigits(first) {
      value = digits
      rest = tokens.dropFirst()
      // "60 000": a group of exactly three digits after a number below 1000 is a thousands group.
      while let next = rest.first, next.count == 3, next.allSatisfy(\.isASCIIDigit), value < 1_000_000_000,
        value == value.rounded(), first.count <= 3 || value >= 1000
      {
        value = value * 1000 + Double(next)!
        rest = rest.dropFirst()
      }
      if let suffix = rest.first {
        if suffix == "k" || suffix == "thousand" {
          value *= 1_000
          rest = rest.dropFirst()
        } else if suffix == "million" || suffix == "mn" {
          value *= 1_000_000
          rest = rest.dropFirst()
        } else if suffix == "hundred" {
          value *= 100
          rest = rest.dropFirst()
        }
      }
    } else if let (words, used) = parseWords(tokens) {
      value = words
      rest = tokens.dropFirst(used)
    } else {
      return nil
    }
    let unitWords = rest.filter { $0 != "." && $0 != "," }
    let unit = unitWords.isEmpty ? nil : unitWords.joined(separator: " ")
    return Reading(value: value, unit: unit, hedged: hedged)
  }

  /// "60,000" → 60000, "1.9" → 1.9, "60k" → 60000, "3,000km" handled by the tokenizer.
  static func parseDigits(_ token: String) -> Double? {
    guard let c = token.first, c.isASCIIDigit || c == "." else { return nil }
    var cleaned = ""
    let parts = token.split(separator: ",", omittingEmptySubsequences: false)
    if parts.count > 1 {
      // Commas must separate groups of three: "60,000", not "6,0".
      guard parts.dropFirst().allSatisfy({ $0.prefix(3).count == 3 && $0.prefix(3).allSatisfy(\.isASCIIDigit) }) else {
        return nil
      }
      cleaned = parts.joined()
    } else {
      cleaned = token
    }
    cleaned = cleaned.replacingAll(Self.digitSeparators)
    return Double(cleaned)
  }

  /// Number words from the start of `tokens`: "sixty thousand", "twenty nine", "one hundred and five", "a dozen".
  static func parseWords(_ tokens: [String]) -> (Double, Int)? {
    var total = 0.0
    var current = 0.0
    var used = 0
    var any = false
    for (i, token) in tokens.enumerated() {
      if let v = small[token] {
        if (token == "a" || token == "an"), i + 1 < tokens.count, scales[tokens[i + 1]] == nil, tokens[i + 1] != "dozen" {
          break
        }
        if token == "dozen" { current = max(current, 1) * 12 } else { current += v }
        any = true
        used = i + 1
      } else if let scale = scales[token], any || token == "hundred" {
        current = max(current, 1) * (scale == 100 ? 100 : 1)
        if scale > 100 {
          total += current * scale
          current = 0
        }
        any = true
        used = i + 1
      } else if token == "and" || token == "-", any, i + 1 < tokens.count, small[tokens[i + 1]] != nil {
        continue
      } else {
        break
      }
    }
    guard any else { return nil }
    return (total + current, used)
  }

  /// Words, digit runs (with `,` and `.` inside) and symbols as separate tokens.
  static func tokenize(_ s: String) -> [String] {
    var tokens: [String] = []
    var current = ""
    var currentIsDigit = false
    func flush() {
      if !current.isEmpty { tokens.append(current) }
      current = ""
    }
    let chars = Array(s)
    for (i, c) in chars.enumerated() {
      if c.isASCIIDigit || ((c == "," || c == ".") && currentIsDigit && i + 1 < chars.count && chars[i + 1].isASCIIDigit) {
        if !currentIsDigit { flush() }
        currentIsDigit = true
        current.append(c)
      } else if c.isLetter {
        if currentIsDigit { flush() }
        currentIsDigit = false
        current.append(c)
      } else if c == "%" {
        flush()
        tokens.append("%")
        currentIsDigit = false
      } else {
        flush()
        currentIsDigit = false
      }
    }
    flush()
    return tokens
  }

  /// Canonical unit for comparisons: "kilometres", "km", "kilometers" → "km"; nil for unknown words.
  public static func canonicalUnit(_ words: String?) -> String? {
    guard let words else { return nil }
    if words.contains("%") { return "%" }
    let w = AnswerText.tokens(words)
    guard !w.isEmpty else { return nil }
    let joined = w.joined(separator: " ")
    let table: [(String, [String])] = [
      ("km2", ["square kilometres", "square kilometers", "square kilometre", "square kilometer", "km2", "sq km", "square km", "sqkm"]),
      ("mi2", ["square miles", "square mile", "sq mi"]),
      ("km", ["kilometres", "kilometers", "kilometre", "kilometer", "km", "kms"]),
      ("mi", ["miles", "mile", "mi"]),
      ("m", ["metres", "meters", "metre", "meter"]),
      ("%", ["%", "percent", "per cent", "pc"]),
      ("h", ["hours", "hour", "hrs", "hr", "h"]),
      ("min", ["minutes", "minute", "mins", "min"]),
      ("d", ["days", "day"]),
      ("wk", ["weeks", "week"]),
      ("mo", ["months", "month"]),
      ("y", ["years", "year", "yrs"]),
    ]
    let compact = w.joined()
    for (canonical, forms) in table {
      for form in forms where compact == form.replacingOccurrences(of: " ", with: "") { return canonical }
    }
    for (canonical, forms) in table {
      for form in forms where joined == form || joined.hasPrefix(form + " ") { return canonical }
    }
    if joined == "%" { return "%" }
    return nil
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
  /// Every key of `table` replaced by its text. In ASCII text, keys it cannot hold are passed over without a
  /// search, and a key of one ASCII byte is looked for byte by byte (Foundation's search bridges to NSString).
  func replacingAll(_ table: NumberReader.Replacements) -> String {
    var s = self
    let isASCII = s.utf8.allSatisfy { $0 < 0x80 }
    for (from, to, inASCII) in table.pairs {
      if isASCII {
        guard inASCII else { continue }
        if from.utf8.count == 1, let byte = from.utf8.first {
          guard s.utf8.contains(byte) else { continue }
        }
      }
      if s.contains(from) { s = s.replacingOccurrences(of: from, with: to) }
    }
    return s
  }
}
