import CardBuilder
import EventDeck
import Foundation
import ProgressStore
import StableRandom

/// The decks of a session or quiz, loaded, turned into cards and (for study) synced into the learner's store.
public struct StudyMaterial: Sendable {
  /// The decks, in the order given.
  public var decks: [Deck]
  /// Their cards, deck by deck.
  public var cards: [Card]

  /// Loads and checks the deck files at `paths`, building their cards.
  ///
  /// Throws `StudyError.noCards` naming the file when a deck has problems (with `file:line:column` diagnostics).
  public static func load(paths: [String]) throws(StudyError) -> StudyMaterial {
    var decks: [Deck] = []
    var cards: [Card] = []
    for path in paths {
      do {
        let deck = try DeckLoader.load(fileAt: path)
        decks.append(deck)
        cards += CardBuilder(deck: deck).cards()
      } catch {
        throw .noCards(error.description)
      }
    }
    return StudyMaterial(decks: decks, cards: cards)
  }

  /// The deck names (people, places, units, organisations with their aliases), for `--complete-names`.
  public var names: [String] {
    var seen = Set<String>()
    return decks.flatMap { $0.entities.flatMap(\.allNames) }.filter { seen.insert($0).inserted }
  }

  /// Adds new cards to `store` heart-first (`Deck.heartFirst`) and retires vanished ones; returns one summary line
  /// per deck.
  public func sync(into store: ProgressStore, paths: [String], at now: Date) throws(StudyError) -> [String] {
    var lines: [String] = []
    for (deck, path) in zip(decks, paths) {
      let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
      let records = deck.heartFirst(cards.filter { $0.deck == deck.id }, item: \.item).map {
        CardRecord(id: $0.id, kind: $0.kind.rawValue, siblingGroup: $0.siblingGroup, tags: $0.tags, era: $0.era)
      }
      do {
        let summary = try store.sync(
          deck: DeckInfo(id: deck.id, contentHash: FNV1a.hex(bytes), path: path), cards: records, at: now)
        lines.append("\(deck.id): \(summary)")
      } catch {
        throw .store(error.description)
      }
    }
    return lines
  }
}
