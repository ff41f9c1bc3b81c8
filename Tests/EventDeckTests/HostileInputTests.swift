import Foundation
import Testing

@testable import EventDeck

/// Input meant to crash, hang or exhaust memory is refused with a located error instead.
@Suite("Hostile input")
struct HostileInputTests {
  func lint(_ bytes: [UInt8], name: String = "hostile.yaml") -> DeckReport {
    DeckLoader.lint(data: Data(bytes), path: name, baseDirectory: Fixtures.root)
  }

  func lint(_ text: String) -> DeckReport { lint(Array(text.utf8)) }

  func only(_ report: DeckReport) -> Diagnostic? {
    report.diagnostics.count == 1 ? report.diagnostics[0] : nil
  }

  @Test("a file over 4 MiB is refused before it is parsed")
  func sizeCap() throws {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("huge.yaml").path
    let line = Array("# padding padding padding padding padding padding padding padding padding padding\n".utf8)
    var bytes: [UInt8] = []
    while bytes.count <= DeckLoader.maximumFileSize { bytes += line }
    #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
    let d = try #require(only(DeckLoader.lint(fileAt: path)))
    #expect(d.message.hasPrefix("the file is too large to be a deck (\(bytes.count) bytes; the limit is 4 MiB)"))
    #expect(d.location == SourceLocation(file: path, line: 1, column: 1))
    // The same guard holds for text handed over directly.
    #expect(only(lint(bytes))?.message.hasPrefix("the file is too large") == true)
  }

  @Test("a billion-laughs file is stopped at the alias that passes the budget")
  func billionLaughs() throws {
    let d = try #require(only(DeckLoader.lint(fileAt: Fixtures.rule("laughs"))))
    #expect(d.message == "YAML aliases here expand to more than 100000 nodes")
    #expect((d.location.line, d.location.column) == (5, 45))
  }

  @Test("aliases used as mapping keys cannot make Yams hash an exponential tree")
  func aliasAsKey() throws {
    let d = try #require(only(DeckLoader.lint(fileAt: Fixtures.rule("laughs-as-key"))))
    #expect(d.message == "YAML aliases here expand to more than 100000 nodes")
  }

  @Test("a few aliases within budget are read like the values they repeat")
  func modestAliases() throws {
    let yaml = """
      deck:
        id: d
        title: D
        sources: [{key: k, title: K}]
      people:
        - &someone {id: a, name: A, source: x, tags: &tags [one, two]}
        - {id: b, name: B, source: x, tags: *tags}
      """
    let report = lint(yaml)
    #expect(report.diagnostics == [])
    #expect(report.deck?.people.map(\.tags) == [["one", "two"], ["one", "two"]])
  }

  @Test("an alias to an anchor that does not exist is refused with its place")
  func undefinedAlias() throws {
    let d = try #require(only(lint("deck: {id: d, title: *nothing}\n")))
    #expect(d.message == "YAML alias '*nothing' has no anchor '&nothing' before it")
    #expect((d.location.line, d.location.column) == (1, 22))
  }

  @Test("nesting deeper than 64 levels is refused at the first node too deep")
  func nestingDepth() throws {
    let yaml = "deck: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n"
    let d = try #require(only(lint(yaml)))
    #expect(d.message == "the YAML is nested more than 64 levels deep")
    #expect((d.location.line, d.location.column) == (1, 7 + 63))
  }

  @Test("nesting deep enough to overflow a recursive parser is refused, not a crash")
  func extremeNesting() throws {
    let yaml = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
    let d = try #require(only(lint(yaml)))
    #expect(d.message == "the YAML is nested too deeply")
    #expect(d.location.line == 1)
  }

  @Test("bytes that are not UTF-8 are refused at their line and column")
  func notUTF8() throws {
    let bytes = Array("deck:\n  id: d\n  title: caf".utf8) + [0xE9] + Array("\n".utf8)
    let d = try #require(only(lint(bytes)))
    #expect(d.message == "the file is not valid UTF-8 (byte 0xE9)")
    #expect((d.location.line, d.location.column) == (3, 13))
  }

  @Test("control characters are refused at their place")
  func controlCharacter() throws {
    let d = try #require(only(lint("deck:\n  id: d\n  title: a\u{1B}[2Jb\n")))
    #expect(d.message == "the file contains the control character U+001B")
    #expect((d.location.line, d.location.column) == (3, 11))
  }

  @Test("an empty file, or one holding only comments, is refused")
  func empty() throws {
    #expect(only(lint([]))?.message == "the file is empty")
    #expect(only(lint("# nothing here\n\n"))?.message == "the file is empty")
  }

  @Test("a top level that is a list or a bare text is refused")
  func topLevelNotMapping() throws {
    #expect(only(lint("- a\n- b\n"))?.message.hasPrefix("the top level of a deck should be a mapping") == true)
    #expect(
      only(lint("just words\n"))?.message
        == "the top level of a deck should be a mapping (deck:, people:, events: …), found 'just words'")
  }

  @Test("a missing file and a folder are reported, not thrown")
  func missingFile() {
    #expect(only(DeckLoader.lint(fileAt: "/nonexistent/deck.yaml"))?.message == "no such deck file")
    #expect(only(DeckLoader.lint(fileAt: Fixtures.root.path))?.message == "this is a folder, not a deck file")
  }
}
