import Testing

@testable import TextKit

/// `ByteWordSet` answers as a `Set<String>` of the same words does, for held words, near misses and long words.
@Suite struct ByteWordSetTests {
  @Test func answersAsASetDoes() {
    let words: Set<String> = ["the", "a", "an", "of", "forces", "force", "extraordinarily-long-word", "9th", "Özal"]
    let set = ByteWordSet(words)
    let asked = Array(words) + [
      "", "th", "thee", "forc", "forcess", "b", "extraordinarily-long-wore", "extraordinarily-long-word2", "9TH", "ozal",
      "Özal", "Ö", "zz", "The",
    ]
    for word in asked {
      #expect(set.contains(word) == words.contains(word), "\(word)")
    }
    #expect(!set.contains(""))
    #expect(ByteWordSet([""]).contains(""))
    #expect(!ByteWordSet([]).contains("a"))
  }
}
