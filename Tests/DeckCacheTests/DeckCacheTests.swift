import CardBuilder
import DeckFixtures
import EventDeck
import Foundation
import GRDB
import Testing

@testable import DeckCache

/// Compiled decks: built once per deck version, reused while the deck is unchanged, rebuilt when it changes or
/// when the compiled copy is damaged, stale or from another builder — never trusted.
@Suite struct DeckCacheTests {
  let folder: URL
  let deckPath: String
  let cache: DeckCache

  /// The repository's Decks folder (the Kalbajar deck and its source text).
  static let decks = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Decks").standardized

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("deck-cache-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Self.decks.appendingPathComponent("sources"), to: folder.appendingPathComponent("sources"))
    deckPath = folder.appendingPathComponent("kalbajar.yaml").path
    try FileManager.default.copyItem(atPath: Self.decks.appendingPathComponent("kalbajar.yaml").path, toPath: deckPath)
    cache = DeckCache(directory: folder.appendingPathComponent("cache"))
  }

  /// The deck as the file holds it now.
  func deck() throws -> Deck { try DeckLoader.load(fileAt: deckPath) }

  static func write(_ deck: Deck, to path: String) throws {
    try Data(try DeckWriter.yaml(for: deck).utf8).write(to: URL(fileURLWithPath: path))
  }

  /// The cards as the builder makes them from the file now.
  func built() throws -> [Card] { CardBuilder(deck: try DeckLoader.load(fileAt: deckPath)).cards() }

  func setModified(_ path: String, secondsAgo: Double) throws {
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(-secondsAgo)], ofItemAtPath: path)
  }

  @Test func compilesOnceThenReusesTheSameCards() throws {
    let first = try cache.open(deckAt: deckPath)
    #expect(first.origin == .compiled("no compiled copy yet"))
    let second = try cache.open(deckAt: deckPath)
    #expect(second.origin == .reused)
    let cards = try built()
    #expect(try second.allCards() == cards)
    #expect(second.info.cardCount == cards.count)
    #expect(second.info.deckID == "kalbajar")
    // Only the cards asked for, in the order asked; unknown ids are left out.
    let wanted = [cards[40].id, "kalbajar/no-such/date", cards[3].id]
    #expect(try second.cards(ids: wanted) == [cards[40], cards[3]])
    #expect(try second.entries().map(\.id) == cards.map(\.id))
    #expect(try second.deck().events.map(\.id) == deck().events.map(\.id))
    // One file in the folder, no temporary files left behind.
    let files = try FileManager.default.contentsOfDirectory(atPath: cache.directory.path)
    #expect(files == [cache.fileURL(forDeckAt: deckPath).lastPathComponent])
  }

  @Test("every card of a deck: those just built when it compiles, the same as read back once it is compiled")
  func cardsOfADeckAreTheSameJustBuiltOrReadBack() throws {
    let built = try built()
    let compiling = try cache.cards(deckAt: deckPath)
    #expect(try cache.open(deckAt: deckPath).origin == .reused)
    let reused = try cache.cards(deckAt: deckPath)
    #expect(compiling == built)
    #expect(reused == built)
    // A changed deck: compiled again, and its new cards given.
    var edited = try deck()
    edited.events.remove(at: 1)
    try Self.write(edited, to: deckPath)
    let changed = try cache.cards(deckAt: deckPath)
    #expect(changed == CardBuilder(deck: try deck()).cards())
    #expect(changed.count < built.count)
    #expect(try cache.open(deckAt: deckPath).allCards() == changed)
  }

  /// What a report reads instead of the whole deck: each card's category and the eras, as the deck gives them.
  @Test func categoriesAndErasMatchTheDeck() throws {
    let compiled = try cache.open(deckAt: deckPath)
    let deck = try deck()
    let cards = try built()
    #expect(try compiled.entries().map(\.category) == cards.map { CardCategory($0, in: deck) })
    #expect(Set(try compiled.entries().map(\.category)).count >= 4)
    #expect(try compiled.eras() == deck.eras.map { Era(id: $0.id, title: $0.title, from: $0.from, to: $0.to) })
    #expect(!deck.eras.isEmpty)
  }

  @Test func aChangedCategoryFailsTheCardListsChecksum() throws {
    let compiled = try cache.open(deckAt: deckPath)
    let writer = try DatabaseQueue(path: compiled.url!.path)
    try writer.write { db in
      try db.execute(sql: "UPDATE card SET category = 'people' WHERE category = 'dates' AND position = (SELECT MIN(position) FROM card WHERE category = 'dates')")
      #expect(db.changesCount == 1)
    }
    try writer.close()
    #expect(throws: DeckCacheError.self) { try cache.open(deckAt: deckPath).entries() }
  }

  @Test func aTouchedButUnchangedDeckIsRehashedNotRebuilt() throws {
    _ = try cache.open(deckAt: deckPath)
    try setModified(deckPath, secondsAgo: 3600)
    #expect(try cache.open(deckAt: deckPath).origin == .rehashed)
    #expect(try cache.open(deckAt: deckPath).origin == .reused)
  }

  @Test func deckEditsAfterCompilationGiveTheNewDecksCards() throws {
    _ = try cache.open(deckAt: deckPath)
    var deck = try deck()
    // Add an event, remove another, reword a third, and reorder the people.
    var added = deck.events[0]
    added.id = "added-event"
    added.title = "the added skirmish"
    deck.events.append(added)
    let removed = deck.events.remove(at: 1)
    deck.events[0].title = "the reworded " + deck.events[0].title
    deck.people.reverse()
    try Self.write(deck, to: deckPath)
    let compiled = try cache.open(deckAt: deckPath)
    #expect(compiled.origin == .compiled("the deck changed"))
    let cards = try built()
    #expect(try compiled.allCards() == cards)
    #expect(cards.contains { $0.item == "added-event" })
    #expect(!cards.contains { $0.item == removed.id })
    #expect(try cache.open(deckAt: deckPath).origin == .reused)
  }

  @Test func aDamagedCardRowIsDetectedAndTheFileRebuilt() throws {
    let compiled = try cache.open(deckAt: deckPath)
    let victim = try built()[5]
    // Bit rot in one card's text: the row no longer matches its checksum.
    let writer = try DatabaseQueue(path: compiled.url!.path)
    try writer.write { db in
      try db.execute(
        sql: "UPDATE card SET body = replace(body, 'kalbajar', 'kalbajaR') WHERE id = ?", arguments: [victim.id])
    }
    try writer.close()
    let reopened = try cache.open(deckAt: deckPath)
    #expect(throws: DeckCacheError.self) { try reopened.cards(ids: [victim.id]) }
    let rebuilt = try cache.rebuild(deckAt: deckPath, reason: "test")
    #expect(try rebuilt.cards(ids: [victim.id]) == [victim])
  }

  @Test func readingEveryCardNamesTheFirstDamagedRowInDeckOrder() throws {
    let compiled = try cache.open(deckAt: deckPath)
    let cards = try built()
    let first = cards[7]
    let later = cards[cards.count - 3]
    let writer = try DatabaseQueue(path: compiled.url!.path)
    try writer.write { db in
      // A later row holds another card's bytes (its checksum made to fit); an earlier one fails its checksum.
      try db.execute(
        sql: "UPDATE card SET body = (SELECT body FROM card WHERE id = ?), checksum = (SELECT checksum FROM card WHERE id = ?) WHERE id = ?",
        arguments: [cards[0].id, cards[0].id, later.id])
      try db.execute(sql: "UPDATE card SET checksum = checksum + 1 WHERE id = ?", arguments: [first.id])
    }
    try writer.close()
    let reopened = try cache.open(deckAt: deckPath)
    do {
      _ = try reopened.allCards()
      Issue.record("a damaged file read whole")
    } catch {
      #expect("\(error)".contains("card \(first.id) does not match its checksum"), "\(error)")
    }
    // With only the later row wrong, that row is the one named.
    let writer2 = try DatabaseQueue(path: compiled.url!.path)
    try writer2.write { db in try db.execute(sql: "UPDATE card SET checksum = checksum - 1 WHERE id = ?", arguments: [first.id]) }
    try writer2.close()
    do {
      _ = try cache.open(deckAt: deckPath).allCards()
      Issue.record("a damaged file read whole")
    } catch {
      #expect("\(error)".contains("card \(later.id) holds another card"), "\(error)")
    }
  }

  @Test func everyCardReadWholeInRunsIsTheCardsInDeckOrder() throws {
    // A deck large enough to be read in several runs, against the cards as built.
    let deck = GeneratedDeck.deck(events: 1_500)
    let built = CompiledDeck.firstOfEachID(CardBuilder(deck: deck).cards())
    #expect(built.count > 8_000)
    let memory = try DatabaseQueue()
    let info = CompiledDeck.Info(
      deckID: deck.id, title: deck.title, contentHash: "x", size: 1, modified: 1, cardCount: built.count)
    try CompiledDeck.write(deck: deck, cards: built, info: info, builder: "test", into: memory)
    let compiled = CompiledDeck(info: info, url: nil, origin: .reused, database: memory)
    #expect(try compiled.allCards() == built)
    // Two damaged rows in different runs: the earlier one in deck order is the one named, whichever run ends first.
    let early = built[built.count / 3]
    let late = built[built.count - 10]
    try memory.write { db in
      for card in [late, early] {
        try db.execute(sql: "UPDATE card SET checksum = checksum + 1 WHERE id = ?", arguments: [card.id])
      }
    }
    do {
      _ = try compiled.allCards()
      Issue.record("a damaged deck read whole")
    } catch {
      #expect("\(error)".contains("card \(early.id) does not match its checksum"), "\(error)")
    }
  }

  @Test func everyCardReadOnAConnectionPerRunIsTheCardsInDeckOrder() throws {
    // A file-backed copy large enough for runs of its own connections, against the cards as built.
    let deck = GeneratedDeck.deck(events: 1_500)
    let built = CompiledDeck.firstOfEachID(CardBuilder(deck: deck).cards())
    let url = folder.appendingPathComponent("generated.cards.sqlite")
    func write(_ deck: Deck, _ cards: [Card], to url: URL) throws -> CompiledDeck {
      let info = CompiledDeck.Info(
        deckID: deck.id, title: deck.title, contentHash: "\(deck.events.count)", size: 1, modified: 1,
        cardCount: cards.count)
      let database = try DatabaseQueue(path: url.path)
      try CompiledDeck.write(deck: deck, cards: cards, info: info, builder: "test", into: database)
      return CompiledDeck(info: info, url: url, origin: .reused, database: database)
    }
    let compiled = try write(deck, built, to: url)
    let runs = ParallelRuns.ranges(built.count, minimumPerRun: 1_000, runsPerCore: 4)
    #expect(ProcessInfo.processInfo.activeProcessorCount == 1 || runs.count > 1)
    #expect(try compiled.allCardsOnEveryCore(minimumPerRun: 1_000) == built)
    #expect(try compiled.allCards() == built)
    func failure(_ read: () throws -> [Card]?) -> String {
      do {
        _ = try read()
        return "no error"
      } catch {
        return "\(error)"
      }
    }
    let writer = try DatabaseQueue(path: url.path)
    // Two damaged rows in different runs: the earlier one in deck order is named.
    let early = built[runs[0].count / 2]
    let late = built[built.count - 10]
    try writer.write { db in
      for card in [late, early] {
        try db.execute(sql: "UPDATE card SET checksum = checksum + 1 WHERE id = ?", arguments: [card.id])
      }
    }
    if runs.count > 1 {
      #expect(failure { try compiled.allCardsOnEveryCore(minimumPerRun: 1_000) }.contains("card \(early.id) does not match its checksum"))
    }
    try writer.write { db in
      try db.execute(sql: "UPDATE card SET checksum = checksum - 1 WHERE id IN (?, ?)", arguments: [late.id, early.id])
      // A row gone from the middle of a run.
      try db.execute(sql: "DELETE FROM card WHERE position = ?", arguments: [built.count / 2])
    }
    if runs.count > 1 {
      #expect(
        failure { try compiled.allCardsOnEveryCore(minimumPerRun: 1_000) }
          .contains("card \(built.count / 2 + 1) of \(built.count) is missing"))
    }
    #expect(failure { try compiled.allCardsThroughOneConnection() }.contains("where \(built.count) were written"))
    #expect(failure { try compiled.allCards() }.contains("is damaged"))
    try writer.write { db in
      // The last row moved past the end: positions that are not 0..<count are left to the one-connection read.
      try db.execute(
        sql: "UPDATE card SET position = ? WHERE position = ?", arguments: [built.count + 5, built.count - 1])
    }
    #expect(try compiled.allCardsOnEveryCore(minimumPerRun: 1_000) == nil)
    try writer.close()
    // Another deck's copy renamed over the file while this one is open: its cards are never mixed in.
    try FileManager.default.removeItem(at: url)
    let fresh = try write(deck, built, to: url)
    #expect(try fresh.allCardsOnEveryCore(minimumPerRun: 1_000) == built)
    let other = GeneratedDeck.deck(events: 1_400)
    let replacement = folder.appendingPathComponent("replacement.cards.sqlite")
    _ = try write(other, CompiledDeck.firstOfEachID(CardBuilder(deck: other).cards()), to: replacement)
    #expect(rename(replacement.path, url.path) == 0)
    if runs.count > 1 {
      #expect(failure { try fresh.allCardsOnEveryCore(minimumPerRun: 1_000) }.contains("replaced while its cards were read"))
    }
  }

  @Test func aCardIsLookedUpThroughTheUniqueIDIndex() throws {
    let compiled = try cache.open(deckAt: deckPath)
    let reader = try DatabaseQueue(path: compiled.url!.path)
    try reader.write { db in
      let plan = try Row.fetchAll(
        db, sql: "EXPLAIN QUERY PLAN SELECT id, body, checksum, is_event FROM card WHERE id = ?", arguments: ["x"])
      #expect(plan.map { $0["detail"] as String }.contains { $0.contains("USING INDEX card_by_id (id=?)") }, "\(plan)")
      // The index is unique: a second row of one id is refused.
      #expect(throws: DatabaseError.self) {
        try db.execute(sql: "INSERT INTO card SELECT position + 100000, id, kind, sibling_group, tags, era, item, is_event, category, body, checksum FROM card LIMIT 1")
      }
    }
    try reader.close()
  }

  @Test func aCorruptedFileIsRebuiltOnOpen() throws {
    let url = try cache.open(deckAt: deckPath).url!
    // Overwrite the start of the file (SQLite's header) with garbage.
    let handle = try FileHandle(forWritingTo: url)
    try handle.write(contentsOf: Data(repeating: 0x5A, count: 512))
    try handle.close()
    let compiled = try cache.open(deckAt: deckPath)
    guard case .compiled(let reason) = compiled.origin else {
      Issue.record("a corrupted file was trusted: \(compiled.origin)")
      return
    }
    #expect(reason.hasPrefix("the compiled copy was unusable"))
    #expect(try compiled.allCards() == built())
  }

  @Test func aTruncatedFileIsRebuilt() throws {
    let url = try cache.open(deckAt: deckPath).url!
    let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as! Int
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: UInt64(size / 2))
    try handle.close()
    let compiled = try cache.open(deckAt: deckPath)
    // Either the open notices, or the first full read does; the cards are never wrong.
    let cards: [Card]
    if case .compiled = compiled.origin {
      cards = try compiled.allCards()
    } else {
      #expect(throws: DeckCacheError.self) { try compiled.allCards() }
      cards = try cache.rebuild(deckAt: deckPath, reason: "test").allCards()
    }
    #expect(cards == (try built()))
  }

  @Test func aCopyFromAnotherBuilderOrFormatIsStale() throws {
    let url = cache.fileURL(forDeckAt: deckPath)
    try FileManager.default.createDirectory(at: cache.directory, withIntermediateDirectories: true)
    let stat = DeckCache.fileStat(deckPath)!
    let bytes = try Data(contentsOf: URL(fileURLWithPath: deckPath))
    // A copy that claims this very deck (hash, size, time) but was built by another Annals, with other cards.
    let deck = try DeckLoader.load(fileAt: deckPath)
    var cards = CardBuilder(deck: deck).cards()
    cards[0].prompt = "A question an older builder worded differently?"
    let info = CompiledDeck.Info(
      deckID: deck.id, title: deck.title, contentHash: DeckCache.contentHash(bytes), size: stat.size,
      modified: stat.modified, cardCount: cards.count)
    let database = try DatabaseQueue(path: url.path)
    try CompiledDeck.write(deck: deck, cards: cards, info: info, builder: "annals-cards-1/older", into: database)
    try database.close()
    let compiled = try cache.open(deckAt: deckPath)
    #expect(compiled.origin == .compiled("the compiled copy was unusable: built by another Annals"))
    #expect(try compiled.allCards() == built())
  }

  @Test func aChangedHeaderFailsItsChecksum() throws {
    let url = try cache.open(deckAt: deckPath).url!
    let writer = try DatabaseQueue(path: url.path)
    try writer.write { db in try db.execute(sql: "UPDATE info SET card_count = card_count - 1") }
    try writer.close()
    let compiled = try cache.open(deckAt: deckPath)
    #expect(compiled.origin == .compiled("the compiled copy was unusable: the header does not match its checksum"))
  }

  @Test func aDeckWithErrorsIsRefusedWithItsDiagnostics() throws {
    try Data("deck:\n  id: broken\n  title: [unclosed\n".utf8).write(to: URL(fileURLWithPath: deckPath))
    #expect {
      _ = try cache.open(deckAt: deckPath)
    } throws: { error in
      guard case .deck(let deckError) as DeckCacheError? = error as? DeckCacheError else { return false }
      return deckError.description.contains("kalbajar.yaml:")
    }
  }

  @Test func anUnwritableFolderStillGivesTheCards() throws {
    let blocked = DeckCache(directory: URL(fileURLWithPath: deckPath).appendingPathComponent("cache"))
    let compiled = try blocked.open(deckAt: deckPath)
    #expect(compiled.url == nil)
    #expect(try compiled.allCards() == built())
  }

  @Test func aChangedSourceFileCompilesTheDeckAgain() throws {
    _ = try cache.open(deckAt: deckPath)
    let source = folder.appendingPathComponent("sources/battle-of-kalbajar.txt")
    // Touched, same words: rehashed, not rebuilt.
    try setModified(source.path, secondsAgo: 7200)
    #expect(try cache.open(deckAt: deckPath).origin == .rehashed)
    #expect(try cache.open(deckAt: deckPath).origin == .reused)
    // Words added at the end: every quote still holds, but the copy is not trusted to know that.
    let handle = try FileHandle(forWritingTo: source)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("\nA sentence added later.\n".utf8))
    try handle.close()
    let compiled = try cache.open(deckAt: deckPath)
    #expect(compiled.origin == .compiled("a source file it quotes changed"))
    #expect(compiled.info.sources.map(\.path) == [source.standardizedFileURL.path])
    #expect(try compiled.allCards() == built())
    #expect(try cache.open(deckAt: deckPath).origin == .reused)
  }

  @Test func aSourceFileThatNoLongerHoldsAQuoteMakesTheDeckFail() throws {
    _ = try cache.open(deckAt: deckPath)
    let source = folder.appendingPathComponent("sources/battle-of-kalbajar.txt")
    try Data("Nothing the deck quotes is here any more.\n".utf8).write(to: source)
    #expect {
      _ = try cache.open(deckAt: deckPath)
    } throws: { error in
      guard case .deck(let deckError) as DeckCacheError? = error as? DeckCacheError else { return false }
      return deckError.description.contains("kalbajar.yaml:")
    }
  }

  @Test func everyCardRoundTripsThroughTheRowFormat() throws {
    let fixtures = Self.decks.appendingPathComponent("../Tests/e2e/fixtures").standardized
    var cards = try built()
    for name in ["history.yaml", "mini.yaml"] {
      cards += CardBuilder(deck: try DeckLoader.load(fileAt: fixtures.appendingPathComponent(name).path)).cards()
    }
    // Every expectation, optional and list shape the builder makes is in there.
    let shapes = Set(cards.map { card -> String in
      switch card.expectation {
      case .entity: "entity"
      case .text: "text"
      case .date: "date"
      case .quantity: "quantity"
      case .choice: "choice"
      case .ordering: "ordering"
      }
    })
    #expect(shapes == ["entity", "text", "date", "quantity", "choice", "ordering"])
    for card in cards {
      let bytes = CardCodec.encode(card)
      #expect(bytes.withUnsafeBytes { CardCodec.decode($0) } == card)
    }
  }

  /// The session deck's binary record holds what a session reads of the deck, dates of every shape included.
  @Test func theSessionDeckRoundTripsThroughItsRecord() throws {
    let fixtures = Self.decks.appendingPathComponent("../Tests/e2e/fixtures").standardized
    var decks = [try deck()]
    for name in ["history.yaml", "mini.yaml"] {
      decks.append(try DeckLoader.load(fileAt: fixtures.appendingPathComponent(name).path))
    }
    var sample = decks[0]
    sample.eras.append(Era(id: "bce", title: "Late Republic", from: HistoricalDate(year: -44, month: 3, day: 15)))
    var century = HistoricalDate(year: 1001)
    century.scale = .century
    century.part = .early
    var summer = HistoricalDate(year: 1992)
    summer.season = .summer
    sample.events.append(Event(id: "c", title: "C", date: DateSpec(start: century, end: summer, qualifier: .circa)))
    decks.append(sample)
    for deck in decks {
      let session = CompiledDeck.sessionPart(of: deck)
      let bytes = SessionDeckCodec.encode(session)
      #expect(bytes.withUnsafeBytes { SessionDeckCodec.decode($0) } == session)
      // Every truncation is refused, never a trap or a partial deck.
      for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
        #expect(Array(bytes[0..<length]).withUnsafeBytes { SessionDeckCodec.decode($0) } == nil)
      }
      #expect((bytes + [0]).withUnsafeBytes { SessionDeckCodec.decode($0) } == nil)
    }
    let compiled = try cache.open(deckAt: deckPath)
    #expect(try compiled.sessionDeck() == CompiledDeck.sessionPart(of: try deck()))
  }

  @Test func bytesThatAreNotAWholeCardNeverDecode() throws {
    let card = try #require(try built().first { if case .date = $0.expectation { true } else { false } })
    let bytes = CardCodec.encode(card)
    // Every truncation, and one byte too many, is refused (never a trap, never a partial card).
    for length in 0..<bytes.count {
      #expect(Array(bytes[0..<length]).withUnsafeBytes { CardCodec.decode($0) } == nil)
    }
    #expect((bytes + [0]).withUnsafeBytes { CardCodec.decode($0) } == nil)
    // A length that points past the end, and invalid UTF-8 in a string.
    #expect([0xFF, 0xFF, 0xFF, 0x7F].withUnsafeBytes { CardCodec.decode($0) } == nil)
    var broken = bytes
    broken[1] = 0xC3
    broken[2] = 0x28
    #expect(broken.withUnsafeBytes { CardCodec.decode($0) } == nil)
  }

  @Test func codecStringsAreReadExactlyWhenTheBytesAreValidUTF8() {
    let valid: [[UInt8]] = [
      [], Array("Kalbajar".utf8), Array("Karvachar \u{2192} K\u{0259}lb\u{0259}c\u{0259}r \u{1F5FA}".utf8),
      Array("\u{FFFD}".utf8), [0x00, 0x41],
    ]
    let invalid: [[UInt8]] = [
      [0xFF], [0x41, 0x80], [0xC3, 0x28], [0xE2, 0x80], [0xE2, 0x80, 0x41], [0xED, 0xA0, 0x80], [0xC0, 0xAF],
      [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBF, 0xBD, 0xFF],
    ]
    for bytes in valid + invalid {
      bytes.withUnsafeBufferPointer { buffer in
        #expect(CodecReader.validString(buffer) == String(validating: buffer, as: UTF8.self), "\(bytes)")
      }
    }
    for bytes in invalid {
      #expect(bytes.withUnsafeBufferPointer { CodecReader.validString($0) } == nil, "\(bytes)")
    }
  }

  @Test func aRowWithAValidChecksumButForeignBytesIsRebuilt() throws {
    let compiled = try cache.open(deckAt: deckPath)
    let victim = try built()[7]
    // A body that passes its checksum but is not a card (as JSON from an older format would be).
    let json = try JSONEncoder().encode(victim)
    let writer = try DatabaseQueue(path: compiled.url!.path)
    try writer.write { db in
      try db.execute(
        sql: "UPDATE card SET body = ?, checksum = ? WHERE id = ?", arguments: [json, Checksum.of(json), victim.id])
    }
    try writer.close()
    let reopened = try cache.open(deckAt: deckPath)
    #expect {
      try reopened.cards(ids: [victim.id])
    } throws: { error in
      guard case .damaged(_, let reason) as DeckCacheError? = error as? DeckCacheError else { return false }
      return reason == "card \(victim.id) cannot be decoded"
    }
  }
}
