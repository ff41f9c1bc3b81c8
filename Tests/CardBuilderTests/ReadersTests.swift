import Foundation
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

  /// ASCII text skips the searches for keys it cannot hold; the rest of the text it is given reads the same.
  @Test func replacementsKnowWhichKeysASCIITextCanHold() {
    #expect(NumberReader.readingReplacements.pairs.filter(\.inASCII).map(\.from) == ["~"])
    #expect(NumberReader.digitSeparators.pairs.allSatisfy { $0.inASCII })
    // The Kelvin sign is canonically "K": ASCII text can hold it.
    #expect(NumberReader.Replacements(["\u{212A}": "k", "²": "2"]).pairs.map(\.inASCII) == [true, false])
    #expect("K9".replacingAll(NumberReader.Replacements(["\u{212A}": "k"])) == "K9".replacingOccurrences(of: "\u{212A}", with: "k"))
    #expect("~60\u{00A0}000 km²".replacingAll(NumberReader.readingReplacements) == " 60 000 km2")
    #expect("1_000'000".replacingAll(NumberReader.digitSeparators) == "1000000")
    #expect(NumberReader.read("~60 000")?.hedged == true)
    #expect(NumberReader.read("60\u{202F}000")?.value == 60000)
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
