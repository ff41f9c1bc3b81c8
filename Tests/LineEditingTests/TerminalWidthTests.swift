import Testing
import TextKit

@testable import LineEditing

@Suite struct TerminalWidthTests {
  @Test func widthComesFromColumnsThenDefaults() {
    #expect(TerminalText.width(environment: ["COLUMNS": "120"]) == 120)
    #expect(TerminalText.width(environment: [:], fileDescriptor: -1) == 80)
  }

  @Test func styleWritesNoEscapesWhenColourIsOff() {
    #expect(Style(colour: false).bad("x") == "x")
    #expect(Style(colour: true).bad("x") == "\u{1B}[31mx\u{1B}[0m")
  }
}
