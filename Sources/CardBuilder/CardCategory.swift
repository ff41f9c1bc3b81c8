import EventDeck

/// What a card asks about, as reports group cards: dates, people, places, numbers, order, other.
///
/// Each kind has one category; the kinds that can ask about anything take it from what the card expects:
/// - `date`, `event` (which event happened on a date) → dates; `quantity` → numbers; `order` → order;
///   `place`, `within` → places; `actor`, `name` → people (persons, units, organisations); `outcome` → other.
/// - `role` and an entity's `cloze` → places for a place, people otherwise.
/// - `choice` → the category of the question it varies (its id's last part: `date`, `place`, `actor`, `quantity-…`).
/// - `fact`, `hand` and a fact's `cloze` → by their expectation: a date, a number, an ordering, a deck entity, a
///   name (people), other text or multiple choice (other).
public enum CardCategory: String, Sendable, Codable, CaseIterable, Comparable {
  case dates, people, places, numbers, order, other

  /// The category of `card`, a card of `deck` (whose entities tell a place from a person).
  public init(_ card: Card, in deck: Deck?) {
    self.init(card, entityKind: { id in deck?.entity(id)?.kind })
  }

  /// The category of `card`, with the kind of each deck entity looked up by `entityKind` (a catalog keeps them in
  /// a dictionary, so that categorising a deck's cards does not search its entities once per card).
  public init(_ card: Card, entityKind: (String) -> EntityKind?) {
    func entity(_ id: String?) -> CardCategory? {
      guard let id, let kind = entityKind(id) else { return nil }
      return kind == .place ? .places : .people
    }
    switch card.kind {
    case .role: self = entity(card.item) ?? .people
    case .cloze, .fact, .hand:
      switch card.expectation {
      case .date: self = .dates
      case .quantity: self = .numbers
      case .ordering: self = .order
      case .entity(let ids): self = entity(ids.first) ?? .people
      case .text(let isName): self = isName ? .people : .other
      case .choice: self = .other
      }
    default: self = CardCategory(kind: card.kind, id: card.id)
    }
  }

  /// The category from a card's kind and id alone (a store's card without its deck): an entity's role or cloze
  /// counts as people, a fact or hand card as other.
  public init(kind: CardKind, id: String) {
    switch kind {
    case .date, .event: self = .dates
    case .quantity: self = .numbers
    case .order: self = .order
    case .place, .within: self = .places
    case .actor, .name, .role: self = .people
    case .outcome, .cloze, .fact, .hand: self = .other
    case .choice:
      let part = id.split(separator: "/").last.map(String.init) ?? ""
      switch part {
      case "date": self = .dates
      case "place": self = .places
      case "actor": self = .people
      default: self = part.hasPrefix("quantity-") ? .numbers : .other
      }
    }
  }

  /// Orders categories as declared, for listings.
  public static func < (a: CardCategory, b: CardCategory) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}
