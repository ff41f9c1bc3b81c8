import CardBuilder
import TextKit

/// What an edit of a deck changed for one learner since their store last synced it: the cards it adds, retires and
/// rewords, by id and question (`annals diff` between those two versions), shown before `study` syncs the deck.
public struct DeckChanges: Sendable, Equatable {
  /// The deck's id.
  public var deckID: String
  /// The deck file, as given.
  public var path: String
  /// The cards added, retired and reworded.
  public var diff: DeckDiff
  /// Whether the version the store last synced was still at hand, so rewordings and retired cards' questions are
  /// known; otherwise only the card ids the store holds were compared (added and retired, no rewordings).
  public var isComplete: Bool

  public init(deckID: String, path: String, diff: DeckDiff, isComplete: Bool) {
    self.deckID = deckID
    self.path = path
    self.diff = diff
    self.isComplete = isComplete
  }

  /// A heading, then at most `limit` cards of each sort ("+ id  question", "- id  question", "~ id  old → new")
  /// with a count of the rest, then the totals; terminal-safe.
  public func lines(limit: Int) -> [String] {
    let heading = "\(TerminalText.sanitize(path)) changed since you last studied it:"
    var body = diff.lines(limit: limit).dropLast().map { "  " + $0 }
    if isComplete {
      body.append("  " + diff.summary)
    } else {
      body.append(
        "  \(diff.added.count) added, \(diff.retired.count) retired, \(diff.unchanged) kept (the version you last "
          + "studied is no longer kept, so rewordings are not shown)")
    }
    return [heading] + body
  }
}
