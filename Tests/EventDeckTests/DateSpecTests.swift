import Testing

@testable import EventDeck

@Suite("Dates as decks write them")
struct DateSpecTests {
  static let valid: [(String, DateSpec)] = [
    ("1993-04-03", DateSpec(start: .init(year: 1993, month: 4, day: 3))),
    ("1993-04", DateSpec(start: .init(year: 1993, month: 4))),
    ("1993", DateSpec(start: .init(year: 1993))),
    ("by 1993-03-29", DateSpec(start: .init(year: 1993, month: 3, day: 29), qualifier: .by)),
    ("circa 1991", DateSpec(start: .init(year: 1991), qualifier: .circa)),
    ("before 1993-03-27", DateSpec(start: .init(year: 1993, month: 3, day: 27), qualifier: .before)),
    ("after 1993-04-03", DateSpec(start: .init(year: 1993, month: 4, day: 3), qualifier: .after)),
    ("1993-02/1993-03", DateSpec(start: .init(year: 1993, month: 2), end: .init(year: 1993, month: 3))),
    ("1993/1994", DateSpec(start: .init(year: 1993), end: .init(year: 1994))),
    ("1993-04/1993-04-02", DateSpec(start: .init(year: 1993, month: 4), end: .init(year: 1993, month: 4, day: 2))),
    ("2020-02-29", DateSpec(start: .init(year: 2020, month: 2, day: 29))),
    ("44 BC/14", DateSpec(start: .init(year: -44), end: .init(year: 14))),
    ("circa 1200", DateSpec(start: .init(year: 1200), qualifier: .circa)),
    ("by 11th century", DateSpec(start: .init(century: 11), qualifier: .by)),
    ("after late 1980s", DateSpec(start: .init(decade: 1980, part: .late), qualifier: .after)),
    ("winter 1993–1994", DateSpec(start: .init(season: .winter, year: 1993))),
    ("1330s/1340s", DateSpec(start: .init(decade: 1330), end: .init(decade: 1340))),
  ]

  @Test("valid forms", arguments: valid)
  func parses(_ text: String, _ expected: DateSpec) throws {
    #expect(try DateSpec.parse(text) == expected)
    #expect(try DateSpec.parse(expected.deckForm) == expected, "the deck form \(expected.deckForm) reads back")
  }

  static let invalid: [(String, String)] = [
    ("1993-02-30", "impossible date '1993-02-30': February 1993 has 28 days"),
    ("1900-02-29", "impossible date '1900-02-29': February 1900 has 28 days"),
    ("1993-13", "impossible date '1993-13': there is no month 13"),
    ("1993-00", "impossible date '1993-00': there is no month 0"),
    ("1993-04-31", "impossible date '1993-04-31': April 1993 has 30 days"),
    ("1993-03/1993-02", "impossible date: the span ends (1993-02) before it starts (1993-03)"),
    ("1993-4-3", "the month in '1993-4-3' must have two digits"),
    ("1993-04-3", "the day in '1993-04-3' must have two digits"),
    ("AD 14/44 BC", "impossible date: the span ends (44 BC) before it starts (0014)"),
    ("1340s/1330s", "impossible date: the span ends (1330s) before it starts (1340s)"),
    ("April 1993 or so", "'April 1993 or so' is not a date"),
    ("by ", "'by' is not a date"),
    ("1993/1994/1995", "'1993/1994/1995' is not a date"),
  ]

  @Test("impossible and malformed dates", arguments: invalid)
  func rejects(_ text: String, _ message: String) {
    #expect(throws: DateProblem.self) { try DateSpec.parse(text) }
    do {
      _ = try DateSpec.parse(text)
    } catch {
      #expect(error.message == message)
    }
  }
}
