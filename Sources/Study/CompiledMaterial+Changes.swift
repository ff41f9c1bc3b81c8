import CardBuilder
import DeckCache
import ProgressStore

extension CompiledMaterial {
  /// For each deck whose content changed since `store` last synced it, what the edit changed — to be shown before
  /// `sync` records the new version. Decks the store has never synced, or that did not change, are left out.
  ///
  /// The cards of the version the store synced come from the compiled-deck cache, which keeps one earlier version
  /// of each deck (`DeckCache.previous(forDeckAt:)`); when that is another version, the store's own card ids are
  /// compared instead (`DeckChanges.isComplete` false).
  public func changes(since store: ProgressStore) throws(StudyError) -> [DeckChanges] {
    var found: [DeckChanges] = []
    for (index, info) in infos.enumerated() {
      let stored: DeckInfo?
      do {
        stored = try store.deck(info.deckID)
      } catch {
        throw .store(error.description)
      }
      // The store keeps `syncHash` ("content+entries"), or the content hash alone when synced from built cards.
      guard let stored, let synced = stored.contentHash.split(separator: "+").first.map(String.init),
        synced != info.contentHash
      else { continue }
      let path = paths[index]
      if let previous = cache.previous(forDeckAt: path), previous.info.contentHash == synced,
        let old = try? previous.allCards()
      {
        let new = try withRebuild(index) { deck throws(DeckCacheError) in try deck.allCards() }
        found.append(DeckChanges(deckID: info.deckID, path: path, diff: DeckDiff(old: old, new: new), isComplete: true))
        continue
      }
      let known: [StoredCard]
      do {
        known = try store.cards(deck: info.deckID)
      } catch {
        throw .store(error.description)
      }
      let entries = try withRebuild(index) { deck throws(DeckCacheError) in try deck.entries() }
      let knownIDs = Set(known.map(\.id))
      let newIDs = Set(entries.map(\.id))
      let addedIDs = entries.map(\.id).filter { !knownIDs.contains($0) }
      let added = try withRebuild(index) { deck throws(DeckCacheError) in try deck.cards(ids: addedIDs) }
        .map { DeckDiff.Entry(id: $0.id, prompt: $0.prompt, answer: $0.answer) }
      let retired = known.filter { !newIDs.contains($0.id) }.map { DeckDiff.Entry(id: $0.id, prompt: "", answer: "") }
      let diff = DeckDiff(added: added, retired: retired, reworded: [], unchanged: entries.count - addedIDs.count)
      found.append(DeckChanges(deckID: info.deckID, path: path, diff: diff, isComplete: false))
    }
    return found
  }
}
