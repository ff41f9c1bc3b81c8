import Foundation
import Testing

@testable import TextKit

/// Byte-level searches give what Foundation's `contains` / `range(of:)` give on the same strings.
@Suite struct UTF8SearchTests {
  @Test(arguments: [
    ("omar pass", "the omar pass lies north", true), ("pass", "the omar pass", true), ("", "anything", true),
    ("passes", "the omar pass", false), ("Özal", "president Özal said", true), ("ozal", "president Özal said", false),
    ("longer than the hay", "short", false), ("é", "e\u{301}", false),
  ])
  func containsMatchesTheSameScalars(needle: String, hay: String, expected: Bool) {
    #expect(UTF8Search.contains(needle, in: hay) == expected)
  }

  @Test func offsetsCountBytesFromTheStartGiven() {
    #expect(UTF8Search.firstOffset(of: "ab", in: "xxabyyab") == 2)
    #expect(UTF8Search.firstOffset(of: "ab", in: "xxabyyab", from: 3) == 6)
    #expect(UTF8Search.firstOffset(of: "ab", in: "xxabyyab", from: 7) == nil)
    #expect(UTF8Search.firstOffset(of: "ab", in: "ab", from: 3) == nil)
    #expect(UTF8Search.firstOffset(of: "é", in: "café au lait") == 3)
  }

  @Test(arguments: [
    ("omar pass", " the omar pass lies ", true), ("omar", " the omar pass ", true), ("pass", " the omar passes ", false),
    ("mar", " the omar pass ", false), ("the", " the omar ", true), ("omar", " omar ", true), ("omar", " omarr omar ", true),
    ("a", " ", false), ("", " a ", false),
  ])
  func wholeWordsOnlyBetweenSpaces(word: String, hay: String, expected: Bool) {
    #expect(UTF8Search.containsWord(word, inHay: hay) == expected)
    // The same answer as the search for " word " it replaces.
    if !word.isEmpty { #expect(hay.contains(" " + word + " ") == expected) }
  }
}
