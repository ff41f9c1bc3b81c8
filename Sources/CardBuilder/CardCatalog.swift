import EventDeck

/// A deck with its cards as `annals study` builds them, for reports and the simulator: questions, answers, source
/// sentences, categories and the deck's likely mix-ups.
///
/// The store keeps only ids, kinds and progress; the text comes from here. A report without a catalog still
/// renders, with card ids in place of questions.
public struct CardCatalog: Sendable, Equatable {
  /// The deck.
  public let deck: Deck
  /// The deck's cards, in deck order.
  public let cards: [Card]
  /// The cards by id.
  public let byID: [String: Card]
  private let positions: [String: Int]
  /// Each entity's kind by id, for `category(of:)`.
  private let entityKinds: [String: EntityKind]

  /// The catalog of `deck`, with `cards` (by default the cards `CardBuilder` builds from it).
  public init(deck: Deck, cards: [Card]? = nil) {
    let cards = cards ?? CardBuilder(deck: deck).cards()
    self.deck = deck
    self.cards = cards
    byID = Dictionary(cards.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    positions = Dictionary(cards.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    entityKinds = Dictionary(deck.entities.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
  }

  /// The catalog of the deck file at `path` (checked as `annals lint` checks it).
  public static func load(deckAt path: String) throws(DeckError) -> CardCatalog {
    CardCatalog(deck: try DeckLoader.load(fileAt: path))
  }

  /// The deck's id.
  public var deckID: String { deck.id }

  /// The deck's title.
  public var deckTitle: String { deck.title }

  /// Era titles by era id.
  public var eraTitles: [String: String] {
    Dictionary(deck.eras.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
  }

  /// The kind of each entity name of the deck ("Monte Melkonian": "person"), for "a name given for another".
  public var entityNames: [String: String] {
    Dictionary(deck.entities.map { ($0.name, $0.kind.rawValue) }, uniquingKeysWith: { first, _ in first })
  }

  /// What `card` asks about (see `CardCategory`).
  public func category(of card: Card) -> CardCategory { CardCategory(card, entityKind: { entityKinds[$0] }) }

  /// Wrong answers a learner plausibly gives for `card`, the likeliest first: a multiple-choice card's wrong
  /// options; an ordering's items as shown; otherwise the answers of the deck's other cards of the same kind,
  /// alternating after and before this card (neighbours in a deck are the likely mix-ups). At most four.
  public func distractors(of card: Card) -> [String] {
    switch card.expectation {
    case .choice(let correct):
      return Array(card.choices.indices.filter { $0 != correct }.map { card.choices[$0] }.prefix(4))
    case .ordering:
      return [card.choices.joined(separator: ", ")]
    case .entity, .text, .date, .quantity: break
    }
    guard let index = positions[card.id] else { return [] }
    var distractors: [String] = []
    var offset = 1
    while distractors.count < 4 && (index + offset < cards.count || index - offset >= 0) {
      for other in [index + offset, index - offset] where other >= 0 && other < cards.count {
        let candidate = cards[other]
        if candidate.kind == card.kind && candidate.answer != card.answer && !distractors.contains(candidate.answer) {
          distractors.append(candidate.answer)
        }
      }
      offset += 1
    }
    return Array(distractors.prefix(4))
  }
}
