import CardBuilder
import EventDeck
import Foundation
import GRDB
import ZIPFoundation

/// Writes Annals cards as a legacy (schema 11) Anki package, the layout every current Anki imports.
///
/// ```swift
/// let cards = CardBuilder(deck: deck).cards()
/// let summary = try AnkiPackageWriter(deck: deck, cards: cards).write(to: "kalbajar.apkg", now: Date())
/// ```
/// Typed cards use a type-in note type, clozes a cloze type, multiple choice and orderings a note type with the
/// options on the front; each note carries the source sentence, the deck title and the card id. GUIDs and ids
/// derive from card ids, so a second export of the same deck is recognised by Anki as the same notes.
public struct AnkiPackageWriter: Sendable {
  /// What was written.
  public struct Summary: Sendable, Equatable {
    public var notes: Int
    public var cards: Int
    public var reviews: Int
    /// Subdeck names, "Deck::Era".
    public var decks: [String]
  }

  public let deck: Deck
  public let cards: [Card]
  /// Scheduling and review history by Annals card id (`--learner`); empty for new cards.
  public var progress: [String: LearnerProgress.Card]

  public init(deck: Deck, cards: [Card], progress: [String: LearnerProgress.Card] = [:]) {
    self.deck = deck
    self.cards = cards
    self.progress = progress
  }

  /// Writes the package to `path` (through a temporary file beside it, renamed into place).
  public func write(to path: String, now: Date) throws(InteropError) -> Summary {
    let output = URL(fileURLWithPath: path)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("annals-apkg-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(
        at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    } catch {
      throw InteropError(file: path, "cannot make a temporary folder (\(error.localizedDescription))")
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    let collection = folder.appendingPathComponent("collection.anki2")
    let summary: Summary
    do {
      let queue = try DatabaseQueue(path: collection.path)
      summary = try queue.write { db in try fill(db, now: now) }
      try queue.close()
    } catch {
      throw InteropError(file: path, "cannot write the collection (\(error))")
    }
    let media = folder.appendingPathComponent("media")
    let partial = output.deletingLastPathComponent().appendingPathComponent(
      ".\(output.lastPathComponent).\(UUID().uuidString).partial")
    do {
      try Data("{}".utf8).write(to: media)
      let archive = try Archive(url: partial, accessMode: .create)
      try archive.addEntry(with: "collection.anki2", fileURL: collection, compressionMethod: .deflate)
      try archive.addEntry(with: "media", fileURL: media, compressionMethod: .deflate)
    } catch {
      try? FileManager.default.removeItem(at: partial)
      throw InteropError(file: path, "cannot write the package (\(error.localizedDescription))",
                         hint: "check that the folder exists and is writable")
    }
    do {
      if FileManager.default.fileExists(atPath: output.path) { try FileManager.default.removeItem(at: output) }
      try FileManager.default.moveItem(at: partial, to: output)
    } catch {
      try? FileManager.default.removeItem(at: partial)
      throw InteropError(file: path, "cannot move the package into place (\(error.localizedDescription))")
    }
    return summary
  }

  // MARK: - The collection

  /// The note type a card is written as.
  enum NoteKind: Int, CaseIterable {
    case typed, cloze, choice

    /// Fixed ids, so a second export finds its note types again.
    var modelID: Int64 { 1_733_000_000_101 + Int64(rawValue) }
    var name: String { ["Annals typed", "Annals cloze", "Annals choice"][rawValue] }
    var fields: [String] {
      switch self {
      case .typed: ["Question", "Answer", "Accepted", "Source", "Deck", "Card ID"]
      case .cloze: ["Text", "Source", "Deck", "Card ID"]
      case .choice: ["Question", "Options", "Answer", "Source", "Deck", "Card ID"]
      }
    }
    var questionFormat: String {
      switch self {
      case .typed: "{{Question}}\n\n{{type:Answer}}"
      case .cloze: "{{cloze:Text}}"
      case .choice: "{{Question}}\n<div class=options>{{Options}}</div>"
      }
    }
    var answerFormat: String {
      let footer = "\n<div class=source>{{Source}}</div>\n<div class=origin>{{Deck}} · {{Card ID}}</div>"
      switch self {
      case .typed: return "{{Question}}\n\n<hr id=answer>\n\n{{type:Answer}}\n{{#Accepted}}<div class=accepted>also: {{Accepted}}</div>{{/Accepted}}" + footer
      case .cloze: return "{{cloze:Text}}" + footer
      case .choice: return "{{FrontSide}}\n\n<hr id=answer>\n\n<div class=answer>{{Answer}}</div>" + footer
      }
    }
  }

  /// One Anki note for one Annals card.
  struct NoteRow {
    var kind: NoteKind
    var fields: [String]
  }

  static func note(for card: Card, deckTitle: String) -> NoteRow {
    let source = escape(card.source ?? "")
    let origin = [escape(deckTitle), escape(card.id)]
    switch card.expectation {
    case .choice(let right):
      let options = "<ol type=A>" + card.choices.map { "<li>" + escape($0) + "</li>" }.joined() + "</ol>"
      let letter = right < 26 ? String(UnicodeScalar(UInt8(65 + right))) + ". " : ""
      return NoteRow(kind: .choice, fields: [escape(card.prompt), options, letter + escape(card.answer), source] + origin)
    case .ordering(let order):
      let options = "<ol>" + card.choices.map { "<li>" + escape($0) + "</li>" }.joined() + "</ol>"
      let answer = "<ol>" + order.map { "<li>" + escape(card.choices[$0]) + "</li>" }.joined() + "</ol>"
      return NoteRow(kind: .choice, fields: [escape(card.prompt), options, answer, source] + origin)
    default:
      if let text = clozeText(card) { return NoteRow(kind: .cloze, fields: [text, source] + origin) }
      return NoteRow(
        kind: .typed,
        fields: [escape(card.prompt), escape(card.answer), escape(card.accepted.joined(separator: "; ")), source] + origin)
    }
  }

  /// "Fill in the blank: “… the _____ …”" with its answer → "… the {{c1::answer}} …".
  static func clozeText(_ card: Card) -> String? {
    let prefix = "Fill in the blank: "
    guard card.prompt.hasPrefix(prefix), card.prompt.contains("_____") else { return nil }
    var text = String(card.prompt.dropFirst(prefix.count))
    if text.hasPrefix("\u{201C}"), text.hasSuffix("\u{201D}") { text = String(text.dropFirst().dropLast()) }
    // Escape around the blanks, then put the deletion in: the answer may itself hold `&` or `<`.
    return text.components(separatedBy: "_____").map(escape).joined(
      separator: "{{c1::" + escape(card.answer).replacingOccurrences(of: "}}", with: "} }") + "}}")
  }

  static func escape(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\u{1F}": out += " "
      default: out.append(c)
      }
    }
    return out
  }

  /// A positive id below 2^53 (JavaScript-safe, as Anki's ids are) from `key`.
  static func stableID(_ key: String) -> Int64 {
    1_000_000_000_000 + Int64(SHA1Digest.prefixValue(of: key, bytes: 6) % 8_000_000_000_000)
  }

  /// Anki's `csum`: the first 8 hex digits of SHA-1 of the first field's text, as an integer.
  static func checksum(_ firstField: String) -> Int64 {
    Int64(SHA1Digest.prefixValue(of: HTMLText.plain(firstField), bytes: 4))
  }

  private func fill(_ db: Database, now: Date) throws -> Summary {
    try db.execute(sql: Self.schema)
    let nowSeconds = Int64(now.timeIntervalSince1970)
    let nowMillis = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
    // Days of review cards count from the collection's creation: put it at the start of today (UTC).
    let created = nowSeconds - nowSeconds % 86_400
    let topID = Self.stableID("deck:" + deck.id)
    var deckIDs: [String?: Int64] = [nil: topID]
    var deckNames: [Int64: String] = [topID: deck.title]
    let eraTitles = Dictionary(deck.eras.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
    for card in cards {
      guard let era = card.era, deckIDs[era] == nil else { continue }
      let id = Self.stableID("deck:" + deck.id + "/" + era)
      deckIDs[era] = id
      deckNames[id] = deck.title + "::" + (eraTitles[era] ?? era).replacingOccurrences(of: "::", with: ":")
    }
    var usedNoteIDs = Set<Int64>()
    var usedCardIDs = Set<Int64>()
    var reviewCount = 0
    for (position, card) in cards.enumerated() {
      let row = Self.note(for: card, deckTitle: deck.title)
      var noteID = Self.stableID("note:" + card.id)
      while !usedNoteIDs.insert(noteID).inserted { noteID += 1 }
      var cardID = Self.stableID("card:" + card.id)
      while !usedCardIDs.insert(cardID).inserted { cardID += 1 }
      let tags = card.tags.map { $0.replacingOccurrences(of: " ", with: "_") }
      try db.execute(
        sql: """
          INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data)
          VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')
          """,
        arguments: [
          noteID, Self.guid(card.id), row.kind.modelID, nowSeconds, tags.isEmpty ? "" : " " + tags.joined(separator: " ") + " ",
          row.fields.joined(separator: "\u{1F}"), HTMLText.plain(row.fields[0]), Self.checksum(row.fields[0]),
        ])
      var scheduling = (type: 0, queue: 0, due: Int64(position + 1), interval: 0, factor: 0, reps: 0, lapses: 0, data: "{}")
      if let learner = progress[card.id] { scheduling = learner.ankiCard(created: created) }
      if scheduling.type == 0 { scheduling.due = Int64(position + 1) }
      try db.execute(
        sql: """
          INSERT INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue,
                             odid, flags, data)
          VALUES (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?)
          """,
        arguments: [
          cardID, noteID, deckIDs[card.era] ?? topID, nowSeconds, scheduling.type, scheduling.queue, scheduling.due,
          scheduling.interval, scheduling.factor, scheduling.reps, scheduling.lapses, scheduling.data,
        ])
      for review in progress[card.id]?.reviews ?? [] {
        var id = review.id
        while try Bool.fetchOne(db, sql: "SELECT 1 FROM revlog WHERE id = ?", arguments: [id]) == true { id += 1 }
        try db.execute(
          sql: "INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)",
          arguments: [id, cardID, review.ease, review.interval, review.lastInterval, review.factor, review.time, review.type])
        reviewCount += 1
      }
    }
    try db.execute(
      sql: """
        INSERT INTO col (id, crt, mod, scm, ver, dty, usn, ls, conf, models, decks, dconf, tags)
        VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')
        """,
      arguments: [
        created, nowMillis, nowMillis, Self.json(conf(nextPosition: cards.count + 1)),
        Self.json(models(deckID: topID, now: nowSeconds)), Self.json(decks(deckNames, now: nowSeconds)),
        Self.json(["1": Self.deckConfig]),
      ])
    return Summary(
      notes: cards.count, cards: cards.count, reviews: reviewCount,
      decks: deckNames.values.sorted())
  }

  /// A note GUID from the card id: the same card always has the same GUID.
  static func guid(_ cardID: String) -> String {
    "annals-" + String(SHA1Digest.hex(of: "annals-guid:" + cardID).prefix(16))
  }

  private func conf(nextPosition: Int) -> [String: Any] {
    [
      "schedVer": 2, "activeDecks": [1], "curDeck": 1, "newSpread": 0, "collapseTime": 1200, "timeLim": 0,
      "estTimes": true, "dueCounts": true, "curModel": NoteKind.typed.modelID, "nextPos": nextPosition,
      "sortType": "noteFld", "sortBackwards": false, "addToCur": true,
    ]
  }

  private func models(deckID: Int64, now: Int64) -> [String: Any] {
    var models: [String: Any] = [:]
    for kind in NoteKind.allCases {
      models[String(kind.modelID)] = [
        "id": kind.modelID, "name": kind.name, "type": kind == .cloze ? 1 : 0, "mod": now, "usn": -1, "sortf": 0,
        "did": deckID, "css": Self.css, "latexPre": Self.latexPre, "latexPost": "\\end{document}", "latexsvg": false,
        "tags": [String](), "vers": [Int](), "req": [[0, "any", [0]]],
        "tmpls": [
          [
            "name": kind == .cloze ? "Cloze" : "Card 1", "ord": 0, "qfmt": kind.questionFormat,
            "afmt": kind.answerFormat, "bqfmt": "", "bafmt": "", "did": NSNull(),
          ] as [String: Any]
        ],
        "flds": kind.fields.enumerated().map { i, name in
          ["name": name, "ord": i, "sticky": false, "rtl": false, "font": "Arial", "size": 20, "media": [String]()]
            as [String: Any]
        },
      ] as [String: Any]
    }
    return models
  }

  private func decks(_ names: [Int64: String], now: Int64) -> [String: Any] {
    var decks: [String: Any] = [:]
    for (id, name) in names.merging([1: "Default"], uniquingKeysWith: { a, _ in a }) {
      decks[String(id)] = [
        "id": id, "name": name, "mod": now, "usn": -1, "collapsed": false, "browserCollapsed": false, "dyn": 0,
        "conf": 1, "desc": id == 1 ? "" : Self.escape(deck.description), "extendNew": 0, "extendRev": 0,
        "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0], "timeToday": [0, 0],
      ] as [String: Any]
    }
    return decks
  }

  static var deckConfig: [String: Any] {
    [
    "id": 1, "name": "Default", "mod": 0, "usn": 0, "maxTaken": 60, "autoplay": true, "timer": 0, "replayq": true,
    "dyn": false,
    "new": ["delays": [1.0, 10.0], "ints": [1, 4, 0], "initialFactor": 2500, "order": 1, "perDay": 20, "bury": false] as [String: Any],
    "rev": ["perDay": 200, "ease4": 1.3, "ivlFct": 1, "maxIvl": 36500, "bury": false, "hardFactor": 1.2] as [String: Any],
    "lapse": ["delays": [10.0], "mult": 0, "minInt": 1, "leechFails": 8, "leechAction": 1] as [String: Any],
    ]
  }

  static let css = """
    .card { font-family: Arial, sans-serif; font-size: 20px; text-align: left; color: black; background: white; }
    .source { margin-top: 1em; font-style: italic; color: #555; }
    .origin, .accepted { margin-top: .5em; font-size: 14px; color: #777; }
    """

  static let latexPre =
    "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n"

  static func json(_ object: Any) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
  }

  static let schema = """
    CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
      ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
      models text not null, decks text not null, dconf text not null, tags text not null);
    CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
      usn integer not null, tags text not null, flds text not null, sfld text not null, csum integer not null,
      flags integer not null, data text not null);
    CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
      mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
      ivl integer not null, factor integer not null, reps integer not null, lapses integer not null,
      left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
    CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
      ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null,
      type integer not null);
    CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
    CREATE INDEX ix_notes_usn on notes (usn);
    CREATE INDEX ix_cards_usn on cards (usn);
    CREATE INDEX ix_revlog_usn on revlog (usn);
    CREATE INDEX ix_cards_nid on cards (nid);
    CREATE INDEX ix_cards_sched on cards (did, queue, due);
    CREATE INDEX ix_revlog_cid on revlog (cid);
    CREATE INDEX ix_notes_csum on notes (csum);
    """
}
