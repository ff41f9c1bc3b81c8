import Testing

@testable import TextKit

/// A word mask never rules out a whole-word match, and does rule out words that are not there.
@Suite struct WordMaskTests {
  @Test(arguments: [
    ("omar pass", " the omar pass lies "), ("omar", " the omar pass "), ("the", " the omar "), ("omar", " omar "),
    ("omar", " omarr omar "), ("özal", " president özal said "), ("pass", "  pass  "),
  ])
  func aWordInTheHayIsNeverRuledOut(word: String, hay: String) {
    #expect(UTF8Search.containsWord(word, inHay: hay))
    #expect(WordMask(hay: hay).mayContain(WordMask.bit(ofFirstWordOf: word)))
  }

  @Test func anEmptyHayRulesOutEveryWord() {
    for hay in ["", " ", "  "] {
      let mask = WordMask(hay: hay)
      #expect(mask == WordMask())
      for word in ["a", "omar", "omar pass", "kalbajar"] { #expect(!mask.mayContain(WordMask.bit(ofFirstWordOf: word))) }
    }
  }

  @Test func aNeedleWithoutAFirstWordIsAlwaysSearched() {
    #expect(WordMask.bit(ofFirstWordOf: "") == nil)
    #expect(WordMask.bit(ofFirstWordOf: " pass") == nil)
    #expect(WordMask().mayContain(nil))
  }

  /// The card builder masks the title and source once per event and each question after them.
  @Test func aHayMaskedInTwoPartsIsMaskedWhole() {
    for (lead, question) in [(" the capture of kalbajar ", "who took omar pass "), (" ", "x "), ("  ", ""), (" a ", "")] {
      let hay = lead + question
      let parts = WordMask(hay: lead).union(WordMask(hay: hay, from: lead.utf8.count - 1))
      #expect(parts == WordMask(hay: hay), "\(hay)")
    }
    #expect(WordMask(hay: " a b ", from: 99) == WordMask())
  }

  @Test func onlyTheFirstWordOfANeedleDecides() {
    #expect(WordMask.bit(ofFirstWordOf: "omar pass") == WordMask.bit(ofFirstWordOf: "omar"))
    #expect(WordMask(hay: " omar ") == WordMask(hay: "omar"))
  }

  /// Every word and two-word run of hays drawn from a small vocabulary: a match is always allowed through, and
  /// most absent words (those whose bit no present word shares) are ruled out.
  @Test func generatedHaysAgreeWithTheByteSearch() {
    let vocabulary = [
      "kalbajar", "omar", "pass", "the", "armenian", "forces", "azerbaijani", "murov", "mountains", "april", "1993",
      "tunnel", "district", "ter", "tadevosyan", "n", "x", "élan", "a-b", "of",
    ]
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(bound))
    }
    var ruledOut = 0
    var absent = 0
    for _ in 0..<300 {
      let words = (0..<(1 + next(8))).map { _ in vocabulary[next(vocabulary.count)] }
      let hay = " " + words.joined(separator: " ") + " "
      let mask = WordMask(hay: hay)
      for (i, first) in vocabulary.enumerated() {
        for needle in [first, first + " " + vocabulary[(i + 1) % vocabulary.count]] {
          let bit = WordMask.bit(ofFirstWordOf: needle)
          if UTF8Search.containsWord(needle, inHay: hay) { #expect(mask.mayContain(bit), "\(needle) in \(hay)") }
        }
        if !words.contains(first) {
          absent += 1
          if !mask.mayContain(WordMask.bit(ofFirstWordOf: first)) { ruledOut += 1 }
        }
      }
    }
    // With at most eight words in 256 bits, nearly every absent word is ruled out.
    #expect(ruledOut * 10 >= absent * 9, "\(ruledOut) of \(absent) absent words ruled out")
  }
}
