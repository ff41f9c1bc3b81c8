import Foundation
import EventDeck

/// Reads a typed date: "3 April 1993", "April 3, 1993", "3 Apr 1993", "1993-04-03", "April 3rd 1993", "April 1993",
/// "by March 29, 1993", "circa 1991"; all-number dates like "3/4/1993" are ambiguous unless a part exceeds 12.
public enum DateReader {
  /// What a typed date says.
  public enum Reading: Sendable, Equatable {
    /// A date (the year taken from `assumedYear` when missing).
    case date(HistoricalDate, qualifier: DateQualifier, yearMissing: Bool)
    /// Day and month could be either way round ("3/4/1993").
    case ambiguous(HistoricalDate, HistoricalDate)
  }

  static let months: [String: Int] = {
    var table: [String: Int] = [:]
    let names = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
      "december",
    ]
    for (i, name) in names.enumerated() {
      table[name] = i + 1
      table[String(name.prefix(3))] = i + 1
    }
    table["sept"] = 9
    return table
  }()

  static let qualifiers: [([String], DateQualifier)] = [
    (["on", "or", "before"], .by), (["no", "later", "than"], .by), (["by"], .by), (["circa"], .circa), (["ca"], .circa),
    (["c"], .circa), (["around"], .circa), (["about"], .circa), (["approximately"], .circa), (["roughly"], .circa),
    (["before"], .before), (["after"], .after), (["on"], .exact), (["in"], .exact), (["the"], .exact),
  ]

  /// The date in `text`, or nil when it is not a date. `assumedYear` fills in "April 3".
  public static func read(_ text: String, assumedYear: Int? = nil) -> Reading? {
    let clipped = text.count > 100 ? String(text.prefix(100)) : text
    let lowered = clipped.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
    if let numeric = readNumeric(lowered) { return numeric }
    var words = NumberReader.tokenize(lowered).filter { !["of", "%", "st", "nd", "rd", "th"].contains($0) }
    var qualifier = DateQualifier.exact
    var changed = true
    while changed {
      changed = false
      for (prefix, q) in qualifiers where words.count > prefix.count && Array(words.prefix(prefix.count)) == prefix {
        words.removeFirst(prefix.count)
        if q != .exact { qualifier = q }
        changed = true
      }
    }
    var day: Int?
    var month: Int?
    var year: Int?
    for word in words {
      if let m = months[word], month == nil {
        month = m
      } else if let n = ordinal(word) {
        if n >= 32 || (day != nil && year == nil) {
          guard year == nil, n >= 100 || day != nil else { return nil }
          year = n
        } else if day == nil {
          day = n
        } else {
          return nil
        }
      } else if word == "the" || word == "ad" || word == "ce" {
        continue
      } else {
        return nil
      }
    }
    if month == nil, let d = day, year == nil, d >= 1000 { return nil }
    if month == nil, day != nil { return nil }
    var yearMissing = false
    if year == nil {
      guard month != nil, let assumedYear else { return nil }
      year = assumedYear
      yearMissing = true
    }
    guard let year else { return nil }
    if let day, let month, day > daysIn(month: month, year: year) { return nil }
    if let day, day < 1 { return nil }
    return .date(HistoricalDate(year: year, month: month, day: day), qualifier: qualifier, yearMissing: yearMissing)
  }

  /// "1993-04-03", "1993-04", "1993/04/03", "3/4/1993", "29.03.1993".
  static func readNumeric(_ s: String) -> Reading? {
    let parts = s.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
    guard parts.count >= 2, parts.count <= 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
      return nil
    }
    let n = parts.map { Int($0) ?? 0 }
    if parts[0].count == 4 {
      let y = n[0]
      guard (1...12).contains(n[1]) else { return nil }
      if parts.count == 3 {
        guard n[2] >= 1, n[2] <= daysIn(month: n[1], year: y) else { return nil }
        return .date(HistoricalDate(year: y, month: n[1], day: n[2]), qualifier: .exact, yearMissing: false)
      }
      return .date(HistoricalDate(year: y, month: n[1]), qualifier: .exact, yearMissing: false)
    }
    guard parts.count == 3, parts[2].count == 4 else { return nil }
    let y = n[2]
    let a = n[0]
    let b = n[1]
    let dayFirst = (1...12).contains(b) && a >= 1 && a <= daysIn(month: b, year: y)
    let monthFirst = (1...12).contains(a) && b >= 1 && b <= daysIn(month: a, year: y)
    switch (dayFirst, monthFirst) {
    case (true, true) where a != b:
      return .ambiguous(HistoricalDate(year: y, month: b, day: a), HistoricalDate(year: y, month: a, day: b))
    case (true, _): return .date(HistoricalDate(year: y, month: b, day: a), qualifier: .exact, yearMissing: false)
    case (false, true): return .date(HistoricalDate(year: y, month: a, day: b), qualifier: .exact, yearMissing: false)
    default: return nil
    }
  }

  /// "3", "3rd", "29th", "1993" → the number.
  static func ordinal(_ word: String) -> Int? {
    var digits = Substring(word)
    for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) && digits.count > 2 {
      digits = digits.dropLast(2)
      break
    }
    guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy(\.isASCIIDigit) else { return nil }
    return Int(digits)
  }

  static func daysIn(month: Int, year: Int) -> Int { HistoricalDate.daysIn(month: month, year: year) }
}

