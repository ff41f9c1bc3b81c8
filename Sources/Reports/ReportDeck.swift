import CardBuilder
import EventDeck
import Foundation

/// What a report needs to know about one deck, beyond what the store holds: each card's category, the deck's eras,
/// the text of the cards the report shows, and the whole catalog for naming confusions.
///
/// A report over 50,000 cards shows the text of a few dozen of them. A deck's compiled copy can answer the first
/// three from narrow columns and from the rows asked for. It decodes every card only when a wrong answer has to be
/// named (`catalog()`). A `CardCatalog` built in memory serves all four from itself.
public protocol ReportDeck: Sendable {
  /// The deck's id.
  var deckID: String { get }
  /// The deck's eras (ids, titles and dates), for grouping and ordering mastery by era.
  var eras: [Era] { get }
  /// Every card's category by card id.
  func categories() throws -> [String: CardCategory]
  /// The cards with these ids, of this deck, by id; ids it does not have are left out.
  func cards(ids: [String]) throws -> [String: Card]
  /// The whole catalog, for `Confusions`: built on the first call, then kept.
  func catalog() throws -> CardCatalog
}

extension CardCatalog: ReportDeck {
  public var eras: [Era] { deck.eras }

  public func categories() -> [String: CardCategory] {
    Dictionary(cards.map { ($0.id, category(of: $0)) }, uniquingKeysWith: { first, _ in first })
  }

  public func cards(ids: [String]) -> [String: Card] {
    var found: [String: Card] = [:]
    for id in ids { if let card = byID[id] { found[id] = card } }
    return found
  }

  public func catalog() -> CardCatalog { self }
}

/// The text of cards looked up over several decks, the first deck holding an id winning, as the reports have always
/// resolved an id found in more than one catalog.
struct ReportTexts {
  let decks: [any ReportDeck]

  /// The cards with these ids, from whichever deck has each (asked of each deck in turn, only for those still
  /// missing).
  func cards(ids: [String]) throws -> [String: (card: Card, deck: any ReportDeck)] {
    var found: [String: (card: Card, deck: any ReportDeck)] = [:]
    var missing = ids
    for deck in decks where !missing.isEmpty {
      for (id, card) in try deck.cards(ids: missing) where found[id] == nil { found[id] = (card, deck) }
      missing = missing.filter { found[$0] == nil }
    }
    return found
  }
}
