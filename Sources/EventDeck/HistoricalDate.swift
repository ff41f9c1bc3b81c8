/// A date anywhere in history, known to a day, a month, a season, a year, a decade or a century.
///
/// Years are written as people write them: 44 BC is `-44`, AD 476 is `476`, and there is no year 0. Days are
/// counted in the proleptic Gregorian calendar (the Gregorian rules run back before 1582), with seasons as the
/// northern hemisphere's meteorological ones: spring March–May, summer June–August, autumn September–November,
/// winter December–February (so a winter spans two years).
///
/// ```swift
/// HistoricalDate(year: -44)                      // 44 BC
/// HistoricalDate(year: 1066, month: 10, day: 14) // October 14, 1066
/// HistoricalDate(season: .summer, year: 1992)    // summer 1992
/// HistoricalDate(decade: 1980, part: .late)      // the late 1980s
/// HistoricalDate(century: 11)                    // the 11th century
/// ```
public struct HistoricalDate: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
  /// How much of a date is known, coarsest first.
  public enum Precision: String, Sendable, Codable, Comparable, CaseIterable {
    case century, decade, year, season, month, day

    public static func < (a: Precision, b: Precision) -> Bool { a.rank < b.rank }

    var rank: Int { Self.allCases.firstIndex(of: self)! }

    /// The noun a question or feedback uses: "century", "decade", "year", "season", "month", "day".
    public var noun: String { rawValue }
  }

  /// A meteorological season of the northern hemisphere.
  public enum Season: String, Sendable, Codable, CaseIterable {
    case spring, summer, autumn, winter

    /// The season's first month (winter starts in December of its first year).
    public var firstMonth: Int {
      switch self {
      case .spring: return 3
      case .summer: return 6
      case .autumn: return 9
      case .winter: return 12
      }
    }
  }

  /// Early, mid or late within a decade or a century.
  public enum Part: String, Sendable, Codable, CaseIterable {
    case early, mid, late
  }

  /// Whether a date names a decade or a century rather than a year.
  public enum Scale: String, Sendable, Codable {
    case decade, century
  }

  /// The year, negative for BC (no year 0). Winter: the year its December falls in. Decade: the year it is named
  /// by (1330 for the 1330s, -40 for the 40s BC). Century: its first year (1001 for the 11th, -500 for the 5th BC).
  public var year: Int
  /// 1–12, for month and day precision.
  public var month: Int?
  /// 1–31, for day precision.
  public var day: Int?
  /// For season precision.
  public var season: Season?
  /// Set for decades and centuries.
  public var scale: Scale?
  /// Early, mid or late, for decades and centuries.
  public var part: Part?

  /// A year, month or day: `HistoricalDate(year: -44)` is 44 BC.
  public init(year: Int, month: Int? = nil, day: Int? = nil) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// A season of a year; a winter starts in December of `year`.
  public init(season: Season, year: Int) {
    self.year = year
    self.season = season
  }

  /// A decade by the year it is named by: 1330 for the 1330s, -40 for the 40s BC.
  public init(decade: Int, part: Part? = nil) {
    self.year = decade
    self.scale = .decade
    self.part = part
  }

  /// A century by its ordinal: 11 for the 11th century, -5 for the 5th century BC.
  public init(century: Int, part: Part? = nil) {
    self.year = century > 0 ? (century - 1) * 100 + 1 : century * 100
    self.scale = .century
    self.part = part
  }

  /// How much of the date is known.
  public var precision: Precision {
    switch scale {
    case .century: return .century
    case .decade: return .decade
    case nil:
      if day != nil { return .day }
      if month != nil { return .month }
      if season != nil { return .season }
      return .year
    }
  }

  /// Whether the year is BC.
  public var isBC: Bool { year < 0 }

  /// The century's ordinal (11, or -5 for the 5th century BC), for century precision.
  public var century: Int? {
    guard scale == .century else { return nil }
    return year > 0 ? (year - 1) / 100 + 1 : year / 100
  }

  /// The same date without early/mid/late: the whole decade or century.
  public var whole: HistoricalDate {
    var d = self
    d.part = nil
    return d
  }

  /// The decade the date falls in ("the 1330s" for 1335, "the 40s BC" for 44 BC); nil for years 1–9 either side
  /// of AD 1, for decades and for centuries.
  public var enclosingDecade: HistoricalDate? {
    guard scale == nil else { return nil }
    let named = year / 10 * 10
    return named == 0 ? nil : HistoricalDate(decade: named)
  }

  /// The century the date falls in ("the 11th century" for 1066, for the 1060s and for the late 11th century).
  public var enclosingCentury: HistoricalDate {
    if scale == .century { return whole }
    let first = yearRange.0
    return HistoricalDate(century: first > 0 ? (first - 1) / 100 + 1 : -((-first - 1) / 100 + 1))
  }

  /// The same date with the year in the other era: 44 BC ↔ AD 44, the 5th century BC ↔ the 5th century AD.
  public var otherEra: HistoricalDate {
    if scale == .century, let century { return HistoricalDate(century: -century, part: part) }
    var other = self
    other.year = -year
    return other
  }

  /// Orders by the first day each date can mean; of two starting the same day, the longer comes first.
  public static func < (a: HistoricalDate, b: HistoricalDate) -> Bool {
    let (af, bf) = (a.earliestDay, b.earliestDay)
    if af != bf { return af < bf }
    return a.latestDay > b.latestDay
  }

  /// English month names, January first: the one table of them (EventDeck's).
  public static let monthNames = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
  ]

  /// The month a word names: "april", "Apr", "sept" → 4, 4, 9; nil otherwise (case-insensitive).
  public static func month(named word: String) -> Int? {
    let lower = word.lowercased()
    if lower == "sept" { return 9 }
    for (i, name) in monthNames.enumerated() {
      let full = name.lowercased()
      if lower == full || (lower.count == 3 && full.hasPrefix(lower)) { return i + 1 }
    }
    return nil
  }

  /// English display form: "October 14, 1066", "March 44 BC", "AD 476", "summer 1992", "winter 1993–1994",
  /// "the late 1980s", "the 11th century", "the 5th century BC".
  ///
  /// Years AD below 1000 carry "AD" ("AD 476"), so a bare number is not read as a count or a BC year; centuries
  /// 1–10 AD carry "AD" after them ("the 5th century AD").
  public var description: String { Self.writtenModern(self) ?? piecedDescription }

  /// `description` joined from its pieces: the form of every date, and in tests the reference `writtenModern` is
  /// held to.
  var piecedDescription: String {
    switch precision {
    case .century:
      let n = century!
      let suffix = n < 0 ? " BC" : (n <= 10 ? " AD" : "")
      return "the " + partWord + Self.ordinal(abs(n)) + " century" + suffix
    case .decade:
      let named = abs(year)
      let body = year < 0 ? "\(named)s BC" : (year < 1000 ? "AD \(named)s" : "\(named)s")
      return "the " + partWord + body
    case .season:
      if season == .winter {
        let next = Self.year(after: year)
        if year < 0 && next < 0 { return "winter \(-year)–\(-next) BC" }
        if year < 0 { return "winter 1 BC – AD 1" }
        return "winter \(year)–\(next)" + (next < 1000 ? " AD" : "")
      }
      return "\(season!.rawValue) \(Self.yearText(year))"
    case .year: return Self.yearText(year)
    case .month: return "\(Self.monthNames[month! - 1]) \(Self.yearText(year))"
    case .day: return "\(Self.monthNames[month! - 1]) \(day!), \(Self.yearText(year))"
    }
  }

  /// The form a deck writes, read back by the deck parser: "1993-04-03", "1993-04", "1993", "44 BC",
  /// "44-03-15 BC", "summer 1992", "winter 1993–1994", "late 1980s", "40s BC", "11th century", "5th century BC".
  public var iso: String {
    func pad(_ n: Int, _ width: Int) -> String {
      let digits = String(n)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    let era = year < 0 ? " BC" : ""
    let part = partWord
    switch precision {
    case .century: return part + Self.ordinal(abs(century!)) + " century" + era
    case .decade: return part + "\(abs(year))s" + era
    case .season:
      if season == .winter {
        let next = Self.year(after: year)
        if year < 0 && next > 0 { return "winter 1 BC–AD 1" }
        return "winter \(abs(year))–\(abs(next))" + era
      }
      return "\(season!.rawValue) \(abs(year))" + era
    case .year, .month, .day:
      var s = year < 0 ? String(-year) : pad(year, 4)
      if let month { s += "-" + pad(month, 2) }
      if let day { s += "-" + pad(day, 2) }
      return s + era
    }
  }

  /// A year as displayed: "1993", "AD 476", "44 BC".
  /// `description` of a day, month or year in 1000–9999 ("April 3, 1993", "April 1993", "1993"), the dates
  /// card options are made of by the thousand, written as bytes into one string instead of joined from pieces;
  /// nil for any other date.
  static func writtenModern(_ date: HistoricalDate) -> String? {
    guard date.year >= 1000, date.year <= 9999 else { return nil }
    let name: String?
    let day: Int?
    switch date.precision {
    case .year: (name, day) = (nil, nil)
    case .month:
      guard let month = date.month, (1...12).contains(month) else { return nil }
      (name, day) = (monthNames[month - 1], nil)
    case .day:
      guard let month = date.month, (1...12).contains(month), let d = date.day, (0...99).contains(d) else { return nil }
      (name, day) = (monthNames[month - 1], d)
    default: return nil
    }
    // The longest: "September 30, 1993", 18 bytes.
    return String(unsafeUninitializedCapacity: 24) { out in
      var at = 0
      if let name {
        for byte in name.utf8 {
          out[at] = byte
          at += 1
        }
        out[at] = 0x20
        at += 1
      }
      if let day {
        if day >= 10 {
          out[at] = 0x30 + UInt8(day / 10)
          at += 1
        }
        out[at] = 0x30 + UInt8(day % 10)
        out[at + 1] = 0x2C
        out[at + 2] = 0x20
        at += 3
      }
      var year = date.year
      for k in stride(from: 3, through: 0, by: -1) {
        out[at + k] = 0x30 + UInt8(year % 10)
        year /= 10
      }
      return at + 4
    }
  }

  public static func yearText(_ year: Int) -> String {
    if year < 0 { return "\(-year) BC" }
    return year < 1000 ? "AD \(year)" : String(year)
  }

  var partWord: String { part.map { $0.rawValue + " " } ?? "" }

  /// "1st", "2nd", "3rd", "11th", "21st".
  public static func ordinal(_ n: Int) -> String {
    let tens = n % 100
    if (11...13).contains(tens) { return "\(n)th" }
    switch n % 10 {
    case 1: return "\(n)st"
    case 2: return "\(n)nd"
    case 3: return "\(n)rd"
    default: return "\(n)th"
    }
  }
}
