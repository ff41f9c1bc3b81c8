import CardBuilder
import DeckCache
import EventDeck
import LineEditing
import Foundation
import ProgressStore
import Scheduling
import Testing

@testable import Study

/// A study session's decks through their compiled copies: syncing a store after the deck is edited (cards added,
/// removed, reworded, reordered) gives the same summaries and keeps the same progress as building the cards from
/// the deck does; the cards a session reads are the builder's.
@Suite struct CompiledMaterialTests {
  let folder: URL
  let deckPath: String
  let cache: DeckCache

  init() throws {
    let decks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Decks")
      .standardized
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("compiled-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: decks.appendingPathComponent("sources"), to: folder.appendingPathComponent("sources"))
    deckPath = folder.appendingPathComponent("kalbajar.yaml").path
    try FileManager.default.copyItem(atPath: decks.appendingPathComponent("kalbajar.yaml").path, toPath: deckPath)
    cache = DeckCache(directory: folder.appendingPathComponent("cache"))
  }

  func store(_ name: String) throws -> ProgressStore {
    try ProgressStore(path: folder.appendingPathComponent(name + ".sqlite").path)
  }

  /// Syncs both ways — compiled and built — into two stores and checks they agree.
  func syncBoth(_ compiledStore: ProgressStore, _ builtStore: ProgressStore, at now: Date) throws -> [String] {
    let compiled = try CompiledMaterial.open(paths: [deckPath], cache: cache)
    let lines = try compiled.sync(into: compiledStore, at: now)
    let built = try StudyMaterial.load(paths: [deckPath])
    #expect(try built.sync(into: builtStore, paths: [deckPath], at: now) == lines)
    let a = try compiledStore.cards(includeRetired: true).map { "\($0.id) \($0.retired) \($0.state.reps) \($0.kind)" }
    let b = try builtStore.cards(includeRetired: true).map { "\($0.id) \($0.retired) \($0.state.reps) \($0.kind)" }
    #expect(a == b)
    #expect(try compiledStore.decks().map(\.id) == builtStore.decks().map(\.id))
    #expect(try compiledStore.decks().map(\.path) == builtStore.decks().map(\.path))
    return lines
  }

  @Test func editsAfterCompilingSyncExactlyAsBuildingDoes() throws {
    let (compiledStore, builtStore) = (try store("compiled"), try store("built"))
    let start = Date(timeIntervalSince1970: 1_750_000_000)
    let original = try DeckLoader.load(fileAt: deckPath)
    let originalCards = CardBuilder(deck: original).cards()
    #expect(try syncBoth(compiledStore, builtStore, at: start) == ["kalbajar: \(originalCards.count) new, 0 retired"])

    // Progress on a card of the event that will be reworded, in both stores.
    let reworded = original.events[2]
    let studied = "kalbajar/\(reworded.id)/date"
    for s in [compiledStore, builtStore] {
      _ = try s.answer(Answer(cardID: studied, rating: .good, time: start), scheduler: FSRSScheduler())
    }

    // Add an event, remove another, reword the third, reverse the order of the people.
    var deck = original
    var added = deck.events[0]
    added.id = "added-skirmish"
    added.title = "the added skirmish"
    deck.events.append(added)
    let removed = deck.events.remove(at: 1)
    deck.events[1].title = "the reworded " + deck.events[1].title
    // Questions are asked in the summary's words: reword it too.
    deck.events[1].summary = "The reworded event happened."
    deck.events[1].stem = nil
    deck.people.reverse()
    try Data(try DeckWriter.yaml(for: deck).utf8).write(to: URL(fileURLWithPath: deckPath))
    let edited = CardBuilder(deck: try DeckLoader.load(fileAt: deckPath)).cards()
    let newIDs = Set(edited.map(\.id)).subtracting(originalCards.map(\.id))
    let goneIDs = Set(originalCards.map(\.id)).subtracting(edited.map(\.id))
    #expect(newIDs.contains { $0.hasPrefix("kalbajar/added-skirmish/") })
    #expect(goneIDs.contains { $0.hasPrefix("kalbajar/\(removed.id)/") })
    let later = start.addingTimeInterval(3600)
    #expect(try syncBoth(compiledStore, builtStore, at: later) == ["kalbajar: \(newIDs.count) new, \(goneIDs.count) retired"])
    // Unchanged since: nothing to do, and nothing read to find that out.
    let unchanged = try CompiledMaterial.open(paths: [deckPath], cache: cache)
    #expect(try unchanged.sync(into: compiledStore, at: later) == ["kalbajar: 0 new, 0 retired"])
    #expect(try compiledStore.deck("kalbajar")?.contentHash == unchanged.infos[0].syncHash)
    // The reworded card kept its progress, and a session reads its new wording.
    #expect(try compiledStore.card(studied)?.state.reps == 1)
    let material = try CompiledMaterial.open(paths: [deckPath], cache: cache)
    #expect(material.origins == [.reused])
    let read = try material.cards.cards([studied])
    #expect(read.first?.prompt == edited.first { $0.id == studied }?.prompt)
    // (Prompts come from events' summaries now, so the reworded title no longer shows in this event's cards; the
    // session still reads exactly the builder's card for the edited deck.)
    #expect(read.first == edited.first { $0.id == studied })
    #expect(read.first?.item == reworded.id)

    // The removed event comes back: its cards are restored, with the same summary both ways.
    try FileManager.default.removeItem(atPath: deckPath)
    try Data(try DeckWriter.yaml(for: original).utf8).write(to: URL(fileURLWithPath: deckPath))
    let restored = try syncBoth(compiledStore, builtStore, at: later.addingTimeInterval(60))
    #expect(restored == ["kalbajar: 0 new, \(newIDs.count) retired, \(goneIDs.count) restored"])
  }

  @Test func sessionCardsAreTheBuildersAndOnlyThoseAskedForAreRead() throws {
    let material = try CompiledMaterial.open(paths: [deckPath], cache: cache)
    let deck = try DeckLoader.load(fileAt: deckPath)
    let built = try StudyMaterial.load(paths: [deckPath])
    let ids = [built.cards[10].id, built.cards[200].id, "kalbajar/nothing/date", built.cards[0].id]
    let read = try material.cards.cards(ids)
    #expect(read.map(\.id) == [built.cards[10].id, built.cards[200].id, built.cards[0].id])
    for card in read {
      let expected = built.cards.first { $0.id == card.id }!
      #expect(card == expected)
    }
    #expect(material.cards.loadedCount == 3)
    // The decks (what a session reads of them) and the judge come from the background, equal to the file's.
    #expect(material.decks.value.map(\.id) == ["kalbajar"])
    let session = try #require(material.decks.value.first)
    #expect(session.events.map(\.id) == deck.events.map(\.id))
    #expect(session.events.map(\.date) == deck.events.map(\.date))
    #expect(session.events.map { $0.summary ?? $0.title } == deck.events.map { $0.summary ?? $0.title })
    #expect(session.entities.map(\.allNames) == deck.entities.map(\.allNames))
    #expect(session.entities.map(\.within) == deck.entities.map(\.within))
    #expect(session.events.allSatisfy { $0.source == nil && $0.quantities.isEmpty })
    #expect(Lexicon(deck: session) == Lexicon(deck: deck))
    for event in deck.events.prefix(5) {
      #expect(Timeline.around(event.id, in: session) == Timeline.around(event.id, in: deck))
    }
    let verdict = material.judge.check("Kalbajar", card: read[0])
    #expect(verdict == CheckerJudge(decks: [deck]).check("Kalbajar", card: read[0]))
  }

  @Test func aSessionReadsEachCardWhenItComesUpAndItsDecksOnlyOnceOneIsShown() throws {
    let store = try store("session")
    let material = try CompiledMaterial.open(paths: [deckPath], cache: cache)
    _ = try material.sync(into: store, at: Date(timeIntervalSince1970: 1_780_000_000))
    var clock = Date(timeIntervalSince1970: 1_780_000_000)
    // Quit at the first prompt: one card read of the twenty queued.
    let quitting = StudySession(
      store: store, scheduler: try store.scheduler(), cards: material.cards, deck: { material.deck($0) },
      reader: ScriptedLineReader([.line(":quit")]), output: BufferedOutput(), judge: material.judge,
      options: QueueOptions(decks: material.deckIDs), now: { clock += 10; return clock })
    _ = try quitting.run()
    #expect(try store.queue(at: clock, options: QueueOptions(decks: material.deckIDs)).all.count > 1)
    #expect(material.cards.loadedCount == 1)
    // Two answers: the second card is read when it comes up, and the first answer was judged with the deck.
    let output = BufferedOutput()
    let answering = StudySession(
      store: store, scheduler: try store.scheduler(), cards: material.cards, deck: { material.deck($0) },
      reader: ScriptedLineReader([.line("no idea"), .line(""), .line("no idea"), .line(""), .line(":quit")]),
      output: output, judge: material.judge, options: QueueOptions(decks: material.deckIDs),
      now: { clock += 10; return clock })
    let summary = try answering.run()
    #expect(summary.reviewed == 2)
    #expect(material.cards.loadedCount == 3)
    #expect(output.text.contains("No answer given."))
  }
}
