import EventDeck
import Testing
import TextKit

@testable import CardBuilder

@Suite struct ReadersTests {
  @Test(arguments: [
    ("60,000", 60000.0), ("60000", 60000), ("60 000", 60000), ("60k", 60000), ("sixty thousand", 60000),
    ("about 60,000", 60000), ("twenty-nine", 29), ("one hundred and five", 105), ("1.9 thousand", 1900),
    ("a dozen", 12), ("3,000 square kilometres", 3000), ("76%", 76), ("2 pm", 2),
  ])
  func numbers(text: String, value: Double) {
    #expect(NumberReader.read(text)?.value == value, "\(text)")
  }

  @Test(arguments: ["", "banana", "6,0", "a lot"])
  func notNumbers(text: String) {
    #expect(NumberReader.read(text) == nil, "\(text)")
  }

  @Test(arguments: [
    ("29 km", "km"), ("twenty-nine kilometres", "km"), ("1,900 km²", "km2"), ("1900 square kilometres", "km2"),
    ("76 percent", "%"), ("76%", "%"), ("8 hours", "h"),
  ])
  func units(text: String, unit: String) {
    #expect(NumberReader.canonicalUnit(NumberReader.read(text)?.unit ?? (text.contains("%") ? "%" : nil)) == unit)
  }

  @Test(arguments: [
    "3 April 1993", "April 3, 1993", "3 Apr 1993", "1993-04-03", "April 3rd 1993", "the 3rd of April, 1993",
    "Apr. 3 1993", "3rd April 1993", "1993/04/03", "13.4.1993 ",
  ])
  func days(text: String) {
    guard case .date(let d, _, _)? = DateReader.read(text) else { Issue.record("\(text) not read"); return }
    if text.hasPrefix("13") {
      #expect(d == HistoricalDate(year: 1993, month: 4, day: 13))
    } else {
      #expect(d == HistoricalDate(year: 1993, month: 4, day: 3), "\(text)")
    }
  }

  @Test func ambiguousAllNumberDates() {
    #expect(
      DateReader.read("3/4/1993")
        == .ambiguous(HistoricalDate(year: 1993, month: 4, day: 3), HistoricalDate(year: 1993, month: 3, day: 4)))
    #expect(DateReader.read("29/3/1993") == .date(HistoricalDate(year: 1993, month: 3, day: 29), qualifier: .exact, yearMissing: false))
  }

  @Test func qualifiersAndPrecision() {
    #expect(DateReader.read("by March 29, 1993") == .date(HistoricalDate(year: 1993, month: 3, day: 29), qualifier: .by, yearMissing: false))
    #expect(DateReader.read("circa 1991") == .date(HistoricalDate(year: 1991), qualifier: .circa, yearMissing: false))
    #expect(DateReader.read("April 1993") == .date(HistoricalDate(year: 1993, month: 4), qualifier: .exact, yearMissing: false))
    #expect(DateReader.read("April 3", assumedYear: 1993) == .date(HistoricalDate(year: 1993, month: 4, day: 3), qualifier: .exact, yearMissing: true))
    #expect(DateReader.read("31 February 1993") == nil)
    #expect(DateReader.read("yesterday") == nil)
  }

  @Test func dayNumbersRoundTrip() {
    for n in stride(from: 700_000, to: 730_000, by: 37) {
      #expect(HistoricalDate(dayNumber: n).dayNumber == n)
    }
    #expect(HistoricalDate(year: 1993, month: 3, day: 1).shifted(by: -1) == HistoricalDate(year: 1993, month: 2, day: 28))
  }

  @Test(arguments: [
    ("The Omar Pass", "omar pass"), ("Özal", "ozal"), ("Melkonian's forces", "melkonian forces"),
    ("Ter-Petrosyan", "ter petrosyan"), ("  GAZ-52. ", "gaz 52"),
  ])
  func comparisonKeys(text: String, key: String) {
    #expect(AnswerText.key(text) == key)
  }
}
