import EventDeck
import Foundation

/// The deck of dates across history (`Tests/e2e/fixtures/history.yaml`): 44 BC, 476, 1066-10-14, the 11th
/// century, circa 1200, the 1330s, the late 1980s, summer 1992, winter 1993–1994 and the early 5th century BC.
/// The same file is linted and checked end to end by `Tests/e2e/test_dates.py`.
public enum HistoryDeck {
  /// Where the deck file is, in the repository.
  public static let path = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("e2e/fixtures/history.yaml").path

  /// The deck, loaded once through the real deck loader; `try HistoryDeck.deck.get()`.
  public static let deck: Result<Deck, DeckError> = Result { () throws(DeckError) in try DeckLoader.load(fileAt: path) }
}
