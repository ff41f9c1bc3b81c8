/// Why a date as written in a deck could not be read.
struct DateProblem: Error, Equatable {
  var message: String
  var hint: String
}

extension HistoricalDate {
  /// The forms a deck may write, for hints.
  static let formsHint =
    "write e.g. 1066-10-14, 1993-04, 1993, 476, 44 BC, summer 1992, winter 1993–1994, 1330s, late 1980s or 11th century"

  /// Reads a written date, or nil: every deck form (`1993-04-03`, `44 BC`, `summer 1992`, `late 1980s`,
  /// `11th century`) and the English ones (`April 3, 1993`, `3 April 1993`, `March 44 BC`, `the eleventh century`,
  /// `AD 476`, `476 CE`, `the summer of 1992`, `the 1330's`, `mid-1980s`). Case does not matter.
  public static func read(_ text: String) -> HistoricalDate? {
    try? parse(text)
  }

  /// Reads a date as `read(_:)` does, naming what is wrong with it.
  static func parse(_ text: String) throws(DateProblem) -> HistoricalDate {
    var grammar = DateGrammar(text)
    return try grammar.date()
  }
}

extension DateSpec {
  /// Reads a deck's `date:` text (an optional qualifier, then a date or a span `start/end`), or nil.
  public static func read(_ text: String) -> DateSpec? {
    try? parse(text)
  }

  /// Reads a deck's date: an optional qualifier (`by`, `circa`, `before`, `after`), then a date or a span
  /// `start/end`.
  static func parse(_ raw: String) throws(DateProblem) -> DateSpec {
    var text = raw.trimmingSpaces
    var qualifier = DateQualifier.exact
    for candidate in [DateQualifier.by, .circa, .before, .after]
    where text.lowercased().hasPrefix(candidate.rawValue + " ") {
      qualifier = candidate
      text = String(text.dropFirst(candidate.rawValue.count)).trimmingSpaces
      break
    }
    if text.isEmpty {
      throw DateProblem(message: "'\(raw)' has no date", hint: "write e.g. 'by 1993-03-29'")
    }
    let halves = text.split(separator: "/", omittingEmptySubsequences: false)
    guard halves.count <= 2 else {
      throw DateProblem(message: "'\(raw)' is not a date", hint: "a span is written start/end, e.g. 1993-02/1993-03")
    }
    let start = try HistoricalDate.parse(String(halves[0]).trimmingSpaces)
    var spec = DateSpec(start: start, qualifier: qualifier)
    if halves.count == 2 {
      let end = try HistoricalDate.parse(String(halves[1]).trimmingSpaces)
      try spec.setEnd(end, written: raw)
    }
    return spec
  }

  /// Sets the end of a span, rejecting one that ends before it starts.
  mutating func setEnd(_ end: HistoricalDate, written: String) throws(DateProblem) {
    guard end.latestDay >= start.earliestDay else {
      throw DateProblem(
        message: "impossible date: the span ends (\(end.iso)) before it starts (\(start.iso))",
        hint: "swap the two dates, or check them against the source")
    }
    self.end = end
  }
}

/// The grammar of one written date (no qualifier, no span), word by word.
struct DateGrammar {
  let text: String
  var words: [String]
  var bc = false
  var eraWritten = false
  var part: HistoricalDate.Part?

  init(_ text: String) {
    self.text = text.trimmingSpaces
    var words: [String] = []
    for raw in self.text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0.isNewline }) {
      var word = String(raw)
      // "44bc", "476ad": the era glued to the number.
      for era in ["bce", "bc", "ad", "ce"] where word.count > era.count && word.hasSuffix(era)
        && word.dropLast(era.count).allSatisfy(\.isASCIIDigit)
      {
        words.append(String(word.dropLast(era.count)))
        word = era
        break
      }
      words.append(word)
    }
    self.words = words
  }

  func problem(_ message: String? = nil, hint: String = HistoricalDate.formsHint) -> DateProblem {
    DateProblem(message: message ?? "'\(text)' is not a date", hint: hint)
  }

  /// The era word a token spells ("b.c." → "bc"), or nil.
  static func era(_ word: String) -> Bool? {
    switch word.filter({ $0 != "." }) {
    case "bc", "bce": return true
    case "ad", "ce": return false
    default: return nil
    }
  }

  mutating func date() throws(DateProblem) -> HistoricalDate {
    guard !words.isEmpty else { throw problem() }
    // The era, before or after the rest: "44 BC", "AD 476", "476 CE".
    if let last = words.last, let isBC = Self.era(last), words.count > 1 {
      bc = isBC
      eraWritten = true
      words.removeLast()
    } else if let first = words.first, let isBC = Self.era(first), words.count > 1 {
      bc = isBC
      eraWritten = true
      words.removeFirst()
    }
    if words.contains(where: { Self.era($0) != nil }) { throw problem() }
    words.removeAll { $0 == "of" }
    if words.first == "the" { words.removeFirst() }
    // Early, mid or late: "late 1980s", "mid-1980s", "early 11th century".
    if let first = words.first {
      for candidate in HistoricalDate.Part.allCases {
        if first == candidate.rawValue, words.count > 1 {
          part = candidate
          words.removeFirst()
        } else if first.hasPrefix(candidate.rawValue + "-"), first.count > candidate.rawValue.count + 1 {
          part = candidate
          words[0] = String(first.dropFirst(candidate.rawValue.count + 1))
        }
      }
    }
    guard !words.isEmpty else { throw problem() }
    if words.last == "century" { return try century(Array(words.dropLast())) }
    if words.count == 1, let decade = try decade(words[0]) { return decade }
    if part != nil {
      throw problem(
        "'\(text)': early, mid and late go with a decade or a century",
        hint: "write e.g. late 1980s or early 11th century, or the year alone")
    }
    if let season = Self.season(words[0]) { return try self.season(season, Array(words.dropFirst())) }
    if words.contains(where: { HistoricalDate.month(named: $0) != nil }) { return try monthNamed() }
    guard words.count == 1 else { throw problem() }
    return try numeric(words[0])
  }

  /// A year as written in digits, with the era applied.
  func year(_ digits: Substring, whole: String) throws(DateProblem) -> Int {
    if digits.first == "-" {
      throw problem("'\(text)' has a negative year", hint: "write years before AD 1 with BC: 44 BC, not -44")
    }
    guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { throw problem() }
    guard digits.count <= 9, let n = Int(digits) else {
      throw problem("the year in '\(text)' is too large", hint: "years have at most nine digits")
    }
    guard n != 0 else {
      throw problem("impossible date '\(text)': there is no year 0", hint: "1 BC is followed directly by AD 1")
    }
    return bc ? -n : n
  }

  /// `1993-04-03`, `1993-04`, `1993`, `476`, `44-03-15` (with BC).
  func numeric(_ word: String) throws(DateProblem) -> HistoricalDate {
    let parts = word.split(separator: "-", omittingEmptySubsequences: false)
    let shapeHint = "write YYYY-MM-DD, YYYY-MM or a year, e.g. 1993-04-03, 1993-04, 476 or 44 BC"
    if word.hasPrefix("-"), parts.count >= 2, parts[1].allSatisfy(\.isASCIIDigit), !parts[1].isEmpty {
      throw problem("'\(text)' has a negative year", hint: "write years before AD 1 with BC: 44 BC, not -44")
    }
    guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) })
    else { throw problem(hint: HistoricalDate.formsHint) }
    let year = try year(parts[0], whole: word)
    guard parts.count > 1 else { return HistoricalDate(year: year) }
    guard parts[1].count == 2, let month = Int(parts[1]) else {
      throw problem("the month in '\(text)' must have two digits", hint: shapeHint)
    }
    guard (1...12).contains(month) else {
      throw problem("impossible date '\(text)': there is no month \(month)", hint: "months run 01 to 12")
    }
    guard parts.count > 2 else { return HistoricalDate(year: year, month: month) }
    guard parts[2].count == 2, let day = Int(parts[2]) else {
      throw problem("the day in '\(text)' must have two digits", hint: shapeHint)
    }
    return try checked(year: year, month: month, day: day)
  }

  /// The day, checked against its month.
  func checked(year: Int, month: Int, day: Int) throws(DateProblem) -> HistoricalDate {
    let last = HistoricalDate.daysIn(month: month, year: year)
    guard (1...last).contains(day) else {
      throw problem(
        "impossible date '\(text)': \(HistoricalDate.monthNames[month - 1]) \(HistoricalDate.yearText(year)) has \(last) days",
        hint: "check the day against the source")
    }
    return HistoricalDate(year: year, month: month, day: day)
  }

  /// `April 1993`, `April 3, 1993`, `3 April 1993`, `April 3rd 1993`, `15 March 44 BC`.
  func monthNamed() throws(DateProblem) -> HistoricalDate {
    var month: Int?
    var numbers: [Substring] = []
    for word in words {
      if month == nil, let m = HistoricalDate.month(named: word.hasSuffix(".") ? String(word.dropLast()) : word) {
        month = m
      } else {
        numbers.append(Substring(word))
      }
    }
    // A day may carry an ordinal ending ("3rd"); the year, last, may not.
    if numbers.count == 2 {
      for suffix in ["st", "nd", "rd", "th"] where numbers[0].hasSuffix(suffix) && numbers[0].count > 2 {
        numbers[0] = numbers[0].dropLast(2)
      }
    }
    guard numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { throw problem() }
    guard let month, (1...2).contains(numbers.count) else {
      throw problem("'\(text)' has no year", hint: "write the year too, e.g. April 3, 1993")
    }
    let year = try year(numbers.last!, whole: text)
    guard numbers.count == 2 else { return HistoricalDate(year: year, month: month) }
    guard let day = Int(numbers[0]), numbers[0].count <= 2 else { throw problem() }
    return try checked(year: year, month: month, day: day)
  }

  static func season(_ word: String) -> HistoricalDate.Season? {
    word == "fall" ? .autumn : HistoricalDate.Season(rawValue: word)
  }

  /// `summer 1992`, `winter 1993–1994`, `winter 1993-94`, `summer 44 BC`.
  func season(_ season: HistoricalDate.Season, _ rest: [String]) throws(DateProblem) -> HistoricalDate {
    let joined = rest.joined()
    let years = joined.split(whereSeparator: { $0 == "-" || $0 == "\u{2013}" || $0 == "\u{2014}" })
    guard (1...2).contains(years.count), !joined.hasPrefix("-") else {
      throw problem(hint: "write a season and its year, e.g. summer 1992 or winter 1993–1994")
    }
    let first = try year(years[0], whole: joined)
    if season != .winter {
      guard years.count == 1 else {
        throw problem(
          "'\(text)': only a winter spans two years", hint: "write \(season.rawValue) \(years[0])")
      }
      return HistoricalDate(season: season, year: first)
    }
    let next = HistoricalDate.year(after: first)
    guard years.count == 2 else {
      let later = bc ? "\(-first)–\(-next) BC" : "\(first)–\(next)"
      let earlier = HistoricalDate.year(first, plus: -1)
      let before = bc ? "\(-earlier)–\(-first) BC" : "\(earlier)–\(first)"
      throw problem(
        "'\(text)': a winter spans two years", hint: "write winter \(before) or winter \(later) (December to February)")
    }
    var second = years[1]
    // "1993-94": the second year's last digits.
    if !bc, second.count < years[0].count, second.count == 2, let n = Int(second) {
      let century = first / 100 * 100
      second = Substring(String(century + n < first ? century + 100 + n : century + n))
    }
    guard (try? year(second, whole: joined)) == next else {
      throw problem(
        "impossible date '\(text)': a winter runs from one year into the next",
        hint: "write two years in a row, e.g. winter 1993–1994")
    }
    return HistoricalDate(season: .winter, year: first)
  }

  /// `1330s`, `1330's`, `40s` (with BC); nil when the word is not a decade at all.
  func decade(_ word: String) throws(DateProblem) -> HistoricalDate? {
    guard word.hasSuffix("s"), word.count > 1 else { return nil }
    var digits = word.dropLast()
    if digits.hasSuffix("'") || digits.hasSuffix("\u{2019}") { digits = digits.dropLast() }
    guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
    guard digits.count <= 9, let n = Int(digits) else { throw problem("the year in '\(text)' is too large", hint: "years have at most nine digits") }
    guard n % 10 == 0 else {
      throw problem(
        "'\(text)' is not a decade: a decade is named by a year ending in 0",
        hint: "write e.g. \(n / 10 * 10)s for the years \(n / 10 * 10)–\(n / 10 * 10 + 9)")
    }
    guard n > 0 else {
      throw problem(
        "impossible date '\(text)': there is no decade '0s'", hint: "there was no year 0: write a span, e.g. 1/9")
    }
    return HistoricalDate(decade: bc ? -n : n, part: part)
  }

  /// `11th century`, `eleventh century`, `twenty-first century`, `5th century BC`.
  func century(_ ordinal: [String]) throws(DateProblem) -> HistoricalDate {
    let hint = "write e.g. 11th century, early 5th century BC or the eleventh century"
    guard let n = Self.ordinalNumber(ordinal) else { throw problem(hint: hint) }
    guard n > 0 else { throw problem("impossible date '\(text)': there is no 0th century", hint: hint) }
    guard n <= 9_999_999 else { throw problem("the century in '\(text)' is too large", hint: hint) }
    return HistoricalDate(century: bc ? -n : n, part: part)
  }

  static let ordinalWords = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth",
  ]

  /// "11th", "eleventh", "twenty-first", "twenty first", "21" → the number.
  static func ordinalNumber(_ words: [String]) -> Int? {
    let joined = words.joined(separator: "-")
    if let i = ordinalWords.firstIndex(of: joined) { return i + 1 }
    if joined.hasPrefix("twenty-"), let i = ordinalWords.prefix(9).firstIndex(of: String(joined.dropFirst(7))) {
      return 21 + i
    }
    var digits = Substring(joined)
    for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) {
      digits = digits.dropLast(2)
      break
    }
    guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy(\.isASCIIDigit) else { return nil }
    return Int(digits)
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
  /// Without leading and trailing spaces, tabs and newlines.
  var trimmingSpaces: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return String(self[first...last])
  }
}
