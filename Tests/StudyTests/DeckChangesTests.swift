import CardBuilder
import DeckCache
import EventDeck
import Foundation
import ProgressStore
import Testing

@testable import Study

/// What `study` shows before it syncs a deck edited since the learner's store last synced it: the cards the edit
/// adds, retires and rewords — `annals diff` between the version the store synced and the new one.
@Suite struct DeckChangesTests {
  let folder: URL
  let deckPath: String
  let cache: DeckCache

  init() throws {
    let decks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Decks")
      .standardized
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("changes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: decks.appendingPathComponent("sources"), to: folder.appendingPathComponent("sources"))
    deckPath = folder.appendingPathComponent("kalbajar.yaml").path
    try FileManager.default.copyItem(atPath: decks.appendingPathComponent("kalbajar.yaml").path, toPath: deckPath)
    cache = DeckCache(directory: folder.appendingPathComponent("cache"))
  }

  func store(_ name: String) throws -> ProgressStore {
    try ProgressStore(path: folder.appendingPathComponent(name + ".sqlite").path)
  }

  func write(_ deck: Deck) throws {
    try Data(try DeckWriter.yaml(for: deck).utf8).write(to: URL(fileURLWithPath: deckPath))
  }

  func cards() throws -> [Card] { CardBuilder(deck: try DeckLoader.load(fileAt: deckPath)).cards() }

  /// Opens the deck as `study` does, returns the changes it would print, then syncs.
  func session(_ store: ProgressStore) throws -> [DeckChanges] {
    let material = try CompiledMaterial.open(paths: [deckPath], cache: cache)
    let changes = try material.changes(since: store)
    _ = try material.sync(into: store, at: Date())
    return changes
  }

  /// Adds an event (a copy of the first, renamed), removes the second and rewords the third.
  func edit(_ deck: Deck, tag: String) -> Deck {
    var deck = deck
    var added = deck.events[0]
    added.id = "added-\(tag)"
    added.title = "the added \(tag)"
    deck.events.append(added)
    deck.events.remove(at: 1)
    // Questions come from the summary (or a stem), the title only as a last resort: reword all three.
    deck.events[1].title = "the \(tag) " + deck.events[1].title
    deck.events[1].summary = "The \(tag) fighting began."
    deck.events[1].stem = nil
    return deck
  }

  @Test func anEditedDeckShowsExactlyWhatAnnalsDiffShowsThenNothingOnceSynced() throws {
    let ana = try store("ana")
    #expect(try session(ana).isEmpty)  // a deck the store has never synced: nothing to compare with
    let original = try DeckLoader.load(fileAt: deckPath)
    let before = try cards()
    try write(edit(original, tag: "reworded"))
    let after = try cards()

    let changes = try session(ana)
    #expect(changes.count == 1)
    let change = try #require(changes.first)
    #expect(change.isComplete)
    #expect(change.deckID == "kalbajar")
    #expect(change.diff == DeckDiff(old: before, new: after))
    #expect(change.diff.added.contains { $0.id.hasPrefix("kalbajar/added-reworded/") })
    #expect(change.diff.retired.contains { $0.id.hasPrefix("kalbajar/\(original.events[1].id)/") && !$0.prompt.isEmpty })
    let rewordedID = "kalbajar/\(original.events[2].id)/"
    #expect(change.diff.reworded.contains { $0.id.hasPrefix(rewordedID) && $0.old.prompt != $0.new.prompt })

    // Bounded: at most 2 of each sort, with a count of the rest, then the totals.
    let lines = change.lines(limit: 2)
    #expect(lines.first == "\(deckPath) changed since you last studied it:")
    #expect(lines.filter { $0.hasPrefix("  + ") }.count == 2)
    #expect(lines.filter { $0.hasPrefix("  ~ ") }.count == min(2, change.diff.reworded.count))
    #expect(lines.contains("    … and \(change.diff.added.count - 2) more"))
    #expect(lines.last == "  " + change.diff.summary)

    // Synced now: the next session shows nothing, and neither does a touched but unchanged deck.
    #expect(try session(ana).isEmpty)
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: deckPath)
    #expect(try session(ana).isEmpty)
  }

  @Test func aStoreTwoVersionsBehindIsComparedByItsOwnCardIds() throws {
    let (ana, bo) = (try store("ana"), try store("bo"))
    _ = try session(ana)
    _ = try session(bo)
    let first = try cards()
    let original = try DeckLoader.load(fileAt: deckPath)
    let second = edit(original, tag: "second")
    try write(second)
    #expect(try session(ana).first?.isComplete == true)  // ana takes version 2; bo does not study
    try write(edit(second, tag: "third"))
    let third = try cards()

    // The cache keeps version 2 as the previous one; bo's store synced version 1.
    let change = try #require(try session(bo).first)
    #expect(!change.isComplete)
    let firstIDs = Set(first.map(\.id))
    let thirdIDs = Set(third.map(\.id))
    #expect(Set(change.diff.added.map(\.id)) == thirdIDs.subtracting(firstIDs))
    #expect(Set(change.diff.retired.map(\.id)) == firstIDs.subtracting(thirdIDs))
    #expect(change.diff.added.allSatisfy { id in third.first { $0.id == id.id }?.prompt == id.prompt })
    #expect(change.diff.retired.allSatisfy { $0.prompt.isEmpty })
    #expect(change.diff.reworded.isEmpty)
    let lines = change.lines(limit: 100)
    #expect(lines.contains { $0.hasPrefix("  - kalbajar/") && !$0.contains("  ", after: 4) })
    #expect(lines.last?.contains("rewordings are not shown") == true)
    // Ana, one version behind, still gets the whole diff.
    #expect(try session(ana).first?.isComplete == true)
  }

  @Test func deckTextIsShownWithItsControlCharactersMadeVisible() throws {
    let ana = try store("ana")
    _ = try session(ana)
    var deck = try DeckLoader.load(fileAt: deckPath)
    deck.events[0].title = "the \u{1B}[31mred\u{1B}[0m " + deck.events[0].title
    try write(deck)
    let lines = try #require(try session(ana).first).lines(limit: 100)
    #expect(!lines.joined().contains("\u{1B}"))
    #expect(lines.contains { $0.contains("^[[31mred") })
  }
}

extension String {
  /// Whether `needle` occurs at or after character offset `offset`.
  fileprivate func contains(_ needle: String, after offset: Int) -> Bool {
    dropFirst(offset).contains(needle)
  }
}
