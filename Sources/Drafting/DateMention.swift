import EventDeck

/// A date a sentence states, in the form the prose uses.
public struct DateMention: Sendable, Equatable {
  /// What the date is, as read.
  public enum Form: Sendable, Equatable {
    case day(year: Int, month: Int, day: Int)
    case month(year: Int, month: Int)
    case year(Int)
    /// "March and April 1993", "February-March 1993", "1993–1994".
    case span(HistoricalDate, HistoricalDate)
    /// "the summer of 1992", "winter 1993–1994" (the second year for a winter across two).
    case season(String, year: Int, endYear: Int?)
    /// "early 1993", "late March" is kept as a month with its part noted.
    case partOfYear(String, year: Int)
    /// "the 1980s", "the late 1980s": the decade's first year and the part.
    case decade(Int, part: String?)
    /// "the 5th century BC".
    case century(Int, part: String?, bc: Bool)
    /// "44 BC".
    case yearBC(Int)
    /// "43–42 BC".
    case spanBC(Int, Int)
  }

  /// The words of the sentence that state it ("the summer of 1992", "April 3, 1993").
  public var text: String
  public var form: Form
  /// "by October 1992" → `.by`; "before …", "after …", "around …".
  public var qualifier: DateQualifier
  /// The part the prose names inside a month ("late March"), which today's deck dates cannot say.
  public var part: String?
  /// Set when the text gives no year and the year was taken from an earlier sentence: that sentence's index.
  public var yearFrom: Int?
  /// Character range in the sentence's `plain` text.
  public var start: Int
  public var end: Int

  public init(
    text: String, form: Form, qualifier: DateQualifier = .exact, part: String? = nil, yearFrom: Int? = nil,
    start: Int, end: Int
  ) {
    self.text = text
    self.form = form
    self.qualifier = qualifier
    self.part = part
    self.yearFrom = yearFrom
    self.start = start
    self.end = end
  }

  /// The year a later date without one would take from this mention.
  public var contextYear: Int? {
    switch form {
    case .day(let y, _, _), .month(let y, _), .year(let y), .partOfYear(_, let y): return y
    case .span(_, let b): return b.year
    case .season(_, let y, let e): return e ?? y
    case .decade, .century, .yearBC, .spanBC: return nil
    }
  }

  /// The date as a deck states it; a part the deck's dates cannot say ("late March", "early 1993", "early summer")
  /// widens to the whole month, year or season (`specIsExact` is then false).
  public var spec: DateSpec? {
    switch form {
    case .day(let y, let m, let d): return DateSpec(start: HistoricalDate(year: y, month: m, day: d), qualifier: qualifier)
    case .month(let y, let m): return DateSpec(start: HistoricalDate(year: y, month: m), qualifier: qualifier)
    case .year(let y), .partOfYear(_, let y): return DateSpec(start: HistoricalDate(year: y), qualifier: qualifier)
    case .span(let a, let b): return DateSpec(start: a, end: b, qualifier: qualifier)
    case .season(let name, let y, _):
      let word = name.split(separator: " ").last.map(String.init) ?? name
      guard let season = HistoricalDate.Season(rawValue: word) else { return DateSpec(start: HistoricalDate(year: y), qualifier: qualifier) }
      return DateSpec(start: HistoricalDate(season: season, year: y), qualifier: qualifier)
    case .decade(let y, let part):
      return DateSpec(start: HistoricalDate(decade: y, part: part.flatMap(HistoricalDate.Part.init)), qualifier: qualifier)
    case .century(let n, let part, let bc):
      return DateSpec(
        start: HistoricalDate(century: bc ? -n : n, part: part.flatMap(HistoricalDate.Part.init)), qualifier: qualifier)
    case .yearBC(let y): return DateSpec(start: HistoricalDate(year: -y), qualifier: qualifier)
    case .spanBC(let a, let b): return DateSpec(start: HistoricalDate(year: -a), end: HistoricalDate(year: -b), qualifier: qualifier)
    }
  }

  /// Whether `spec` says exactly what the text says (no part of a month, year or season widened away).
  public var specIsExact: Bool {
    switch form {
    case .day, .month: return part == nil
    case .partOfYear: return false
    case .season(let name, _, _): return !name.contains(" ")
    default: return true
    }
  }

  /// A canonical reading for tables and notes: "1993-04-03", "1993-03/1993-04", "summer 1992", "late 1980s",
  /// "44 BC", "by 1992-10" (the syntax of the coming deck date model).
  public var value: String {
    var s: String
    switch form {
    case .day(let y, let m, let d): s = HistoricalDate(year: y, month: m, day: d).iso
    case .month(let y, let m): s = HistoricalDate(year: y, month: m).iso
    case .year(let y): s = HistoricalDate(year: y).iso
    case .span(let a, let b): s = a.iso + "/" + b.iso
    case .season(let name, let y, let e): s = name + " " + String(y) + (e.map { "/" + String($0) } ?? "")
    case .partOfYear(let part, let y): s = part + " " + String(y)
    case .decade(let y, let part): s = (part.map { $0 + " " } ?? "") + String(y) + "s"
    case .century(let n, let part, let bc):
      s = (part.map { $0 + " " } ?? "") + DateExtractor.ordinal(n) + " century" + (bc ? " BC" : "")
    case .yearBC(let y): s = String(y) + " BC"
    case .spanBC(let a, let b): s = String(a) + " BC/" + String(b) + " BC"
    }
    if let part, case .month = form { s = part + " " + s }
    if let part, case .day = form { s = part + " " + s }
    switch qualifier {
    case .exact: return s
    default: return qualifier.rawValue + " " + s
    }
  }
}
