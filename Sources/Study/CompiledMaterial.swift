import CardBuilder
import DeckCache
import EventDeck
import Foundation
import ProgressStore

/// The decks of a study session, compiled: checked cheaply against their cached cards (size and time, the hash
/// when those changed), synced into the learner's store from the cards' entries, and read card by card as the
/// queue asks for them. The decks themselves (for the answer checker and timelines) load in the background.
///
/// ```swift
/// let material = try CompiledMaterial.open(paths: ["Decks/kalbajar.yaml"], cache: DeckCache(progressDirectory: dir))
/// _ = try material.sync(into: store, at: Date())
/// let first = try material.cards.cards(queue.ids)
/// ```
public final class CompiledMaterial: @unchecked Sendable {
  /// The deck files, in the order given.
  public let paths: [String]
  /// Each deck's compiled info (id, title, content hash, card count).
  public var infos: [CompiledDeck.Info] { lock.withLock { compiled.map(\.info) } }
  /// How each deck's compiled copy came to be (reused, rehashed, compiled and why), for diagnostics.
  public var origins: [CompiledDeck.Origin] { lock.withLock { compiled.map(\.origin) } }
  /// The cards, read when first asked for.
  public private(set) lazy var cards = StudyCards(fetch: { [unowned self] (ids: [String]) throws(StudyError) in
    try self.fetch(ids)
  })
  /// The decks as a session reads them (`CompiledDeck.sessionDeck()`: names, events' titles and dates; no
  /// quotes or facts), decoded in the background once the judge is prepared or a deck is first asked for.
  public let decks: Prepared<[Deck]>
  /// The judge for these decks' cards, its lexicons made in the background; the first answer waits for them.
  public let judge: CheckerJudge

  let cache: DeckCache
  private let lock = NSLock()
  private var compiled: [CompiledDeck]

  init(paths: [String], cache: DeckCache, compiled: [CompiledDeck]) {
    self.paths = paths
    self.cache = cache
    self.compiled = compiled
    let handles = compiled
    // Read only once the first card is shown (the judge's `prepare()`), or when first needed.
    decks = Prepared(deferred: true) {
      handles.enumerated().compactMap { index, deck in
        if let decoded = try? deck.sessionDeck() { return decoded }
        // A damaged deck record: build again from the file.
        return try? cache.rebuild(deckAt: paths[index], reason: "deck record unreadable").sessionDeck()
      }
    }
    judge = CheckerJudge(decks: decks)
  }

  /// Opens the decks at `paths` through `cache`, compiling those that changed.
  ///
  /// Throws `StudyError.noCards` naming the file when a deck has problems (with `file:line:column` diagnostics).
  public static func open(paths: [String], cache: DeckCache) throws(StudyError) -> CompiledMaterial {
    var compiled: [CompiledDeck] = []
    for path in paths {
      do {
        compiled.append(try cache.open(deckAt: path))
      } catch {
        throw .noCards(error.description)
      }
    }
    return CompiledMaterial(paths: paths, cache: cache, compiled: compiled)
  }

  /// The deck ids, in the order given.
  public var deckIDs: [String] { infos.map(\.deckID) }


  /// The deck names (people, places, units, organisations with their aliases), for `--complete-names`.
  public var names: [String] {
    var seen = Set<String>()
    return decks.value.flatMap { $0.entities.flatMap(\.allNames) }.filter { seen.insert($0).inserted }
  }

  /// The deck with this id (for timelines), once loaded.
  public func deck(_ id: String) -> Deck? { decks.value.first { $0.id == id } }

  /// Adds new cards to `store` heart-first (`Deck.heartFirst`) and retires vanished ones; returns one summary line
  /// per deck (as `StudyMaterial.sync` does, from the compiled entries instead of built cards). A deck the store last synced
  /// from the same card set (`CompiledDeck.Info.syncHash`) is skipped without reading its entries: "0 new, 0 retired".
  public func sync(into store: ProgressStore, at now: Date) throws(StudyError) -> [String] {
    var lines: [String] = []
    for index in paths.indices {
      let info = lock.withLock { compiled[index].info }
      let deckInfo = DeckInfo(id: info.deckID, contentHash: info.syncHash, path: paths[index])
      do {
        // A store last synced from this very card set (same file content, same entries) and path needs nothing.
        if try store.deck(info.deckID) == deckInfo {
          lines.append("\(info.deckID): 0 new, 0 retired")
          continue
        }
      } catch {
        throw .store(error.description)
      }
      var entries = try withRebuild(index) { deck throws(DeckCacheError) in try deck.entries() }
      // New cards get their places in the order of introduction now, so the whole deck (core marks, events'
      // places and actors, facts: more than the session deck holds) is read, once per change.
      let deck = try withRebuild(index) { deck throws(DeckCacheError) in try deck.deck() }
      entries = deck.heartFirst(entries, item: \.item)
      let records = entries.map {
        CardRecord(id: $0.id, kind: $0.kind, siblingGroup: $0.siblingGroup, tags: $0.tags, era: $0.era)
      }
      do {
        let summary = try store.sync(deck: deckInfo, cards: records, at: now)
        lines.append("\(info.deckID): \(summary)")
      } catch {
        throw .store(error.description)
      }
    }
    return lines
  }

  /// Reads the cards with these ids from the deck each id names (`deck/item/kind`).
  private func fetch(_ ids: [String]) throws(StudyError) -> [Card] {
    var byDeck: [Int: [String]] = [:]
    let order = lock.withLock { compiled.map(\.info.deckID) }
    for id in ids {
      let deckID = id.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
      if let index = order.firstIndex(of: deckID) { byDeck[index, default: []].append(id) }
    }
    var found: [Card] = []
    for (index, wanted) in byDeck.sorted(by: { $0.key < $1.key }) {
      let rows = try withRebuild(index) { deck throws(DeckCacheError) in try deck.lookUp(ids: wanted) }
      found += rows.map(\.card)
    }
    return found
  }

  /// Runs `body` on deck `index`; a damaged compiled copy is rebuilt from the deck file once and `body` retried.
  func withRebuild<T>(
    _ index: Int, _ body: (CompiledDeck) throws(DeckCacheError) -> T
  ) throws(StudyError) -> T {
    let deck = lock.withLock { compiled[index] }
    do {
      return try body(deck)
    } catch {
      guard case .damaged(_, let reason) = error else { throw .noCards(error.description) }
      do {
        let rebuilt = try cache.rebuild(deckAt: paths[index], reason: reason)
        lock.withLock { compiled[index] = rebuilt }
        return try body(rebuilt)
      } catch {
        throw .noCards(error.description)
      }
    }
  }
}
