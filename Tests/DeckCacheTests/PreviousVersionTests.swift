import CardBuilder
import EventDeck
import Foundation
import Testing

@testable import DeckCache

/// The one earlier version the cache keeps of each deck, for showing a learner what an edit changed.
@Suite struct PreviousVersionTests {
  let folder: URL
  let deckPath: String
  let cache: DeckCache

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("deck-previous-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: DeckCacheTests.decks.appendingPathComponent("sources"), to: folder.appendingPathComponent("sources"))
    deckPath = folder.appendingPathComponent("kalbajar.yaml").path
    try FileManager.default.copyItem(
      atPath: DeckCacheTests.decks.appendingPathComponent("kalbajar.yaml").path, toPath: deckPath)
    cache = DeckCache(directory: folder.appendingPathComponent("cache"))
  }

  func files() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: cache.directory.path).sorted()
  }

  @Test func onlyAChangedDeckKeepsItsEarlierVersionAndOnlyOne() throws {
    let first = try cache.open(deckAt: deckPath)
    #expect(cache.previous(forDeckAt: deckPath) == nil)
    // Touched, not changed: no previous version.
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1)], ofItemAtPath: deckPath)
    #expect(try cache.open(deckAt: deckPath).origin == .rehashed)
    #expect(cache.previous(forDeckAt: deckPath) == nil)

    var deck = try DeckLoader.load(fileAt: deckPath)
    let firstCards = try first.allCards()
    deck.events.removeFirst()
    try DeckCacheTests.write(deck, to: deckPath)
    let second = try cache.open(deckAt: deckPath)
    #expect(second.origin == .compiled("the deck changed"))
    let previous = try #require(cache.previous(forDeckAt: deckPath))
    #expect(previous.info.contentHash == first.info.contentHash)
    #expect(try previous.allCards() == firstCards)
    #expect(try files() == [cache.fileURL(forDeckAt: deckPath), cache.previousFileURL(forDeckAt: deckPath)]
      .map(\.lastPathComponent).sorted())

    // Another edit: the previous one is now the second version, and still only one is kept.
    deck.events.removeFirst()
    try DeckCacheTests.write(deck, to: deckPath)
    _ = try cache.open(deckAt: deckPath)
    #expect(cache.previous(forDeckAt: deckPath)?.info.contentHash == second.info.contentHash)
    #expect(try files().count == 2)
  }

  @Test func aDamagedPreviousVersionIsNoneNeverTrusted() throws {
    _ = try cache.open(deckAt: deckPath)
    var deck = try DeckLoader.load(fileAt: deckPath)
    deck.events.removeFirst()
    try DeckCacheTests.write(deck, to: deckPath)
    _ = try cache.open(deckAt: deckPath)
    let url = cache.previousFileURL(forDeckAt: deckPath)
    try Data("not a database".utf8).write(to: url)
    #expect(cache.previous(forDeckAt: deckPath) == nil)
  }
}
