import EventDeck

/// Reads a date as a learner types it, for the answer checker and the reports' confusion notes.
///
/// Every form the deck grammar knows (`HistoricalDate.read`) plus what people type around it: hedges ("around",
/// "c.", "ca.", "no later than"), "in"/"on"/"the", "B.C."/"BCE"/"AD"/"CE" either side, "11th c.", "the 1330's",
/// ordinal days ("the 3rd of April, 1993"), all-number days ("3/4/1993", ambiguous unless a part exceeds 12,
/// "29.03.1993", "1993/04/03"), a missing year ("April 3", filled from `assumedYear`) and "winter 1993"
/// (either of the two winters touching 1993).
public enum TypedDateReader {
  /// What a typed date says.
  public enum Reading: Sendable, Equatable {
    /// A date (the year taken from `assumedYear` when missing).
    case date(HistoricalDate, qualifier: DateQualifier, yearMissing: Bool)
    /// Two readings are possible: day and month either way round ("3/4/1993"), or the two winters touching a
    /// year ("winter 1993").
    case ambiguous(HistoricalDate, HistoricalDate)
  }

  /// Hedges a learner puts before a date, longest first.
  static let qualifiers: [([String], DateQualifier)] = [
    (["on", "or", "before"], .by), (["no", "later", "than"], .by), (["some", "time", "in"], .exact),
    (["sometime", "in"], .exact), (["by"], .by), (["circa"], .circa), (["ca"], .circa), (["c"], .circa),
    (["around"], .circa), (["about"], .circa), (["approximately"], .circa), (["roughly"], .circa),
    (["before"], .before), (["after"], .after), (["on"], .exact), (["in"], .exact), (["during"], .exact),
    (["the"], .exact), (["of"], .exact),
  ]

  /// The date in `text`, or nil when it is not a date. `assumedYear` (as written, negative for BC) fills in
  /// "April 3".
  public static func read(_ text: String, assumedYear: Int? = nil) -> Reading? {
    let clipped = text.count > 100 ? String(text.prefix(100)) : text
    let lowered = clipped.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
    let trimmed = lowered.trimmingSpaces
    if let numeric = readNumeric(trimmed) { return numeric }
    var words = self.words(trimmed)
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
    guard !words.isEmpty else { return nil }
    // "11th c.", "11th cent." → century; "c. 1200" was taken as a hedge above.
    if let last = words.last, ["c", "cent", "centuries"].contains(last), words.count >= 2 {
      words[words.count - 1] = "century"
    }
    // "winter 1993": either winter touching the year.
    if let season = words.first, season == "winter", words.count >= 2,
      let year = HistoricalDate.read(words.joined(separator: " ").replacingOccurrences(of: "winter", with: "")),
      year.precision == .year
    {
      let earlier = HistoricalDate(season: .winter, year: HistoricalDate.year(year.year, plus: -1))
      return .ambiguous(earlier, HistoricalDate(season: .winter, year: year.year))
    }
    var yearMissing = false
    if let assumedYear, needsYear(words) {
      words += assumedYear < 0 ? [String(-assumedYear), "bc"] : [String(assumedYear)]
      yearMissing = true
    }
    guard let date = HistoricalDate.read(words.joined(separator: " ")) else { return nil }
    return .date(date, qualifier: qualifier, yearMissing: yearMissing)
  }

  /// Lower-case words without commas, end punctuation or "of": "B.C." stays whole ("b.c."), "Apr." loses its stop.
  static func words(_ text: String) -> [String] {
    var out: [String] = []
    for raw in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == ";" || $0.isNewline }) {
      var word = String(raw)
      let era = word.filter { $0 != "." }
      if ["bc", "bce", "ad", "ce"].contains(era) {
        out.append(era)
        continue
      }
      while let last = word.last, [".", "!", "?", ":", ")", "("].contains(last) { word.removeLast() }
      while let first = word.first, ["(", "'"].contains(first), word.count > 1, !word.dropFirst().allSatisfy(\.isNumber) {
        word.removeFirst()
      }
      if !word.isEmpty, word != "of" { out.append(word) }
    }
    return out
  }

  /// Whether the words name a month and, at most, a day, so the year must come from the question.
  static func needsYear(_ words: [String]) -> Bool {
    guard words.contains(where: { HistoricalDate.month(named: $0) != nil }) else { return false }
    let numbers = words.filter { HistoricalDate.month(named: $0) == nil }
    if numbers.isEmpty { return true }
    guard numbers.count == 1, let day = ordinal(numbers[0]) else { return false }
    return day <= 31 && !["bc", "ad", "bce", "ce"].contains(numbers[0])
  }

  /// "3", "3rd", "29th" → the number.
  static func ordinal(_ word: String) -> Int? {
    var digits = Substring(word)
    for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) && digits.count > 2 {
      digits = digits.dropLast(2)
      break
    }
    guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(digits)
  }

  /// "1993/04/03", "3/4/1993", "29.03.1993", "1993.04.03" (dashes are the deck grammar's).
  static func readNumeric(_ s: String) -> Reading? {
    guard s.contains("/") || s.contains(".") else { return nil }
    let parts = s.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
    guard parts.count >= 2, parts.count <= 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
    else { return nil }
    let n = parts.map { Int($0) ?? 0 }
    func day(_ y: Int, _ m: Int, _ d: Int) -> HistoricalDate? {
      guard y > 0, (1...12).contains(m), d >= 1, d <= HistoricalDate.daysIn(month: m, year: y) else { return nil }
      return HistoricalDate(year: y, month: m, day: d)
    }
    if parts[0].count == 4 {
      if parts.count == 3 {
        return day(n[0], n[1], n[2]).map { .date($0, qualifier: .exact, yearMissing: false) }
      }
      guard (1...12).contains(n[1]), n[0] > 0 else { return nil }
      return .date(HistoricalDate(year: n[0], month: n[1]), qualifier: .exact, yearMissing: false)
    }
    guard parts.count == 3, parts[2].count == 4 else { return nil }
    let dayFirst = day(n[2], n[1], n[0])
    let monthFirst = day(n[2], n[0], n[1])
    switch (dayFirst, monthFirst) {
    case (let a?, let b?) where a != b: return .ambiguous(a, b)
    case (let a?, _): return .date(a, qualifier: .exact, yearMissing: false)
    case (nil, let b?): return .date(b, qualifier: .exact, yearMissing: false)
    default: return nil
    }
  }
}

extension String {
  /// Without leading and trailing spaces, tabs and newlines.
  fileprivate var trimmingSpaces: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return String(self[first...last])
  }
}
