import CardBuilder
import EventDeck
import Foundation
import GRDB
import StableRandom

/// One deck version's cards, built once and kept in an SQLite file (one row per card, indexed by id), so that a
/// launch reads only the cards its queue needs. Every row read is checked against its checksum; a failed check
/// throws `DeckCacheError.damaged` and the caller rebuilds the file.
///
/// ```swift
/// let compiled = try DeckCache(directory: cacheDir).open(deckAt: "Decks/kalbajar.yaml")
/// let cards = try compiled.cards(ids: ["kalbajar/capital-falls/date"])
/// ```
public final class CompiledDeck: Sendable {
  /// The file format; a file of another format is rebuilt.
  public static let format = 1

  /// What a compiled file says about the deck it was built from.
  public struct Info: Sendable, Equatable {
    public var deckID: String
    public var title: String
    /// `DeckCache.contentHash` of the deck file's bytes (the store's `deck.content_hash`).
    public var contentHash: String
    /// The deck file's size and modification time (nanoseconds since 1970) when last checked.
    public var size: Int64
    public var modified: Int64
    public var cardCount: Int
    /// A hash of every card's entry (id, kind, sibling group, tags, era, item): equal when a sync would change
    /// nothing in a store, whichever Annals built the cards.
    public var entriesHash: String = ""

    /// What a store keeps as the deck's `content_hash`: the file's hash and the entries' hash, so that a store
    /// synced from this very card set can skip the sync.
    public var syncHash: String { contentHash + "+" + entriesHash }
  }

  /// A card's facts for syncing a store and building queues, without its text.
  public struct Entry: Sendable, Equatable {
    public var id: String
    public var kind: String
    public var siblingGroup: String
    public var tags: [String]
    public var era: String?
    /// The event, entity, fact or hand card id the card was built from.
    public var item: String
    /// Whether `item` is an event (its neighbours make the timeline shown after a miss).
    public var isEvent: Bool
  }

  /// How this copy came to be.
  public enum Origin: Sendable, Equatable {
    /// An existing file whose size and time matched the deck's.
    case reused
    /// An existing file whose deck was touched but not changed (its hash matched).
    case rehashed
    /// Built now, with the reason (no file yet, deck changed, damaged, other format or builder).
    case compiled(String)
  }

  public let info: Info
  /// The file (nil when it could not be written and the cards live in memory).
  public let url: URL?
  public let origin: Origin
  private let database: DatabaseQueue

  init(info: Info, url: URL?, origin: Origin, database: DatabaseQueue) {
    self.info = info
    self.url = url
    self.origin = origin
    self.database = database
  }

  private var label: String { url?.path ?? "(in memory)" }

  // MARK: - Reading

  /// The cards with these ids, in the order asked; ids not in the deck are left out.
  public func cards(ids: [String]) throws(DeckCacheError) -> [Card] { try lookUp(ids: ids).map(\.card) }

  /// The cards with these ids, in the order asked, each with whether its item is an event (ids not in the deck
  /// are left out). Reads only those rows, through the id index.
  public func lookUp(ids: [String]) throws(DeckCacheError) -> [(card: Card, isEvent: Bool)] {
    var found: [String: (card: Card, isEvent: Bool)] = [:]
    let decoder = JSONDecoder()
    var start = 0
    while start < ids.count {
      let chunk = Array(ids[start..<min(ids.count, start + 500)])
      start += chunk.count
      let rows = try read { db in
        try Row.fetchAll(
          db,
          sql: "SELECT id, body, checksum, is_event FROM card WHERE id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
          arguments: StatementArguments(chunk))
      }
      for row in rows {
        let card = try decode(row, decoder)
        found[card.id] = (card, row[3])
      }
    }
    return ids.compactMap { found[$0] }
  }

  /// Every card, in deck order.
  public func allCards() throws(DeckCacheError) -> [Card] {
    let decoder = JSONDecoder()
    let rows = try read { db in try Row.fetchAll(db, sql: "SELECT id, body, checksum FROM card ORDER BY position") }
    guard rows.count == info.cardCount else {
      throw .damaged(path: label, reason: "\(rows.count) cards where \(info.cardCount) were written")
    }
    var cards: [Card] = []
    cards.reserveCapacity(rows.count)
    for row in rows { cards.append(try decode(row, decoder)) }
    return cards
  }

  /// Every card's entry, in deck order (checked as a whole against the file's entries checksum).
  public func entries() throws(DeckCacheError) -> [Entry] {
    let (rows, expected) = try read { db -> ([Row], Int64?) in
      let rows = try Row.fetchAll(
        db, sql: "SELECT id, kind, sibling_group, tags, era, item, is_event FROM card ORDER BY position")
      return (rows, try Int64.fetchOne(db, sql: "SELECT entries_checksum FROM info"))
    }
    var entries: [Entry] = []
    entries.reserveCapacity(rows.count)
    var checksum = Checksum()
    for row in rows {
      let tags: String = row[3]
      let entry = Entry(
        id: row[0], kind: row[1], siblingGroup: row[2], tags: tags.isEmpty ? [] : tags.split(separator: " ").map(String.init),
        era: row[4], item: row[5], isEvent: row[6])
      checksum.add(entry)
      entries.append(entry)
    }
    guard entries.count == info.cardCount, checksum.value == expected else {
      throw .damaged(path: label, reason: "the card list does not match its checksum")
    }
    return entries
  }

  /// The deck itself (entities for the answer checker, events for timelines), decoded from the file.
  public func deck() throws(DeckCacheError) -> Deck {
    let row = try read { db in try Row.fetchOne(db, sql: "SELECT deck, deck_checksum FROM info") }
    guard let row, let data = row[0] as Data?, let sum = row[1] as Int64?, Checksum.of(data) == sum else {
      throw .damaged(path: label, reason: "the deck record does not match its checksum")
    }
    do {
      return try JSONDecoder().decode(Deck.self, from: data)
    } catch {
      throw .damaged(path: label, reason: "the deck record cannot be decoded")
    }
  }

  private func decode(_ row: Row, _ decoder: JSONDecoder) throws(DeckCacheError) -> Card {
    let id: String = row[0]
    guard let body = row[1] as Data?, let sum = row[2] as Int64?, Checksum.of(body) == sum else {
      throw .damaged(path: label, reason: "card \(id) does not match its checksum")
    }
    do {
      let card = try decoder.decode(Card.self, from: body)
      guard card.id == id else { throw DeckCacheError.damaged(path: label, reason: "card \(id) holds another card") }
      return card
    } catch let error as DeckCacheError {
      throw error
    } catch {
      throw .damaged(path: label, reason: "card \(id) cannot be decoded")
    }
  }

  private func read<T>(_ body: (Database) throws -> T) throws(DeckCacheError) -> T {
    do {
      return try database.read(body)
    } catch let error as DeckCacheError {
      throw error
    } catch {
      throw .damaged(path: label, reason: "\(error)")
    }
  }

  /// Records that the deck file now has this size and time (its content unchanged); best effort.
  func touch(size: Int64, modified: Int64) {
    guard let url else { return }
    var configuration = Configuration()
    configuration.busyMode = .timeout(1)
    guard let writer = try? DatabaseQueue(path: url.path, configuration: configuration) else { return }
    _ = try? writer.write { db in
      try db.execute(sql: "UPDATE info SET size = ?, modified = ?", arguments: [size, modified])
    }
  }

  // MARK: - Opening and writing

  /// Opens an existing compiled file read-only and checks its header: format, builder (nil: any), header checksum.
  static func open(url: URL, builder: String?, origin: Origin) throws(DeckCacheError) -> CompiledDeck {
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(2)
    do {
      let database = try DatabaseQueue(path: url.path, configuration: configuration)
      guard let row = try database.read({ db in try Row.fetchOne(db, sql: "SELECT * FROM info") }) else {
        throw DeckCacheError.damaged(path: url.path, reason: "no header")
      }
      let format: Int = row["format"]
      let fileBuilder: String = row["builder"]
      guard format == Self.format else { throw DeckCacheError.damaged(path: url.path, reason: "format \(format)") }
      guard builder == nil || fileBuilder == builder else { throw DeckCacheError.damaged(path: url.path, reason: "built by another Annals") }
      var info = Info(
        deckID: row["deck_id"], title: row["title"], contentHash: row["content_hash"], size: row["size"],
        modified: row["modified"], cardCount: row["card_count"])
      let sums: (Int64, Int64, Int64) = (row["deck_checksum"], row["entries_checksum"], row["checksum"])
      info.entriesHash = FNV1a.hex(withUnsafeBytes(of: sums.1.littleEndian) { Array($0) })
      guard headerChecksum(format: format, builder: fileBuilder, info: info, deck: sums.0, entries: sums.1) == sums.2 else {
        throw DeckCacheError.damaged(path: url.path, reason: "the header does not match its checksum")
      }
      return CompiledDeck(info: info, url: url, origin: origin, database: database)
    } catch let error as DeckCacheError {
      throw error
    } catch {
      throw .damaged(path: url.path, reason: "\(error)")
    }
  }

  static func headerChecksum(format: Int, builder: String, info: Info, deck: Int64, entries: Int64) -> Int64 {
    var sum = Checksum()
    for part in ["\(format)", builder, info.deckID, info.title, info.contentHash, "\(info.cardCount)", "\(deck)", "\(entries)"] {
      sum.add(part)
    }
    return sum.value
  }

  static let schema = """
    CREATE TABLE info (
      format INTEGER NOT NULL, builder TEXT NOT NULL, deck_id TEXT NOT NULL, title TEXT NOT NULL,
      content_hash TEXT NOT NULL, size INTEGER NOT NULL, modified INTEGER NOT NULL, card_count INTEGER NOT NULL,
      deck BLOB NOT NULL, deck_checksum INTEGER NOT NULL, entries_checksum INTEGER NOT NULL, checksum INTEGER NOT NULL);
    CREATE TABLE card (
      position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, sibling_group TEXT NOT NULL,
      tags TEXT NOT NULL, era TEXT, item TEXT NOT NULL, is_event INTEGER NOT NULL, body BLOB NOT NULL,
      checksum INTEGER NOT NULL);
    """

  /// Writes `deck`'s cards into `database` (a fresh temporary file, or memory).
  static func write(
    deck: Deck, cards: [Card], info: Info, builder: String, into database: DatabaseQueue
  ) throws -> Void {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let deckData = try encoder.encode(deck)
    let events = Set(deck.events.map(\.id))
    try database.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
      try db.inTransaction {
        try db.execute(sql: schema)
        let insert = try db.makeStatement(
          sql: """
            INSERT INTO card (position, id, kind, sibling_group, tags, era, item, is_event, body, checksum)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var entries = Checksum()
        var seen = Set<String>()
        var position = 0
        for card in cards where seen.insert(card.id).inserted {
          let body = try encoder.encode(card)
          let entry = Entry(
            id: card.id, kind: card.kind.rawValue, siblingGroup: card.siblingGroup, tags: card.tags, era: card.era,
            item: card.item, isEvent: events.contains(card.item))
          entries.add(entry)
          try insert.execute(arguments: [
            position, entry.id, entry.kind, entry.siblingGroup, entry.tags.joined(separator: " "), entry.era,
            entry.item, entry.isEvent, body, Checksum.of(body),
          ])
          position += 1
        }
        var info = info
        info.cardCount = position
        let deckSum = Checksum.of(deckData)
        let header = headerChecksum(
          format: format, builder: builder, info: info, deck: deckSum, entries: entries.value)
        try db.execute(
          sql: """
            INSERT INTO info (format, builder, deck_id, title, content_hash, size, modified, card_count, deck,
              deck_checksum, entries_checksum, checksum) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            format, builder, info.deckID, info.title, info.contentHash, info.size, info.modified, info.cardCount,
            deckData, deckSum, entries.value, header,
          ])
        return .commit
      }
    }
  }
}

/// StableRandom's FNV-1a 64 over the bytes given, as a signed 64-bit value (SQLite's INTEGER).
struct Checksum {
  private var hash = FNV1a()

  var value: Int64 { Int64(bitPattern: hash.value) }

  mutating func add(_ data: Data) { data.withUnsafeBytes { hash.combine($0) } }

  /// A string and a separator, so that ("ab", "c") and ("a", "bc") differ.
  mutating func add(_ text: String) {
    hash.combine(text.utf8)
    hash.combine(byte: 0x1F)
  }

  mutating func add(_ entry: CompiledDeck.Entry) {
    for part in [entry.id, entry.kind, entry.siblingGroup, entry.tags.joined(separator: " "), entry.era ?? "\u{0}", entry.item] {
      add(part)
    }
    add(entry.isEvent ? "1" : "0")
  }

  static func of(_ data: Data) -> Int64 {
    var sum = Checksum()
    sum.add(data)
    return sum.value
  }
}
