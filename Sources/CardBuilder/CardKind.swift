import EventDeck

/// The kinds of card built from a deck; raw values appear in card ids and in a deck's `disable:` lists.
///
/// The list lives in EventDeck (`DeckCardKind`), so the deck parser and the card builder cannot drift apart.
public typealias CardKind = DeckCardKind
