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
