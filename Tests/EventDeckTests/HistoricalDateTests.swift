import Foundation
import Testing

@testable import EventDeck

@Suite("Dates across all of history")
struct HistoricalDateTests {
  static let forms: [(String, HistoricalDate)] = [
    ("44 BC", HistoricalDate(year: -44)),
    ("44 B.C.", HistoricalDate(year: -44)),
    ("44 BCE", HistoricalDate(year: -44)),
    ("BC 44", HistoricalDate(year: -44)),
    ("476", HistoricalDate(year: 476)),
    ("AD 476", HistoricalDate(year: 476)),
    ("476 CE", HistoricalDate(year: 476)),
    ("93-04-03", HistoricalDate(year: 93, month: 4, day: 3)),
    ("1066-10-14", HistoricalDate(year: 1066, month: 10, day: 14)),
    ("44-03-15 BC", HistoricalDate(year: -44, month: 3, day: 15)),
    ("15 March 44 BC", HistoricalDate(year: -44, month: 3, day: 15)),
    ("October 14, 1066", HistoricalDate(year: 1066, month: 10, day: 14)),
    ("April 3rd 1993", HistoricalDate(year: 1993, month: 4, day: 3)),
    ("April 1993", HistoricalDate(year: 1993, month: 4)),
    ("11th century", HistoricalDate(century: 11)),
    ("the eleventh century", HistoricalDate(century: 11)),
    ("twenty-first century", HistoricalDate(century: 21)),
    ("early 5th century BC", HistoricalDate(century: -5, part: .early)),
    ("late 11th century", HistoricalDate(century: 11, part: .late)),
    ("1330s", HistoricalDate(decade: 1330)),
    ("the 1330's", HistoricalDate(decade: 1330)),
    ("late 1980s", HistoricalDate(decade: 1980, part: .late)),
    ("mid-1980s", HistoricalDate(decade: 1980, part: .mid)),
    ("40s BC", HistoricalDate(decade: -40)),
    ("summer 1992", HistoricalDate(season: .summer, year: 1992)),
    ("the summer of 1992", HistoricalDate(season: .summer, year: 1992)),
    ("Fall 1992", HistoricalDate(season: .autumn, year: 1992)),
    ("winter 1993–1994", HistoricalDate(season: .winter, year: 1993)),
    ("winter 1993-94", HistoricalDate(season: .winter, year: 1993)),
    ("winter 45–44 BC", HistoricalDate(season: .winter, year: -45)),
    ("1-02-29 BC", HistoricalDate(year: -1, month: 2, day: 29)),
  ]

  @Test("every written form is read", arguments: forms)
  func reads(_ text: String, _ expected: HistoricalDate) throws {
    #expect(try HistoricalDate.parse(text) == expected)
  }

  @Test("the deck form reads back as the same date", arguments: forms.map(\.1))
  func deckFormRoundTrips(_ date: HistoricalDate) throws {
    #expect(try HistoricalDate.parse(date.iso) == date, "\(date.iso)")
  }

  static let bounds: [(String, HistoricalDate, HistoricalDate)] = [
    ("44 BC", HistoricalDate(year: -44, month: 1, day: 1), HistoricalDate(year: -44, month: 12, day: 31)),
    ("11th century", HistoricalDate(year: 1001, month: 1, day: 1), HistoricalDate(year: 1100, month: 12, day: 31)),
    ("5th century BC", HistoricalDate(year: -500, month: 1, day: 1), HistoricalDate(year: -401, month: 12, day: 31)),
    ("early 11th century", HistoricalDate(year: 1001, month: 1, day: 1), HistoricalDate(year: 1033, month: 12, day: 31)),
    ("late 11th century", HistoricalDate(year: 1067, month: 1, day: 1), HistoricalDate(year: 1100, month: 12, day: 31)),
    ("1st century BC", HistoricalDate(year: -100, month: 1, day: 1), HistoricalDate(year: -1, month: 12, day: 31)),
    ("1330s", HistoricalDate(year: 1330, month: 1, day: 1), HistoricalDate(year: 1339, month: 12, day: 31)),
    ("early 1980s", HistoricalDate(year: 1980, month: 1, day: 1), HistoricalDate(year: 1983, month: 12, day: 31)),
    ("mid-1980s", HistoricalDate(year: 1984, month: 1, day: 1), HistoricalDate(year: 1986, month: 12, day: 31)),
    ("late 1980s", HistoricalDate(year: 1987, month: 1, day: 1), HistoricalDate(year: 1989, month: 12, day: 31)),
    ("40s BC", HistoricalDate(year: -49, month: 1, day: 1), HistoricalDate(year: -40, month: 12, day: 31)),
    ("summer 1992", HistoricalDate(year: 1992, month: 6, day: 1), HistoricalDate(year: 1992, month: 8, day: 31)),
    ("winter 1993–1994", HistoricalDate(year: 1993, month: 12, day: 1), HistoricalDate(year: 1994, month: 2, day: 28)),
    ("winter 1995–1996", HistoricalDate(year: 1995, month: 12, day: 1), HistoricalDate(year: 1996, month: 2, day: 29)),
    ("1993-02", HistoricalDate(year: 1993, month: 2, day: 1), HistoricalDate(year: 1993, month: 2, day: 28)),
  ]

  @Test("each date knows its first and last day", arguments: bounds)
  func firstAndLastDay(_ text: String, _ first: HistoricalDate, _ last: HistoricalDate) throws {
    let date = try HistoricalDate.parse(text)
    #expect(date.firstDay == first)
    #expect(date.lastDay == last)
    #expect(date.days == first.dayNumber...last.dayNumber)
  }

  @Test("day numbers count on across the eras, with no year 0")
  func dayNumbers() {
    for n in stride(from: -800_000, through: 800_000, by: 997) {
      #expect(HistoricalDate(dayNumber: n).dayNumber == n)
    }
    let lastBC = HistoricalDate(year: -1, month: 12, day: 31)
    #expect(HistoricalDate(dayNumber: lastBC.dayNumber + 1) == HistoricalDate(year: 1, month: 1, day: 1))
    // 1 BC is a leap year in the proleptic Gregorian calendar; 4 BC is not, 5 BC is.
    #expect(HistoricalDate.isLeap(-1) && !HistoricalDate.isLeap(-4) && HistoricalDate.isLeap(-5))
    // The old epoch is kept: March 1 of 1 BC is day 0.
    #expect(HistoricalDate(year: -1, month: 3, day: 1).dayNumber == 0)
    #expect(HistoricalDate(year: 1993, month: 4, day: 3).dayNumber == 727_961)
  }

  static let shifts: [(HistoricalDate, Int, HistoricalDate)] = [
    (HistoricalDate(year: -1), 1, HistoricalDate(year: 1)),
    (HistoricalDate(year: 2), -3, HistoricalDate(year: -2)),
    (HistoricalDate(year: 1, month: 1), -1, HistoricalDate(year: -1, month: 12)),
    (HistoricalDate(year: 1993, month: 3, day: 1), -1, HistoricalDate(year: 1993, month: 2, day: 28)),
    (HistoricalDate(season: .winter, year: 1993), 1, HistoricalDate(season: .spring, year: 1994)),
    (HistoricalDate(season: .spring, year: 1), -1, HistoricalDate(season: .winter, year: -1)),
    (HistoricalDate(decade: 1980, part: .late), 1, HistoricalDate(decade: 1990, part: .late)),
    (HistoricalDate(decade: -10), 1, HistoricalDate(decade: 10)),
    (HistoricalDate(century: -1), 1, HistoricalDate(century: 1)),
    (HistoricalDate(century: 11), -2, HistoricalDate(century: 9)),
  ]

  @Test("a date moves by its own unit, skipping the year 0", arguments: shifts)
  func shifted(_ date: HistoricalDate, _ n: Int, _ expected: HistoricalDate) {
    #expect(date.shifted(by: n) == expected)
  }

  static let shown: [(HistoricalDate, String)] = [
    (HistoricalDate(year: -44), "44 BC"),
    (HistoricalDate(year: 476), "AD 476"),
    (HistoricalDate(year: 1066), "1066"),
    (HistoricalDate(year: 1066, month: 10, day: 14), "October 14, 1066"),
    (HistoricalDate(year: -44, month: 3, day: 15), "March 15, 44 BC"),
    (HistoricalDate(century: 11), "the 11th century"),
    (HistoricalDate(century: 5), "the 5th century AD"),
    (HistoricalDate(century: -5, part: .early), "the early 5th century BC"),
    (HistoricalDate(decade: 1330), "the 1330s"),
    (HistoricalDate(decade: 1980, part: .late), "the late 1980s"),
    (HistoricalDate(decade: -40), "the 40s BC"),
    (HistoricalDate(season: .summer, year: 1992), "summer 1992"),
    (HistoricalDate(season: .winter, year: 1993), "winter 1993–1994"),
  ]

  @Test("display forms", arguments: shown)
  func display(_ date: HistoricalDate, _ text: String) {
    #expect(date.description == text)
  }

  @Test("days, months and years of four digits written as bytes read as when joined from pieces")
  func writtenAsPieced() {
    var written = 0
    for year in [-1066, 999, 1000, 1066, 1993, 2026, 9999, 10_000] {
      var dates = [HistoricalDate(year: year)]
      for month in 1...12 {
        dates.append(HistoricalDate(year: year, month: month))
        for day in 1...31 { dates.append(HistoricalDate(year: year, month: month, day: day)) }
      }
      for date in dates {
        #expect(date.description == date.piecedDescription)
        if HistoricalDate.writtenModern(date) != nil { written += 1 }
      }
    }
    // Only the years 1000–9999 take the byte path, all of their dates.
    #expect(written == 5 * (1 + 12 * 32))
    #expect(HistoricalDate.writtenModern(HistoricalDate(season: .summer, year: 1992)) == nil)
    #expect(HistoricalDate(year: 1993, month: 9, day: 30).description == "September 30, 1993")
  }

  @Test("the decade and century a date falls in, for hints")
  func enclosing() {
    #expect(HistoricalDate(year: 1335).enclosingDecade == HistoricalDate(decade: 1330))
    #expect(HistoricalDate(year: -44).enclosingDecade == HistoricalDate(decade: -40))
    #expect(HistoricalDate(year: 5).enclosingDecade == nil)
    #expect(HistoricalDate(year: 1066, month: 10, day: 14).enclosingCentury == HistoricalDate(century: 11))
    #expect(HistoricalDate(year: 1100).enclosingCentury == HistoricalDate(century: 11))
    #expect(HistoricalDate(year: -44).enclosingCentury == HistoricalDate(century: -1))
    #expect(HistoricalDate(year: -101).enclosingCentury == HistoricalDate(century: -2))
    #expect(HistoricalDate(decade: 1980, part: .late).enclosingCentury == HistoricalDate(century: 20))
    #expect(HistoricalDate(century: 11, part: .early).enclosingCentury == HistoricalDate(century: 11))
  }

  @Test("timelines order by the first day, across eras")
  func ordering() throws {
    let written = [
      "early 5th century BC", "44 BC", "476", "11th century", "1066-10-14", "circa 1200", "1330s", "late 1980s",
      "summer 1992",
    ]
    let specs = try written.map { text throws(DateProblem) in try DateSpec.parse(text) }
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<5 {
      #expect(specs.shuffled(using: &generator).sorted() == specs)
    }
    #expect(HistoricalDate(year: -44) < HistoricalDate(year: 476))
    // Of two starting on the same day, the longer first: 1993 before January 1993.
    #expect(HistoricalDate(year: 1993) < HistoricalDate(year: 1993, month: 1))
  }

  @Test("dates stored before issue 13 decode and encode unchanged")
  func codableShape() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let old = HistoricalDate(year: 1993, month: 4)
    #expect(String(decoding: try encoder.encode(old), as: UTF8.self) == #"{"month":4,"year":1993}"#)
    let decoded = try JSONDecoder().decode(HistoricalDate.self, from: Data(#"{"year":1993,"month":4,"day":3}"#.utf8))
    #expect(decoded == HistoricalDate(year: 1993, month: 4, day: 3))
    let decade = HistoricalDate(decade: 1980, part: .late)
    #expect(try JSONDecoder().decode(HistoricalDate.self, from: encoder.encode(decade)) == decade)
  }

  static let problems: [(String, String, String)] = [
    ("0", "impossible date '0': there is no year 0", "1 BC is followed directly by AD 1"),
    ("0 BC", "impossible date '0 BC': there is no year 0", "1 BC is followed directly by AD 1"),
    ("-44", "'-44' has a negative year", "write years before AD 1 with BC: 44 BC, not -44"),
    (
      "1335s", "'1335s' is not a decade: a decade is named by a year ending in 0",
      "write e.g. 1330s for the years 1330–1339"
    ),
    ("0s", "impossible date '0s': there is no decade '0s'", "there was no year 0: write a span, e.g. 1/9"),
    (
      "late 1987", "'late 1987': early, mid and late go with a decade or a century",
      "write e.g. late 1980s or early 11th century, or the year alone"
    ),
    (
      "winter 1993", "'winter 1993': a winter spans two years",
      "write winter 1992–1993 or winter 1993–1994 (December to February)"
    ),
    (
      "winter 1993–1995", "impossible date 'winter 1993–1995': a winter runs from one year into the next",
      "write two years in a row, e.g. winter 1993–1994"
    ),
    ("summer 1992–1993", "'summer 1992–1993': only a winter spans two years", "write summer 1992"),
    (
      "0th century", "impossible date '0th century': there is no 0th century",
      "write e.g. 11th century, early 5th century BC or the eleventh century"
    ),
    ("February 30, 1993", "impossible date 'February 30, 1993': February 1993 has 28 days", "check the day against the source"),
    ("4-02-29 BC", "impossible date '4-02-29 BC': February 4 BC has 28 days", "check the day against the source"),
    ("44 BC AD", "'44 BC AD' is not a date", HistoricalDate.formsHint),
    ("Aprill 3, 1993", "'Aprill 3, 1993' is not a date", HistoricalDate.formsHint),
    ("April", "'April' has no year", "write the year too, e.g. April 3, 1993"),
  ]

  @Test("impossible and malformed dates say what is wrong and how to write it", arguments: problems)
  func rejects(_ text: String, _ message: String, _ hint: String) {
    #expect(throws: DateProblem(message: message, hint: hint)) { try HistoricalDate.parse(text) }
  }
}
