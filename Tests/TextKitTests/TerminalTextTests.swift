import Foundation
import Testing

import TextKit

@Suite struct TerminalTextTests {
  @Test(arguments: [
    ("\u{1B}[31mred", "^[[31mred"),
    ("bell\u{07}", "bell^G"),
    ("del\u{7F}", "del^?"),
    ("csi\u{9B}31m", "csi<U+009B>31m"),
    ("\u{202E}evil\u{202C}", "<U+202E>evil<U+202C>"),
    ("line\nbreak\ttab", "line break tab"),
    ("Kəlbəcər — “quoted”", "Kəlbəcər — “quoted”"),
    ("zero\u{200B}width\u{FEFF}", "zero<U+200B>width<U+FEFF>"),
    ("para\u{2029}graph", "para<U+2029>graph"),
    ("👩\u{200D}🔬 می\u{200C}خواهم", "👩\u{200D}🔬 می\u{200C}خواهم"),
  ])
  func sanitizeShowsControlsVisibly(input: String, expected: String) {
    #expect(TerminalText.sanitize(input) == expected)
  }

  @Test func appendingSanitizedBytesWritesWhatSanitizeReturns() {
    var samples = [
      "plain ASCII", "", "\u{1B}[31mred", "del\u{7F}", "csi\u{9B}31m", "1 2 3 (a → b → c)", "Kəlbəcər — “quoted”",
      "soft\u{AD}hyphen", "nbsp\u{A0}here", "zero\u{200B}width\u{FEFF}", "para\u{2029}graph", "tag\u{E0041}s",
      "👩\u{200D}🔬 می\u{200C}خواهم", "line\nbreak\ttab", "\u{202E}evil\u{202C}", "é\u{0301} combining",
    ]
    // Every scalar up to U+3000 and the tag block, each alone and between ASCII letters.
    samples += (0..<0x3000).compactMap(Unicode.Scalar.init).map { "a\($0)b" }
    samples += (0xE0000..<0xE0100).compactMap(Unicode.Scalar.init).map { String($0) }
    for sample in samples {
      var bytes: [UInt8] = Array("before ".utf8)
      TerminalText.appendSanitized(sample, to: &bytes)
      #expect(bytes == Array(("before " + TerminalText.sanitize(sample)).utf8), "\(sample.unicodeScalars.map(\.value))")
    }
  }

  @Test func sanitizedTextHoldsNoControlScalars() {
    let hostile = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined() + "\u{7F}\u{85}\u{9B}\u{2066}"
    let safe = TerminalText.sanitize(hostile)
    #expect(!safe.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    #expect(!safe.unicodeScalars.contains { (0x2066...0x2069).contains($0.value) })
  }

  @Test func wrapBreaksAtWordsWithinWidth() {
    let text = "The provincial capital fell on April 3, 1993, after initial heavy resistance."
    let wrapped = TerminalText.wrap(text, width: 30, indent: "  ")
    let lines = wrapped.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines.allSatisfy { $0.count <= 30 })
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") })
    #expect(wrapped.replacingOccurrences(of: "\n  ", with: " ") == text)
  }

  @Test func wrapKeepsLeadingIndentOfAParagraph() {
    #expect(TerminalText.wrap("  ▶ one two", width: 80) == "  ▶ one two")
  }

  @Test func colourFollowsTerminalNoColorAndDumbTerm() {
    #expect(TerminalText.colourEnabled(outputIsTerminal: true, environment: ["TERM": "xterm"]))
    #expect(!TerminalText.colourEnabled(outputIsTerminal: false, environment: ["TERM": "xterm"]))
    #expect(!TerminalText.colourEnabled(outputIsTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": "1"]))
    #expect(!TerminalText.colourEnabled(outputIsTerminal: true, environment: ["TERM": "dumb"]))
    #expect(TerminalText.colourEnabled(outputIsTerminal: true, environment: ["NO_COLOR": ""]))
  }
}
