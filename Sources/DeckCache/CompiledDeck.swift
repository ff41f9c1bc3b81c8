import CardBuilder
import EventDeck
import Foundation
import GRDB
import SQLiteScan
import StableRandom
import Synchronization

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
  /// 2: card bodies in `CardCodec`'s binary form (1 had JSON).
  public static let format = 3

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
    /// The source files the deck quotes (`sources: file:`), as they were when it was compiled: a quote checked
    /// against a file that has since changed may no longer hold, so a changed file compiles the deck again.
    public var sources: [SourceFile] = []

    /// What a store keeps as the deck's `content_hash`: the file's hash and the entries' hash, so that a store
    /// synced from this very card set can skip the sync.
    public var syncHash: String { contentHash + "+" + entriesHash }
  }

  /// A file a deck quotes, by its path and content hash, with its size and time when last checked.
  public struct SourceFile: Sendable, Equatable {
    /// The absolute path, as the deck's `file:` resolves from the deck's folder.
    public var path: String
    /// `DeckCache.contentHash` of its bytes, or "" when the file could not be read.
    public var contentHash: String
    public var size: Int64
    public var modified: Int64

    public init(path: String, contentHash: String, size: Int64, modified: Int64) {
      self.path = path
      self.contentHash = contentHash
      self.size = size
      self.modified = modified
    }

    /// One line per file of what the header checksum covers (path and hash; not size and time, which a touch
    /// updates), and one of what it does not.
    static func lines(_ files: [SourceFile]) -> (hashes: String, stats: String) {
      (
        files.map { $0.path + "\t" + $0.contentHash }.joined(separator: "\n"),
        files.map { "\($0.size)\t\($0.modified)" }.joined(separator: "\n")
      )
    }

    /// The files of `lines(_:)`'s two texts, or nil when they do not pair up.
    static func parse(hashes: String, stats: String) -> [SourceFile]? {
      guard !hashes.isEmpty else { return stats.isEmpty ? [] : nil }
      let pairs = hashes.split(separator: "\n", omittingEmptySubsequences: false)
      let times = stats.split(separator: "\n", omittingEmptySubsequences: false)
      guard pairs.count == times.count else { return nil }
      var files: [SourceFile] = []
      for (pair, time) in zip(pairs, times) {
        let a = pair.split(separator: "\t", omittingEmptySubsequences: false)
        let b = time.split(separator: "\t", omittingEmptySubsequences: false)
        guard a.count == 2, b.count == 2, let size = Int64(b[0]), let modified = Int64(b[1]) else { return nil }
        files.append(SourceFile(path: String(a[0]), contentHash: String(a[1]), size: size, modified: modified))
      }
      return files
    }
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
    /// What the card asks about (`CardCategory`, from the card and its deck's entities), for reports.
    public var category: CardCategory
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
    if ids.count == 1 {
      // The common case in a session (one card at a time): one prepared, indexed lookup.
      return try read { db in
        let statement = try db.cachedStatement(sql: "SELECT id, body, checksum, is_event FROM card WHERE id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [ids[0]]) else { return [] }
        return [(try decode(row), row[3])]
      }
    }
    var found: [String: (card: Card, isEvent: Bool)] = [:]
    var start = 0
    while start < ids.count {
      let chunk = Array(ids[start..<min(ids.count, start + 500)])
      start += chunk.count
      try read { db in
        let rows = try Row.fetchCursor(
          db,
          sql: "SELECT id, body, checksum, is_event FROM card WHERE id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
          arguments: StatementArguments(chunk))
        while let row = try rows.next() {
          let card = try decode(row)
          found[card.id] = (card, row[3])
        }
      }
    }
    return ids.compactMap { found[$0] }
  }

  /// Every card, in deck order.
  ///
  /// A library's deck has tens of thousands of cards: they are read in runs on every core, each run writing its
  /// cards straight into their places in the result. A damaged row is reported as the first one in deck order, as
  /// reading one row at a time would.
  public func allCards() throws(DeckCacheError) -> [Card] {
    if let cards = try allCardsOnEveryCore() { return cards }
    return try allCardsThroughOneConnection()
  }

  /// The cards read and decoded in runs of positions, each run on its own read-only connection to the file,
  /// decoding each row from SQLite's own bytes: no thread waits for one scan of the whole table. Nil when the
  /// copy lives in memory, is too small to split, or its positions are not `0..<cardCount` (the one-connection
  /// read then names what is wrong).
  ///
  /// A run's connection first checks the file's header checksum against this one's: a file another process has
  /// since renamed into place is a different deck version, and its cards are never mixed in.
  func allCardsOnEveryCore(minimumPerRun: Int = 2_000) throws(DeckCacheError) -> [Card]? {
    let ranges = ParallelRuns.ranges(info.cardCount, minimumPerRun: minimumPerRun, runsPerCore: 4)
    guard let path = url?.path, ranges.count > 1 else { return nil }
    let header = try read { db -> (checksum: Int64?, first: Int?, last: Int?) in
      // Each bound in its own query, so that each is one look at the table's ends (both in one scan every row).
      let row = try Row.fetchOne(
        db, sql: "SELECT (SELECT checksum FROM info), (SELECT min(position) FROM card), (SELECT max(position) FROM card)")
      return (row?[0], row?[1], row?[2])
    }
    guard let checksum = header.checksum, header.first == 0, header.last == info.cardCount - 1 else { return nil }
    let label = self.label
    let failures = Mutex([Int: DeckCacheError]())
    let cards = [Card](unsafeUninitializedCapacity: info.cardCount) { slots, initialized in
      let base = SlotsAddress(value: slots.baseAddress)
      let made = ParallelRuns.split(info.cardCount, minimumPerRun: minimumPerRun, runsPerCore: 4) { range -> Int in
        var count = 0
        do throws(DeckCacheError) {
          let database = try Self.openForReading(path: path, label: label)
          try Self.read(database, label: label) { db in
            guard try Int64.fetchOne(db, sql: "SELECT checksum FROM info") == checksum else {
              throw DeckCacheError.damaged(path: label, reason: "the file was replaced while its cards were read")
            }
            try db.scan(
              sql: "SELECT id, body, checksum, position FROM card WHERE position >= ? AND position < ? ORDER BY position",
              arguments: [range.lowerBound, range.upperBound]
            ) { row in
              guard row.int(3) == range.lowerBound + count else { return false }
              let card = try row.withText(0) { id in
                try row.withBlob(1) { (body) throws(DeckCacheError) -> Card in
                  try Self.decode(id: id, body: body, checksum: row.optionalInt64(2), label: label)
                }
              }
              (base.value! + range.lowerBound + count).initialize(to: card)
              count += 1
              return true
            }
          }
          if count < range.count {
            throw DeckCacheError.damaged(
              path: label, reason: "card \(range.lowerBound + count + 1) of \(info.cardCount) is missing")
          }
        } catch {
          failures.withLock { $0[range.lowerBound + count] = error }
        }
        return count
      }
      initialized = Self.wholeOrNone(slots, runs: ranges, made: made)
    }
    if let first = failures.withLock({ $0.min { $0.key < $1.key }?.value }) { throw first }
    return cards
  }

  /// `allCards()` through this copy's own connection: SQLite's rows read on this thread, each row's id and body
  /// copied into one buffer; the checksums, the decoding and the id checks then run on every core.
  func allCardsThroughOneConnection() throws(DeckCacheError) -> [Card] {
    var bytes: [UInt8] = []
    var rows: [(id: Range<Int>, body: Range<Int>?, checksum: Int64?)] = []
    try read { db in
      rows.reserveCapacity(info.cardCount)
      // The file's size is more than its ids and bodies take: reserved, not touched, so the buffer never grows.
      bytes.reserveCapacity(min(1 << 30, url.flatMap { DeckCache.fileStat($0.path).map { Int($0.size) } } ?? info.cardCount * 256))
      try db.scan(sql: "SELECT id, body, checksum FROM card ORDER BY position") { row in
        let idStart = bytes.count
        row.withText(0) { bytes.append(contentsOf: $0) }
        let id = idStart..<bytes.count
        let body = row.withBlob(1) { blob -> Range<Int>? in
          guard let blob else { return nil }
          let start = bytes.count
          bytes.append(contentsOf: blob)
          return start..<bytes.count
        }
        rows.append((id, body, row.optionalInt64(2)))
        return true
      }
    }
    let label = self.label
    let (allRows, allBytes) = (rows, bytes)
    // Each run's first failure, by the row's position; a failed read leaves no card behind.
    let failures = Mutex([Int: DeckCacheError]())
    let cards = [Card](unsafeUninitializedCapacity: allRows.count) { slots, initialized in
      let base = SlotsAddress(value: slots.baseAddress)
      // Smaller runs than one per core: later cards (orderings, entities) decode slower than the first ones.
      let made = ParallelRuns.split(allRows.count, minimumPerRun: 2_000, runsPerCore: 4) { range -> Int in
        allBytes.withUnsafeBytes { buffer in
          var count = 0
          for k in range {
            let row = allRows[k]
            let body = row.body.map { UnsafeRawBufferPointer(rebasing: buffer[$0]) }
            do throws(DeckCacheError) {
              let card = try Self.decode(
                id: UnsafeRawBufferPointer(rebasing: buffer[row.id]), body: body, checksum: row.checksum, label: label)
              (base.value! + k).initialize(to: card)
              count += 1
            } catch {
              failures.withLock { $0[k] = error }
              break
            }
          }
          return count
        }
      }
      initialized = Self.wholeOrNone(
        slots, runs: ParallelRuns.ranges(allRows.count, minimumPerRun: 2_000, runsPerCore: 4), made: made)
    }
    if let first = failures.withLock({ $0.min { $0.key < $1.key }?.value }) { throw first }
    guard cards.count == info.cardCount else {
      throw .damaged(path: label, reason: "\(cards.count) cards where \(info.cardCount) were written")
    }
    return cards
  }

  /// Every card's entry, in deck order (checked as a whole against the file's entries checksum).
  ///
  /// Read through the C API (`SQLiteScan`): a library's deck has tens of thousands of cards, and boxing each
  /// column was most of the time.
  public func entries() throws(DeckCacheError) -> [Entry] {
    var entries: [Entry] = []
    var checksum = Checksum()
    var unknownCategory: String?
    let expected = try read { db -> Int64? in
      entries.reserveCapacity(info.cardCount)
      try db.scan(sql: "SELECT id, kind, sibling_group, tags, era, item, is_event, category FROM card ORDER BY position") {
        row in
        let tags = row.string(3)
        let categoryName = row.string(7)
        guard let category = CardCategory(rawValue: categoryName) else {
          unknownCategory = categoryName
          return false
        }
        let entry = Entry(
          id: row.string(0), kind: row.string(1), siblingGroup: row.string(2),
          tags: tags.isEmpty ? [] : tags.split(separator: " ").map(String.init), era: row.optionalString(4),
          item: row.string(5), isEvent: row.bool(6), category: category)
        checksum.add(entry)
        entries.append(entry)
        return true
      }
      return try Int64.fetchOne(db, sql: "SELECT entries_checksum FROM info")
    }
    if let unknownCategory {
      throw .damaged(path: label, reason: "a card has the unknown category '\(unknownCategory)'")
    }
    guard entries.count == info.cardCount, checksum.value == expected else {
      throw .damaged(path: label, reason: "the card list does not match its checksum")
    }
    return entries
  }

  /// The deck's eras (ids, titles and dates), from their own small record: what a report needs of the deck
  /// besides its cards.
  public func eras() throws(DeckCacheError) -> [Era] {
    let row = try read { db in try Row.fetchOne(db, sql: "SELECT eras, eras_checksum FROM info") }
    guard let row, let data = row[0] as Data?, let sum = row[1] as Int64?, Checksum.of(data) == sum else {
      throw .damaged(path: label, reason: "the eras record does not match its checksum")
    }
    do {
      return try JSONDecoder().decode([Era].self, from: data)
    } catch {
      throw .damaged(path: label, reason: "the eras record cannot be decoded")
    }
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

  /// The card in a row (id, body, checksum), checked against its checksum and its id; read from the row's bytes
  /// without copying them.
  /// The deck as a study session uses it, decoded from the file: every entity's names, kind, role, type and place
  /// (for the answer checker's lexicon and name completion), every event's id, title, summary, date and era (for
  /// timelines), the eras; no quotes, questions, facts or hand cards. A fraction of `deck()`'s size, so a session
  /// on a large deck keeps less in memory and decodes less.
  public func sessionDeck() throws(DeckCacheError) -> Deck {
    let row = try read { db in try Row.fetchOne(db, sql: "SELECT session, session_checksum FROM info") }
    guard let row, let data = row[0] as Data?, let sum = row[1] as Int64?, Checksum.of(data) == sum else {
      throw .damaged(path: label, reason: "the session deck record does not match its checksum")
    }
    guard let deck = data.withUnsafeBytes({ SessionDeckCodec.decode($0) }) else {
      throw .damaged(path: label, reason: "the session deck record cannot be decoded")
    }
    return deck
  }

  /// The part of `deck` a study session reads (see `sessionDeck()`).
  static func sessionPart(of deck: Deck) -> Deck {
    func slim(_ entity: Entity) -> Entity {
      Entity(
        id: entity.id, kind: entity.kind, name: entity.name, aliases: entity.aliases, role: entity.role,
        within: entity.within, type: entity.type)
    }
    return Deck(
      id: deck.id, title: deck.title, eras: deck.eras.map { Era(id: $0.id, title: $0.title, from: $0.from, to: $0.to) },
      people: deck.people.map(slim), places: deck.places.map(slim), units: deck.units.map(slim),
      organisations: deck.organisations.map(slim),
      events: deck.events.map { Event(id: $0.id, title: $0.title, summary: $0.summary, date: $0.date, era: $0.era) })
  }

  private func decode(_ row: Row) throws(DeckCacheError) -> Card {
    let id: String = row[0]
    let sum = row[2] as Int64?
    let label = label
    // The body is read in place, without a copy; `withUnsafeData` throws only for an index out of the row.
    let decoded: Result<Card, DeckCacheError>
    do {
      decoded = try row.withUnsafeData(atIndex: 1) { body in
        guard let body, let sum, Checksum.of(body) == sum else {
          return .failure(.damaged(path: label, reason: "card \(id) does not match its checksum"))
        }
        guard let card = body.withUnsafeBytes({ CardCodec.decode($0) }) else {
          return .failure(.damaged(path: label, reason: "card \(id) cannot be decoded"))
        }
        return .success(card)
      }
    } catch {
      throw .damaged(path: label, reason: "card \(id) has no body: \(error)")
    }
    let card = try decoded.get()
    guard card.id == id else { throw .damaged(path: label, reason: "card \(id) holds another card") }
    return card
  }

  /// `decode(_:)` for a row's id (its UTF-8 bytes), body and checksum read through SQLite's C API (the long read
  /// of every card).
  private static func decode(
    id: UnsafeRawBufferPointer, body: UnsafeRawBufferPointer?, checksum: Int64?, label: String
  ) throws(DeckCacheError) -> Card {
    func named() -> String { String(decoding: id, as: UTF8.self) }
    guard let body, let checksum, Checksum.of(body) == checksum else {
      throw .damaged(path: label, reason: "card \(named()) does not match its checksum")
    }
    guard let card = CardCodec.decode(body) else {
      throw .damaged(path: label, reason: "card \(named()) cannot be decoded")
    }
    var decoded = card.id
    let same = decoded.withUTF8 { $0.count == id.count && ($0.isEmpty || memcmp($0.baseAddress!, id.baseAddress!, id.count) == 0) }
    guard same else { throw .damaged(path: label, reason: "card \(named()) holds another card") }
    return card
  }

  private func read<T>(_ body: (Database) throws -> T) throws(DeckCacheError) -> T {
    try Self.read(database, label: label, body)
  }

  private static func read<T>(
    _ database: DatabaseQueue, label: String, _ body: (Database) throws -> T
  ) throws(DeckCacheError) -> T {
    do {
      return try database.read(body)
    } catch let error as DeckCacheError {
      throw error
    } catch {
      throw .damaged(path: label, reason: "\(error)")
    }
  }

  /// After runs that each initialized the first `made` slots of their range: the number of slots initialized when
  /// every run filled its range, else 0 with every card a run made deinitialized (a failed read leaves none behind).
  private static func wholeOrNone(_ slots: UnsafeMutableBufferPointer<Card>, runs: [Range<Int>], made: [Int]) -> Int {
    if made.elementsEqual(runs.map(\.count)) { return made.reduce(0, +) }
    for (range, count) in zip(runs, made) { (slots.baseAddress! + range.lowerBound).deinitialize(count: count) }
    return 0
  }

  /// A read-only connection to a compiled file.
  static func openForReading(path: String, label: String) throws(DeckCacheError) -> DatabaseQueue {
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(2)
    // A session reads a card row at a time by id: a small page cache (SQLite's default is 2 MB per connection)
    // keeps a large deck's study process small, the rest is in the system's file cache anyway.
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -256") }
    do {
      return try DatabaseQueue(path: path, configuration: configuration)
    } catch {
      throw .damaged(path: label, reason: "\(error)")
    }
  }

  /// Records that the deck file now has this size and time, and its source files these (contents unchanged);
  /// best effort.
  func touch(size: Int64, modified: Int64, sources: [SourceFile]) {
    guard let url else { return }
    var configuration = Configuration()
    configuration.busyMode = .timeout(1)
    guard let writer = try? DatabaseQueue(path: url.path, configuration: configuration) else { return }
    _ = try? writer.write { db in
      try db.execute(
        sql: "UPDATE info SET size = ?, modified = ?, source_stats = ?",
        arguments: [size, modified, SourceFile.lines(sources).stats])
    }
  }

  // MARK: - Opening and writing

  /// Opens an existing compiled file read-only and checks its header: format, builder (nil: any), header checksum.
  static func open(url: URL, builder: String?, origin: Origin) throws(DeckCacheError) -> CompiledDeck {
    do {
      let database = try openForReading(path: url.path, label: url.path)
      // The header's columns only: the deck's record and the session deck (megabytes for a large deck) are read
      // when asked for. They come last in the row, so the header is read without walking their overflow pages
      // (a file written before they moved is read the same way, by name).
      guard let row = try database.read({ db in try Row.fetchOne(db, sql: Self.headerSQL) }) else {
        throw DeckCacheError.damaged(path: url.path, reason: "no header")
      }
      let format: Int = row["format"]
      let fileBuilder: String = row["builder"]
      guard format == Self.format else { throw DeckCacheError.damaged(path: url.path, reason: "format \(format)") }
      guard builder == nil || fileBuilder == builder else { throw DeckCacheError.damaged(path: url.path, reason: "built by another Annals") }
      var info = Info(
        deckID: row["deck_id"], title: row["title"], contentHash: row["content_hash"], size: row["size"],
        modified: row["modified"], cardCount: row["card_count"])
      guard let sources = SourceFile.parse(hashes: row["sources"], stats: row["source_stats"]) else {
        throw DeckCacheError.damaged(path: url.path, reason: "the source file list cannot be read")
      }
      info.sources = sources
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
    let parts = [
      "\(format)", builder, info.deckID, info.title, info.contentHash, "\(info.cardCount)", "\(deck)", "\(entries)",
      SourceFile.lines(info.sources).hashes,
    ]
    for part in parts {
      sum.add(part)
    }
    return sum.value
  }

  static let headerSQL = """
    SELECT format, builder, deck_id, title, content_hash, size, modified, card_count, deck_checksum, entries_checksum,
      sources, source_stats, checksum FROM info
    """

  static let schema = """
    CREATE TABLE info (
      format INTEGER NOT NULL, builder TEXT NOT NULL, deck_id TEXT NOT NULL, title TEXT NOT NULL,
      content_hash TEXT NOT NULL, size INTEGER NOT NULL, modified INTEGER NOT NULL, card_count INTEGER NOT NULL,
      deck_checksum INTEGER NOT NULL, entries_checksum INTEGER NOT NULL, session_checksum INTEGER NOT NULL,
      eras_checksum INTEGER NOT NULL, sources TEXT NOT NULL, source_stats TEXT NOT NULL, checksum INTEGER NOT NULL,
      eras BLOB NOT NULL, session BLOB NOT NULL, deck BLOB NOT NULL);
    CREATE TABLE card (
      position INTEGER PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL, sibling_group TEXT NOT NULL,
      tags TEXT NOT NULL, era TEXT, item TEXT NOT NULL, is_event INTEGER NOT NULL, category TEXT NOT NULL,
      body BLOB NOT NULL, checksum INTEGER NOT NULL);
    """

  /// What a compiled file holds besides its card rows, encoded apart from the write (beside the card build).
  struct Parts: Sendable {
    var deck: Data
    var session: Data
    var eras: Data

    init(of deck: Deck) throws {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      self.deck = try encoder.encode(deck)
      let session = sessionPart(of: deck)
      self.session = Data(SessionDeckCodec.encode(session))
      self.eras = try encoder.encode(session.eras)
    }
  }

  /// One card's row, encoded apart from the write (in parallel runs).
  struct CardRow: Sendable {
    var entry: Entry
    var body: Data
    var checksum: Int64
  }

  /// The cards a compiled copy keeps: the first card of each id, in order.
  static func firstOfEachID(_ cards: [Card]) -> [Card] {
    var seen = Set<String>()
    seen.reserveCapacity(cards.count)
    return cards.filter { seen.insert($0.id).inserted }
  }

  /// The rows of `kept` (`firstOfEachID` of the cards), in order, encoded in parallel runs.
  static func rows(of kept: [Card], deck: Deck) -> [CardRow] {
    let events = Set(deck.events.map(\.id))
    let entityKinds = Dictionary(deck.entities.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
    return ParallelRuns.map(kept, minimumPerRun: 2_000) { card in
      let body = Data(CardCodec.encode(card))
      let entry = Entry(
        id: card.id, kind: card.kind.rawValue, siblingGroup: card.siblingGroup, tags: card.tags, era: card.era,
        item: card.item, isEvent: events.contains(card.item),
        category: CardCategory(card, entityKind: { entityKinds[$0] }))
      return CardRow(entry: entry, body: body, checksum: Checksum.of(body))
    }
  }

  /// Writes `deck`'s cards into `database` (a fresh temporary file, or memory).
  static func write(
    deck: Deck, cards: [Card], info: Info, builder: String, into database: DatabaseQueue
  ) throws -> Void {
    try write(
      parts: { try Parts(of: deck) }, rows: rows(of: firstOfEachID(cards), deck: deck), info: info, builder: builder,
      into: database)
  }

  /// Writes encoded parts and rows into `database`; `parts` is asked for once the card rows are in (so that it
  /// may be made meanwhile on another thread).
  static func write(
    parts: () throws -> Parts, rows: [CardRow], info: Info, builder: String, into database: DatabaseQueue
  ) throws -> Void {
    try database.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
      try db.inTransaction {
        try db.execute(sql: schema)
        var entries = Checksum()
        try db.executeEach(
          sql: """
            INSERT INTO card (position, id, kind, sibling_group, tags, era, item, is_event, category, body, checksum)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, rows.enumerated()
        ) { item, bind in
          let (position, row) = item
          let entry = row.entry
          entries.add(entry)
          bind.bind(1, position)
          bind.bind(2, entry.id)
          bind.bind(3, entry.kind)
          bind.bind(4, entry.siblingGroup)
          bind.bind(5, entry.tags.joined(separator: " "))
          bind.bind(6, entry.era)
          bind.bind(7, entry.item)
          bind.bind(8, entry.isEvent)
          bind.bind(9, entry.category.rawValue)
          bind.bind(10, blob: row.body)
          bind.bind(11, row.checksum)
        }
        var info = info
        info.cardCount = rows.count
        let parts = try parts()
        let deckSum = Checksum.of(parts.deck)
        let header = headerChecksum(
          format: format, builder: builder, info: info, deck: deckSum, entries: entries.value)
        try db.execute(
          sql: """
            INSERT INTO info (format, builder, deck_id, title, content_hash, size, modified, card_count, deck,
              deck_checksum, entries_checksum, session, session_checksum, eras, eras_checksum, sources, source_stats,
              checksum)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            format, builder, info.deckID, info.title, info.contentHash, info.size, info.modified, info.cardCount,
            parts.deck, deckSum, entries.value, parts.session, Checksum.of(parts.session), parts.eras,
            Checksum.of(parts.eras), SourceFile.lines(info.sources).hashes, SourceFile.lines(info.sources).stats,
            header,
          ])
        // The id index made once over every row: kept up row by row, in deck order (not id order), it was a
        // fifth of the write.
        try db.execute(sql: "CREATE UNIQUE INDEX card_by_id ON card (id)")
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
    add(entry.category.rawValue)
  }

  static func of(_ bytes: UnsafeRawBufferPointer) -> Int64 {
    var sum = Checksum()
    sum.hash.combine(bytes)
    return sum.value
  }

  static func of(_ data: Data) -> Int64 {
    var sum = Checksum()
    sum.add(data)
    return sum.value
  }
}

/// Where `allCards`' runs write their cards: each run only its own slots, all of them before the array is made.
private struct SlotsAddress: @unchecked Sendable {
  let value: UnsafeMutablePointer<Card>?
}
