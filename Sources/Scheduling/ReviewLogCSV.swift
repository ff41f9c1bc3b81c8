import Foundation

/// Reads review logs in the fsrs CSV form: a header naming `card_id`, `review_time`, `review_rating` and
/// optionally `review_duration`, in any order.
///
/// `review_time` is ISO 8601 (`2024-03-29T20:32:32.25+00:00`, `…Z`; without an offset it is read as UTC) or
/// epoch milliseconds. Errors name the line (1-based) and the column.
public enum ReviewLogCSV {
  /// The reviews in the log file at `path`; errors name the file, and the line where there is one.
  public static func load(contentsOfFile path: String) throws(SchedulingError) -> [Review] {
    try loadNumbered(contentsOfFile: path, numbering: false).reviews
  }

  /// The reviews in the log file at `path` with the 1-based line of each, so that a later problem with a review
  /// (a card a deck does not have) can name its line.
  public static func loadNumbered(contentsOfFile path: String) throws(SchedulingError) -> (
    reviews: [Review], lines: [Int]
  ) {
    try loadNumbered(contentsOfFile: path, numbering: true)
  }

  static func loadNumbered(contentsOfFile path: String, numbering: Bool) throws(SchedulingError) -> (
    reviews: [Review], lines: [Int]
  ) {
    let text: String
    do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
      throw .unreadableReviewLog(path: path, message: error.localizedDescription)
    }
    do { return try parse(text, numbering: numbering) } catch {
      if case .invalidReviewLog(let line, let message) = error {
        throw .invalidReviewLogFile(path: path, line: line, message: message)
      }
      throw error
    }
  }

  /// Parses the whole text of a log.
  public static func parse(_ text: String) throws(SchedulingError) -> [Review] {
    try parse(text, numbering: false).reviews
  }

  /// Parses a log, with each review's 1-based line when `numbering`.
  static func parse(_ text: String, numbering: Bool) throws(SchedulingError) -> (reviews: [Review], lines: [Int]) {
    let bytes = Array(text.utf8)
    // Lines as byte ranges, without their line ends; trailing blank lines dropped.
    var lines: [Range<Int>] = []
    var lineStart = 0
    for index in bytes.indices where bytes[index] == 10 {
      lines.append(lineStart..<(index > lineStart && bytes[index - 1] == 13 ? index - 1 : index))
      lineStart = index + 1
    }
    if lineStart < bytes.count { lines.append(lineStart..<bytes.count) }
    while let last = lines.last, isBlank(bytes[last]) { lines.removeLast() }
    guard let headerRange = lines.first else { throw .invalidReviewLog(line: 1, message: "the file is empty") }
    var header = bytes[headerRange]
    if header.starts(with: [0xEF, 0xBB, 0xBF]) { header = header.dropFirst(3) }
    let names = fields(header).map { String(decoding: bytes[$0], as: UTF8.self) }
    func column(_ name: String) throws(SchedulingError) -> Int {
      guard let index = names.firstIndex(of: name) else {
        throw .invalidReviewLog(
          line: 1, message: "missing column '\(name)' (the header needs card_id, review_time, review_rating)")
      }
      return index
    }
    let cardColumn = try column("card_id")
    let timeColumn = try column("review_time")
    let ratingColumn = try column("review_rating")
    let durationColumn = names.firstIndex(of: "review_duration")

    var reviews: [Review] = []
    reviews.reserveCapacity(lines.count)
    var numbers: [Int] = []
    if numbering { numbers.reserveCapacity(lines.count) }
    for (offset, range) in lines.enumerated().dropFirst() {
      let number = offset + 1
      let line = bytes[range]
      if isBlank(line) { continue }
      if line.contains(0) {
        throw .invalidReviewLog(line: number, message: "the row holds a NUL byte (is this a binary or damaged file?)")
      }
      let ranges = fields(line)
      guard ranges.count == names.count else {
        throw .invalidReviewLog(line: number, message: "expected \(names.count) fields, found \(ranges.count)")
      }
      func text(_ column: Int) -> String { String(decoding: bytes[ranges[column]], as: UTF8.self) }
      let cardID = text(cardColumn)
      guard !cardID.isEmpty else { throw .invalidReviewLog(line: number, message: "card_id is empty") }
      guard let time = parseTime(bytes[ranges[timeColumn]]) else {
        throw .invalidReviewLog(
          line: number, message: "review_time '\(text(timeColumn))' is neither ISO 8601 nor epoch milliseconds")
      }
      let ratingBytes = bytes[ranges[ratingColumn]]
      guard ratingBytes.count == 1, let first = ratingBytes.first, let rating = Rating(rawValue: Int(first) - 48)
      else {
        throw .invalidReviewLog(line: number, message: "review_rating '\(text(ratingColumn))' is not 1, 2, 3 or 4")
      }
      var duration: Int? = nil
      if let durationColumn, !ranges[durationColumn].isEmpty {
        let field = text(durationColumn)
        // Int(exactly:) and not Int(_:): a huge or non-finite value ("5e94", "inf") is an error, not a trap.
        guard let parsed = Int(field) ?? Double(field).flatMap({ Int(exactly: $0.rounded(.towardZero)) }) else {
          throw .invalidReviewLog(line: number, message: "review_duration '\(field)' is not a number")
        }
        duration = parsed
      }
      reviews.append(Review(cardID: cardID, time: time, rating: rating, durationMilliseconds: duration))
      if numbering { numbers.append(number) }
    }
    return (reviews, numbers)
  }

  private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
    line.allSatisfy { $0 == 32 || $0 == 9 }
  }

  /// The byte ranges of a line's comma-separated fields, without surrounding spaces and double quotes.
  private static func fields(_ line: ArraySlice<UInt8>) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start = line.startIndex
    var index = line.startIndex
    while true {
      if index == line.endIndex || line[index] == 44 {
        var lower = start
        var upper = index
        while lower < upper, line[lower] == 32 || line[lower] == 34 { lower += 1 }
        while upper > lower, line[upper - 1] == 32 || line[upper - 1] == 34 { upper -= 1 }
        result.append(lower..<upper)
        if index == line.endIndex { break }
        start = index + 1
      }
      index += 1
    }
    return result
  }

  /// A time as ISO 8601 or epoch milliseconds, or nil.
  public static func parseTime(_ text: String) -> Date? {
    parseTime(ArraySlice(text.utf8))
  }

  static func parseTime(_ bytes: ArraySlice<UInt8>) -> Date? {
    if !bytes.isEmpty, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }), bytes.count <= 18 {
      let milliseconds = bytes.reduce(Int64(0)) { $0 * 10 + Int64($1 - 48) }
      return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
    return parseISO8601(Array(bytes))
  }

  /// A hand-written ISO 8601 reader: Foundation's formatter is too slow for million-review logs.
  static func parseISO8601(_ bytes: [UInt8]) -> Date? {
    var index = 0
    func number(_ digits: Int) -> Int? {
      guard index + digits <= bytes.count else { return nil }
      var value = 0
      for _ in 0..<digits {
        let byte = bytes[index]
        guard byte >= 48, byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
        index += 1
      }
      return value
    }
    func expect(_ character: UInt8) -> Bool {
      guard index < bytes.count, bytes[index] == character else { return false }
      index += 1
      return true
    }
    guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2),
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    var seconds = 0.0
    if index < bytes.count {
      guard bytes[index] == 84 || bytes[index] == 32 else { return nil }
      index += 1
      guard let hour = number(2), expect(58), let minute = number(2), hour < 24, minute < 60 else { return nil }
      var second = 0
      if expect(58) {
        guard let s = number(2), s <= 60 else { return nil }
        second = s
      }
      seconds = Double(hour * 3600 + minute * 60 + second)
      if expect(46) || expect(44) {
        var scale = 0.1
        var fraction = 0.0
        var any = false
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
          fraction += Double(bytes[index] - 48) * scale
          scale /= 10
          index += 1
          any = true
        }
        guard any else { return nil }
        seconds += fraction
      }
      if index < bytes.count {
        if expect(90) {  // Z
        } else if bytes[index] == 43 || bytes[index] == 45 {
          let sign = bytes[index] == 43 ? 1 : -1
          index += 1
          guard let offsetHours = number(2) else { return nil }
          _ = expect(58)
          let offsetMinutes = number(2) ?? 0
          seconds -= Double(sign * (offsetHours * 3600 + offsetMinutes * 60))
        } else {
          return nil
        }
      }
      guard index == bytes.count else { return nil }
    }
    return Date(timeIntervalSince1970: Double(daysFromCivil(year, month, day)) * 86400 + seconds)
  }

  /// Days from 1970-01-01 to the given proleptic Gregorian date (Howard Hinnant's algorithm).
  static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146097 + dayOfEra - 719468
  }
}
