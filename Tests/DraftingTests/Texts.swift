import Drafting
import EventDeck
import Foundation

/// The test texts and ways to draft them into a folder of their own.
enum Texts {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  static let kalbajarSource = root.appendingPathComponent("Decks/sources/battle-of-kalbajar.txt")
  static let kalbajarDeck = root.appendingPathComponent("Decks/kalbajar.yaml")

  static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }
  static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

  /// Drafts `source` into `Decks/<id>.yaml` of a new temporary folder, with the text copied to `Decks/sources/`;
  /// returns the draft and the deck's path.
  static func draftInFolder(_ source: URL, id: String) throws -> (Draft, String) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("annals-draft-\(id)-\(UUID().uuidString)")
    let sources = dir.appendingPathComponent("Decks/sources")
    try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
    let copy = sources.appendingPathComponent(source.lastPathComponent)
    try FileManager.default.copyItem(at: source, to: copy)
    let draft = Drafter.draft(
      text: try text(source), options: DraftOptions(id: id, sourceFile: "sources/" + source.lastPathComponent))
    let path = dir.appendingPathComponent("Decks/\(id).yaml").path
    try Data(try draft.yaml().utf8).write(to: URL(fileURLWithPath: path))
    return (draft, path)
  }

  /// One line per date, quantity and entity: what the extraction tables assert.
  static func tables(_ draft: Draft) -> [String] {
    var out: [String] = []
    for d in draft.dates {
      out.append("date s\(d.sentence) '\(d.mention.text)' = \(d.mention.value)\(d.mention.yearFrom.map { " (year from s\($0))" } ?? "")")
    }
    for q in draft.quantities {
      let m = q.mention
      out.append(
        "quantity s\(q.sentence) '\(m.text)' = \(DeckWriterNumber.format(m.value))"
          + (m.unit.map { " \($0)" } ?? "") + (m.qualifier == .exact ? "" : " [\(m.qualifier.rawValue)]")
          + (m.noun.map { " of '\($0)'" } ?? ""))
    }
    for e in draft.entities {
      out.append(
        "\(e.kind.rawValue) s\(e.sentence) '\(e.name)'" + (e.aliases.isEmpty ? "" : " aka \(e.aliases.joined(separator: ", "))")
          + (e.role.map { " role '\($0)'" } ?? "") + (e.type.map { " type '\($0)'" } ?? ""))
    }
    return out
  }
}

enum DeckWriterNumber {
  static func format(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
}
