import Foundation
import GRDB
import SwiftProtobuf

/// Reads Anki packages (`.apkg`, `.colpkg`) of both layouts current Anki writes into an `AnkiCollection`.
///
/// ```swift
/// let collection = try AnkiPackageReader.read(fileAt: "French.apkg")
/// let collection = try AnkiPackageReader.read(data: bytes, file: "French.apkg")   // what fuzzers call
/// ```
/// The collection is unpacked into a private temporary folder, opened read-only and removed again.
public enum AnkiPackageReader {
  /// The largest package file read (1 GiB).
  public static let maximumPackageSize = 1 << 30

  /// Reads the package at `path`.
  public static func read(fileAt path: String) throws(InteropError) -> AnkiCollection {
    try read(data: try InputFile.read(path, limit: maximumPackageSize), file: path)
  }

  /// Reads a package held in memory; `file` names it in errors.
  public static func read(data: Data, file: String) throws(InteropError) -> AnkiCollection {
    var archive = try PackageArchive(data: data, file: file)
    var version: Int32 = 0
    if archive.contains("meta") {
      let meta = try archive.read("meta", limit: 1 << 16)
      do {
        version = try AnkiProto.PackageMetadata(serializedBytes: meta).version
      } catch {
        throw InteropError(file: file, place: "entry meta", "the package metadata is not readable protobuf")
      }
    }
    let entry: String
    let format: AnkiCollection.Format
    switch version {
    case 3:
      entry = "collection.anki21b"
      format = .latest
    case 2:
      entry = "collection.anki21"
      format = .legacy
    case 0, 1:
      entry = archive.contains("collection.anki21") ? "collection.anki21" : "collection.anki2"
      format = .legacy
    default:
      throw InteropError(
        file: file, place: "entry meta", "package version \(version) is newer than this Annals reads",
        hint: "export it from Anki with “Support older Anki versions” ticked")
    }
    guard archive.contains(entry) else {
      throw InteropError(
        file: file, "no \(entry) inside, so not an Anki package",
        hint: "entries found: \(archive.names.prefix(8).joined(separator: ", "))")
    }
    var database = try archive.read(entry)
    if format == .latest {
      do {
        database = try Zstd.decompress(database, limit: PackageArchive.maximumEntrySize)
      } catch .tooLarge(let limit) {
        throw InteropError(
          file: file, place: "entry \(entry)", "refused: it decompresses to more than \(limit) bytes, as a bomb would")
      } catch {
        throw InteropError(file: file, place: "entry \(entry)", "the collection is not valid zstd data")
      }
    }
    guard database.starts(with: Array("SQLite format 3\0".utf8)) else {
      throw InteropError(
        file: file, place: "entry \(entry)", "the collection is not an SQLite database",
        hint: "the package is damaged or was not written by Anki")
    }
    let media = try mediaNames(&archive, format: format)
    var collection = try CollectionFile.withTemporaryCopy(of: database, file: file, entry: entry) { db in
      try readCollection(db, format: format)
    }
    collection.media = media
    return collection
  }

  /// Media names from the `media` entry: a JSON map (legacy) or zstd protobuf (latest); each name checked.
  static func mediaNames(_ archive: inout PackageArchive, format: AnkiCollection.Format) throws(InteropError) -> [String] {
    guard archive.contains("media") else { return [] }
    let raw = try archive.read("media", limit: 64 << 20)
    let file = archive.file
    var names: [(key: String, name: String)] = []
    switch format {
    case .legacy:
      guard let object = try? JSONSerialization.jsonObject(with: raw), let map = object as? [String: Any] else {
        throw InteropError(file: file, place: "entry media", "the media list is not a JSON object")
      }
      for (key, value) in map.sorted(by: { $0.key < $1.key }) {
        guard let name = value as? String else {
          throw InteropError(file: file, place: "entry media, key \(key)", "the media name is not a string")
        }
        names.append((key, name))
      }
    case .latest:
      do {
        let bytes = try Zstd.decompress(raw, limit: 64 << 20)
        let entries = try AnkiProto.MediaEntries(serializedBytes: bytes).entries
        for (i, e) in entries.enumerated() { names.append((String(i), e.name)) }
      } catch {
        throw InteropError(file: file, place: "entry media", "the media list is not readable (zstd protobuf)")
      }
    }
    for (key, name) in names where !isSafeMediaName(name) {
      throw InteropError(
        file: file, place: "entry media, key \(key)",
        "unsafe media name '\(name.unicodeScalars.map { $0.value < 0x20 ? "?" : String($0) }.joined())'",
        hint: "a media name is a plain file name; names with '/', '\\' or '..' could write outside the media folder")
    }
    return names.map(\.name)
  }

  /// A plain file name: no folders, no `..`, no control characters.
  static func isSafeMediaName(_ name: String) -> Bool {
    !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\\")
      && !name.hasPrefix("..") && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
      && name.utf8.count <= 255
  }

  private static func readCollection(_ db: Database, format: AnkiCollection.Format) throws -> AnkiCollection {
    guard let col = try Row.fetchOne(db, sql: "SELECT crt, ver, models, decks FROM col") else {
      throw CollectionFile.Problem.missing("the col table is empty")
    }
    let created: Int64 = col["crt"]
    let schema: Int = col["ver"]
    var notetypes: [Int64: AnkiCollection.Notetype] = [:]
    var decks: [Int64: String] = [:]
    if schema >= 15, try db.tableExists("notetypes") {
      try readSchema18(db, notetypes: &notetypes, decks: &decks)
    } else {
      try readLegacyJSON(models: col["models"], decks: col["decks"], notetypes: &notetypes, deckNames: &decks)
    }
    var notes: [AnkiCollection.Note] = []
    let noteRows = try Row.fetchCursor(db, sql: "SELECT id, guid, mid, tags, flds FROM notes ORDER BY id")
    while let row = try noteRows.next() {
      let tags = (row["tags"] as String? ?? "").split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
      let fields = (row["flds"] as String? ?? "").split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
      notes.append(.init(id: row["id"], guid: row["guid"] ?? "", notetypeID: row["mid"], fields: fields, tags: tags))
    }
    var cards: [AnkiCollection.Card] = []
    let cardRows = try Row.fetchCursor(
      db, sql: "SELECT id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, data FROM cards ORDER BY nid, ord, id")
    while let row = try cardRows.next() {
      cards.append(
        .init(
          id: row["id"], noteID: row["nid"], deckID: row["did"], ord: row["ord"], type: row["type"],
          queue: row["queue"], due: row["due"], interval: row["ivl"], factor: row["factor"], reps: row["reps"],
          lapses: row["lapses"], data: row["data"] ?? "{}"))
    }
    var reviews: [AnkiCollection.Review] = []
    let reviewRows = try Row.fetchCursor(
      db, sql: "SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id")
    while let row = try reviewRows.next() {
      reviews.append(
        .init(
          id: row["id"], cardID: row["cid"], ease: row["ease"], interval: row["ivl"], lastInterval: row["lastIvl"],
          factor: row["factor"], time: row["time"], type: row["type"]))
    }
    return AnkiCollection(
      format: format, created: created, notetypes: notetypes, decks: decks, notes: notes, cards: cards,
      reviews: reviews, media: [])
  }

  /// Schema 18: note types, fields and templates in their own tables (configs as protobuf), deck names with U+001F.
  private static func readSchema18(
    _ db: Database, notetypes: inout [Int64: AnkiCollection.Notetype], decks: inout [Int64: String]
  ) throws {
    for row in try Row.fetchAll(db, sql: "SELECT id, name, config FROM notetypes") {
      let config = try AnkiProto.NotetypeConfig(serializedBytes: row["config"] as Data? ?? Data())
      let id: Int64 = row["id"]
      notetypes[id] = .init(id: id, name: row["name"], isCloze: config.kind == 1, fields: [], templates: [])
    }
    for row in try Row.fetchAll(db, sql: "SELECT ntid, name FROM fields ORDER BY ntid, ord") {
      notetypes[row["ntid"]]?.fields.append(row["name"])
    }
    for row in try Row.fetchAll(db, sql: "SELECT ntid, name, config FROM templates ORDER BY ntid, ord") {
      let config = try AnkiProto.TemplateConfig(serializedBytes: row["config"] as Data? ?? Data())
      notetypes[row["ntid"]]?.templates.append(
        .init(name: row["name"], questionFormat: config.questionFormat, answerFormat: config.answerFormat))
    }
    for row in try Row.fetchAll(db, sql: "SELECT id, name FROM decks") {
      let name: String = row["name"]
      decks[row["id"]] = name.split(separator: "\u{1F}", omittingEmptySubsequences: false).joined(separator: "::")
    }
  }

  /// Schema 11: note types and decks as JSON in the `col` row.
  private static func readLegacyJSON(
    models: String?, decks: String?, notetypes: inout [Int64: AnkiCollection.Notetype],
    deckNames: inout [Int64: String]
  ) throws {
    struct Model: Decodable {
      struct Field: Decodable { var name: String; var ord: Int? }
      struct Tmpl: Decodable { var name: String; var ord: Int?; var qfmt: String; var afmt: String }
      var name: String
      var type: Int?
      var flds: [Field]
      var tmpls: [Tmpl]
    }
    struct DeckJSON: Decodable { var name: String }
    let decoder = JSONDecoder()
    let modelMap = try decoder.decode([String: Model].self, from: Data((models ?? "{}").utf8))
    for (key, m) in modelMap {
      guard let id = Int64(key) else { continue }
      notetypes[id] = .init(
        id: id, name: m.name, isCloze: m.type == 1,
        fields: m.flds.enumerated().sorted { ($0.element.ord ?? $0.offset) < ($1.element.ord ?? $1.offset) }.map(\.element.name),
        templates: m.tmpls.enumerated().sorted { ($0.element.ord ?? $0.offset) < ($1.element.ord ?? $1.offset) }.map {
          .init(name: $0.element.name, questionFormat: $0.element.qfmt, answerFormat: $0.element.afmt)
        })
    }
    for (key, d) in try decoder.decode([String: DeckJSON].self, from: Data((decks ?? "{}").utf8)) {
      if let id = Int64(key) { deckNames[id] = d.name }
    }
  }
}
