/// Calendar arithmetic: the first and last day a date can mean, day numbers, and stepping by a date's own unit.
///
/// Day numbers count days of the proleptic Gregorian calendar from March 1 of the astronomical year 0 (1 BC),
/// negative before it; they order and subtract across eras.
extension HistoricalDate {
  /// The astronomical year of a year as written: 1 BC is 0, 44 BC is -43, AD 476 is 476.
  public static func astronomical(_ year: Int) -> Int { year > 0 ? year : year + 1 }

  /// The year as written for an astronomical year: 0 is 1 BC.
  public static func written(astronomical year: Int) -> Int { year > 0 ? year : year - 1 }

  /// The year after `year`, skipping the year 0 (1 BC is followed by AD 1).
  public static func year(after year: Int) -> Int { written(astronomical: astronomical(year) + 1) }

  /// `year` moved by `n` years, skipping the year 0.
  public static func year(_ year: Int, plus n: Int) -> Int { written(astronomical: astronomical(year) + n) }

  /// Whether February of `year` (as written) has 29 days.
  public static func isLeap(_ year: Int) -> Bool {
    let a = astronomical(year)
    return (a % 4 == 0 && a % 100 != 0) || a % 400 == 0
  }

  /// Days in a month of the proleptic Gregorian calendar (`year` as written).
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// The day number of a day of the proleptic Gregorian calendar (`year` as written).
  public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
    var y = astronomical(year)
    if month <= 2 { y -= 1 }
    let era = floorDivide(y, 400)
    let yearOfEra = y - era * 400
    let monthFromMarch = (month + 9) % 12
    let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra
  }

  /// The day with this day number.
  public init(dayNumber: Int) {
    let era = Self.floorDivide(dayNumber, 146_097)
    let dayOfEra = dayNumber - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthFromMarch = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
    let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    self.init(year: Self.written(astronomical: year), month: month, day: day)
  }

  static func floorDivide(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
  }

  /// The first and last year (as written) of a decade or century, narrowed by early/mid/late.
  var yearRange: (Int, Int) {
    var first: Int
    var length: Int
    switch scale {
    case .decade:
      first = year > 0 ? year : year - 9
      length = 10
    case .century:
      first = year
      length = 100
    case nil:
      return (year, year)
    }
    if let part {
      // Decades: years 0–3, 4–6, 7–9; centuries: 1–33, 34–66, 67–100 (counted from the first year).
      let cuts = length == 10 ? [0, 4, 7, 10] : [0, 33, 66, 100]
      let i = Part.allCases.firstIndex(of: part)!
      let start = Self.year(first, plus: cuts[i])
      length = cuts[i + 1] - cuts[i]
      first = start
    }
    return (first, Self.year(first, plus: length - 1))
  }

  /// The day number of the first day the date can mean.
  public var earliestDay: Int {
    switch precision {
    case .day: return Self.dayNumber(year: year, month: month!, day: day!)
    case .month: return Self.dayNumber(year: year, month: month!, day: 1)
    case .season: return Self.dayNumber(year: year, month: season!.firstMonth, day: 1)
    case .year: return Self.dayNumber(year: year, month: 1, day: 1)
    case .decade, .century: return Self.dayNumber(year: yearRange.0, month: 1, day: 1)
    }
  }

  /// The day number of the last day the date can mean.
  public var latestDay: Int {
    switch precision {
    case .day: return Self.dayNumber(year: year, month: month!, day: day!)
    case .month: return Self.dayNumber(year: year, month: month!, day: Self.daysIn(month: month!, year: year))
    case .season:
      if season == .winter {
        let next = Self.year(after: year)
        return Self.dayNumber(year: next, month: 2, day: Self.daysIn(month: 2, year: next))
      }
      let last = season!.firstMonth + 2
      return Self.dayNumber(year: year, month: last, day: Self.daysIn(month: last, year: year))
    case .year: return Self.dayNumber(year: year, month: 12, day: 31)
    case .decade, .century: return Self.dayNumber(year: yearRange.1, month: 12, day: 31)
    }
  }

  /// The days the date can mean, as day numbers.
  public var days: ClosedRange<Int> { earliestDay...latestDay }

  /// Days since 0000-03-01 of the first day this date can mean.
  public var dayNumber: Int { earliestDay }

  /// The first day this date can mean ("April 1993" → April 1, 1993; "the 1330s" → January 1, 1330).
  public var firstDay: HistoricalDate { HistoricalDate(dayNumber: earliestDay) }

  /// The last day this date can mean ("April 1993" → April 30, 1993; "the 11th century" → December 31, 1100).
  public var lastDay: HistoricalDate { HistoricalDate(dayNumber: latestDay) }

  /// This date moved by whole units of its own precision (days, months, seasons, years, decades or centuries),
  /// skipping the year 0, the decade "0s" and the century 0; early/mid/late is kept.
  public func shifted(by n: Int) -> HistoricalDate {
    switch precision {
    case .day: return HistoricalDate(dayNumber: dayNumber + n)
    case .month:
      let total = Self.astronomical(year) * 12 + (month! - 1) + n
      return HistoricalDate(
        year: Self.written(astronomical: Self.floorDivide(total, 12)), month: total - Self.floorDivide(total, 12) * 12 + 1)
    case .season:
      let index = Season.allCases.firstIndex(of: season!)!
      let total = Self.astronomical(year) * 4 + index + n
      let y = Self.floorDivide(total, 4)
      return HistoricalDate(season: Season.allCases[total - y * 4], year: Self.written(astronomical: y))
    case .year: return HistoricalDate(year: Self.year(year, plus: n))
    case .decade:
      // Decades in order: …, 10s BC (-1), 10s (1), 20s (2), …; the "0s" either side are not named.
      let index = year / 10
      var moved = index + n
      if index > 0, moved <= 0 { moved -= 1 }
      if index < 0, moved >= 0 { moved += 1 }
      return HistoricalDate(decade: moved * 10, part: part)
    case .century:
      let c = century!
      var moved = c + n
      if c > 0, moved <= 0 { moved -= 1 }
      if c < 0, moved >= 0 { moved += 1 }
      return HistoricalDate(century: moved, part: part)
    }
  }
}
