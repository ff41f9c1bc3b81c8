/// How sure a date is.
public enum DateQualifier: String, Sendable, Codable, CaseIterable {
  /// On that date.
  case exact
  /// On or before it ("by March 29").
  case by
  /// Around it ("circa 1991").
  case circa
  /// Some time before it.
  case before
  /// Some time after it.
  case after
}

/// A date as a deck states it: a point or a range, with a qualifier.
public struct DateSpec: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
  public var start: HistoricalDate
  /// Set for ranges ("February-March 1993", "44 BC/AD 14").
  public var end: HistoricalDate?
  public var qualifier: DateQualifier

  public init(start: HistoricalDate, end: HistoricalDate? = nil, qualifier: DateQualifier = .exact) {
    self.start = start
    self.end = end
    self.qualifier = qualifier
  }

  /// The first day the date names (before the qualifier widens or moves it), as a day number.
  public var earliestDay: Int { start.earliestDay }

  /// The last day the date names, as a day number.
  public var latestDay: Int { (end ?? start).latestDay }

  /// The key timelines and orderings sort by: first day, then the longer stretch first.
  public var sortKey: DateSortKey { DateSortKey(first: earliestDay, last: latestDay) }

  /// Orders by `sortKey`: 44 BC before AD 476 before the 11th century.
  public static func < (a: DateSpec, b: DateSpec) -> Bool { a.sortKey < b.sortKey }

  /// Display form: "April 3, 1993", "by March 29, 1993", "February 1993 – March 1993", "circa 1200",
  /// "the late 1980s".
  public var description: String {
    var s = start.description
    if let end { s += " – " + end.description }
    switch qualifier {
    case .exact: return s
    case .by: return "by " + s
    case .circa: return "circa " + s
    case .before: return "before " + s
    case .after: return "after " + s
    }
  }

  /// The form a deck writes in `date:`, read back by the deck parser: "by 1993-03-29", "44 BC/14", "late 1980s".
  public var deckForm: String {
    var text = qualifier == .exact ? "" : qualifier.rawValue + " "
    text += start.iso
    if let end { text += "/" + end.iso }
    return text
  }
}

/// Where a date falls on a timeline: its first day, then (for the same first day) the longer stretch first.
public struct DateSortKey: Hashable, Sendable, Comparable {
  /// Day number of the first day.
  public var first: Int
  /// Day number of the last day.
  public var last: Int

  public init(first: Int, last: Int) {
    self.first = first
    self.last = last
  }

  public static func < (a: DateSortKey, b: DateSortKey) -> Bool {
    a.first != b.first ? a.first < b.first : a.last > b.last
  }
}
