import EventDeck
import Study

extension CardCatalog {
  /// The catalog of `deck` with the cards a study session builds from it (CardBuilder's, via `StudyMaterial`), so reports show the same
  /// questions and card ids as `annals study`; distractors are the answers of the deck's other cards of the same
  /// kind, the nearest in deck order first, and a choice card's wrong options.
  public init(deck: Deck, cards: [StudyCard]) {
    var names: [String: String] = [:]
    for entity in deck.entities { names[entity.name] = entity.kind.rawValue }
    var eras: [String: String] = [:]
    for era in deck.eras { eras[era.id] = era.title }
    let own = cards.filter { $0.deckID == deck.id }
    var catalogCards: [CatalogCard] = []
    for (index, card) in own.enumerated() {
      var distractors: [String] = []
      switch card.form {
      case .choice(let options):
        distractors = options.filter { $0 != card.answer }
      case .ordering(let items):
        distractors = [items.joined(separator: ", ")]
      case .typed:
        // Same-kind answers, alternating after and before this card: neighbours in a deck are the likely mix-ups.
        var offset = 1
        while distractors.count < 4 && (index + offset < own.count || index - offset >= 0) {
          for other in [index + offset, index - offset] where other >= 0 && other < own.count {
            let candidate = own[other]
            if candidate.kind == card.kind && candidate.answer != card.answer && !distractors.contains(candidate.answer) {
              distractors.append(candidate.answer)
            }
          }
          offset += 1
        }
      }
      catalogCards.append(
        CatalogCard(
          id: card.id, kind: card.kind, group: card.siblingGroup, prompt: card.prompt, answer: card.answer,
          answerType: card.answerType.rawValue, distractors: Array(distractors.prefix(4)), source: card.source,
          era: card.era, tags: card.tags))
    }
    self.init(deckID: deck.id, deckTitle: deck.title, eraTitles: eras, entityNames: names, cards: catalogCards)
  }

  /// The catalogs of every deck in `material`.
  public static func catalogs(of material: StudyMaterial) -> [CardCatalog] {
    material.decks.map { CardCatalog(deck: $0, cards: material.cards) }
  }
}
