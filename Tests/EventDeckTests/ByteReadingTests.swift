import Foundation
import Testing

@testable import EventDeck

/// The deck reader's byte paths against the scalar and character paths they replaced: the same answers for every
/// text, ASCII or not.
@Suite struct ByteReadingTests {
  @Test func collapsingWhitespaceByBytesIsCollapsingByScalars() {
    var samples = [
      "", " ", "  lead and trail  ", "one\ttwo\nthree\r\nfour\u{0B}five\u{0C}six", "Kəlbəcər —  “quoted”\u{00A0}here",
      "wide\u{3000}space\u{2028}line\u{2029}para\u{0085}next", "zero\u{200B}width stays", "é\u{0301}  combining",
      "👩\u{200D}🔬  emoji", "\u{1680}ogham\u{202F}narrow\u{205F}math", "a\u{2000}b\u{200A}c",
    ]
    // Every scalar below U+3100, alone and between letters and spaces.
    samples += (0..<0x3100).compactMap(Unicode.Scalar.init).flatMap { ["a\($0)b", " \($0) ", String($0)] }
    for sample in samples {
      #expect(
        DeckParser.collapsingWhitespace(sample) == DeckParser.collapsingWhitespaceByScalars(sample),
        "\(sample.unicodeScalars.map(\.value))")
    }
  }

  @Test func validIDsByBytesAreValidIDsByCharacters() {
    var samples = [
      "", "-", "a", "a-b", "a--b", "-a", "a-", "kalbajar-1993", "Upper", "under_score", "space d", "é", "e\u{0301}",
      "a\u{0301}-b", "-\u{0301}a", "１２", "a\r\nb", "x9-9x", "9", "a.b", "a/b",
    ]
    let alphabet: [Character] = ["a", "z", "0", "9", "-", "A", "_", " ", "é", "\u{0301}"]
    // Every id of up to three characters from a small alphabet.
    for a in alphabet {
      samples.append(String(a))
      for b in alphabet {
        samples.append(String([a, b]))
        for c in alphabet { samples.append(String([a, b, c])) }
      }
    }
    for sample in samples {
      #expect(DeckParser.isValidID(sample) == DeckParser.isValidIDByCharacters(sample), "\(sample.unicodeScalars.map(\.value))")
    }
  }
}
