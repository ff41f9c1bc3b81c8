/// Why a date as written in a deck could not be read.
struct DateProblem: Error, Equatable {
  var message: String
  var hint: String
}

extension HistoricalDate {
  /// Reads `1993-04-03`, `1993-04` or `1993`, rejecting impossible days and months.
  static func parse(_ text: String) throws(DateProblem) -> HistoricalDate {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    let shapeHint = "write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 1993-04-03"
    guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) })
    else { throw DateProblem(message: "'\(text)' is not a date", hint: shapeHint) }
    guard parts[0].count == 4, let year = Int(parts[0]) else {
      throw DateProblem(message: "the year in '\(text)' must have four digits", hint: shapeHint)
    }
    guard parts.count > 1 else { return HistoricalDate(year: year) }
    guard parts[1].count == 2, let month = Int(parts[1]) else {
      throw DateProblem(message: "the month in '\(text)' must have two digits", hint: shapeHint)
    }
    guard (1...12).contains(month) else {
      throw DateProblem(message: "impossible date '\(text)': there is no month \(month)", hint: "months run 01 to 12")
    }
    guard parts.count > 2 else { return HistoricalDate(year: year, month: month) }
    guard parts[2].count == 2, let day = Int(parts[2]) else {
      throw DateProblem(message: "the day in '\(text)' must have two digits", hint: shapeHint)
    }
    let last = daysIn(month: month, year: year)
    guard (1...last).contains(day) else {
      throw DateProblem(
        message: "impossible date '\(text)': \(monthNames[month - 1]) \(year) has \(last) days",
        hint: "check the day against the source")
    }
    return HistoricalDate(year: year, month: month, day: day)
  }

  /// Days in a month of the proleptic Gregorian calendar.
  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// The first day this date can mean, as a comparable triple.
  var earliest: (Int, Int, Int) { (year, month ?? 1, day ?? 1) }

  /// The last day this date can mean, as a comparable triple.
  var latest: (Int, Int, Int) {
    let m = month ?? 12
    return (year, m, day ?? Self.daysIn(month: m, year: year))
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension DateSpec {
  /// Reads a deck's date: an optional qualifier (`by`, `circa`, `before`, `after`), then a date or a span
  /// `start/end`.
  static func parse(_ raw: String) throws(DateProblem) -> DateSpec {
    var text = raw.trimmingSpaces
    var qualifier = DateQualifier.exact
    for candidate in [DateQualifier.by, .circa, .before, .after] where text.hasPrefix(candidate.rawValue + " ") {
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
    guard !(end.latest < start.earliest) else {
      throw DateProblem(
        message: "impossible date: the span ends (\(end.iso)) before it starts (\(start.iso))",
        hint: "swap the two dates, or check them against the source")
    }
    self.end = end
  }
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
