import Foundation
import Testing

@testable import EventDeck

/// A deck's `sources[].file` must resolve inside its workspace (or its own folder outside one), symbolic links
/// included; a path outside is a located error and the file is never read.
@Suite("Source files stay in the workspace")
struct SourceConfinementTests {
  static let secret = "The secret sentence lives outside the workspace."

  /// `<tmp>/outside.txt` (holding the secret) beside `<tmp>/ws/` with `Decks/`, `Decks/sources/notes.txt` and
  /// `Progress/`.
  func layout() throws -> (base: URL, workspace: URL) {
    let base = try Fixtures.temporaryDirectory()
    let workspace = base.appendingPathComponent("ws")
    let sources = workspace.appendingPathComponent("Decks/sources")
    try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: workspace.appendingPathComponent("Progress"), withIntermediateDirectories: true)
    try Data(Self.secret.utf8).write(to: base.appendingPathComponent("outside.txt"))
    try Data("The notes say the event happened.".utf8).write(to: sources.appendingPathComponent("notes.txt"))
    return (base, workspace)
  }

  func deck(file: String, quote: String) -> String {
    """
    deck:
      id: probe
      title: Probe
      sources:
        - key: s
          title: S
          file: \(file)
    events:
      - id: e
        title: the event
        summary: The event happened.
        date: 1901-01-01
        source: \(quote)
    """
  }

  func lint(_ text: String, in folder: URL) throws -> DeckReport {
    let path = folder.appendingPathComponent("probe.yaml").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return DeckLoader.lint(fileAt: path)
  }

  @Test("../ out of the workspace is an error at the file: value, and the quote is not confirmed")
  func dotDot() throws {
    let (base, workspace) = try layout()
    defer { try? FileManager.default.removeItem(at: base) }
    let report = try lint(deck(file: "../../outside.txt", quote: Self.secret), in: workspace.appendingPathComponent("Decks"))
    let errors = report.diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1)
    let error = try #require(errors.first)
    #expect(error.message == "the text of source 's' ('../../outside.txt') lies outside the workspace; Annals does not read it")
    #expect((error.location.line, error.location.column) == (7, 13))
    #expect(error.hint.contains("file: sources/outside.txt"))
  }

  @Test("/etc/shadow by an absolute path or many ../ is refused")
  func etcShadow() throws {
    let (base, workspace) = try layout()
    defer { try? FileManager.default.removeItem(at: base) }
    for file in ["../../../../../../../../etc/shadow", "/etc/shadow", "/etc/passwd"] {
      let report = try lint(deck(file: file, quote: "root"), in: workspace.appendingPathComponent("Decks"))
      #expect(report.diagnostics.contains { $0.message.contains("lies outside the workspace") }, "\(file)")
      #expect(!report.diagnostics.contains { $0.message.contains("does not appear") }, "\(file)")
    }
  }

  @Test("a symbolic link inside the workspace pointing out of it is refused")
  func symlinkOut() throws {
    let (base, workspace) = try layout()
    defer { try? FileManager.default.removeItem(at: base) }
    let link = workspace.appendingPathComponent("Decks/sources/link.txt")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: base.appendingPathComponent("outside.txt"))
    let report = try lint(deck(file: "sources/link.txt", quote: Self.secret), in: workspace.appendingPathComponent("Decks"))
    #expect(report.errorCount == 1)
    #expect(report.diagnostics.first?.message.contains("('sources/link.txt') lies outside the workspace") == true)
  }

  @Test("a source inside the workspace, also through ../ from a subfolder, is read and checked")
  func inside() throws {
    let (base, workspace) = try layout()
    defer { try? FileManager.default.removeItem(at: base) }
    let good = try lint(
      deck(file: "sources/notes.txt", quote: "The notes say the event happened."),
      in: workspace.appendingPathComponent("Decks"))
    #expect(good.errorCount == 0, "\(good.diagnostics)")
    let nested = workspace.appendingPathComponent("Decks/more")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    let up = try lint(deck(file: "../sources/notes.txt", quote: "Not in the notes."), in: nested)
    #expect(up.diagnostics.map(\.message) == ["the quote does not appear in source 's' (../sources/notes.txt)"])
  }

  @Test("outside any workspace the deck's own folder is the limit")
  func ownFolder() throws {
    let (base, _) = try layout()
    defer { try? FileManager.default.removeItem(at: base) }
    let loose = base.appendingPathComponent("loose")
    try FileManager.default.createDirectory(at: loose, withIntermediateDirectories: true)
    let report = try lint(deck(file: "../outside.txt", quote: Self.secret), in: loose)
    #expect(report.diagnostics.first?.message.contains("lies outside the deck's folder") == true)
  }
}
