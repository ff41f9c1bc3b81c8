import Foundation
import EventDeck

/// Builds study cards straight from a deck: dates of events, names for roles, enclosing places, quantities, facts
/// and hand-written cards.
///
/// A deliberately small builder so sessions and quizzes run on any valid deck; each card id is
/// `<deck>:<item>:<kind>`, stable across edits that keep the item's id.
public enum DeckCards {
  /// Every card the deck yields, in deck order, minus the kinds it disables.
  public static func build(_ deck: Deck) -> [StudyCard] {
    var cards: [StudyCard] = []
    func allowed(_ kind: String, _ itemDisabled: [String]) -> Bool {
      !deck.disabledKinds.contains(kind) && !itemDisabled.contains(kind)
    }
    func id(_ item: String, _ kind: String) -> String { "\(deck.id):\(item):\(kind)" }

    for event in deck.events {
      if let date = event.date, allowed("date", event.disabledKinds) {
        cards.append(
          StudyCard(
            id: id(event.id, "date"), deckID: deck.id, kind: "date",
            prompt: event.questions["date"] ?? "When did \(event.title) take place?",
            answer: date.description, answerType: .date, date: date.start, source: event.source?.text,
            eventID: event.id, siblingGroup: event.id, tags: event.tags, era: event.era))
      }
      for quantity in event.quantities where allowed("quantity", event.disabledKinds) {
        guard let question = quantity.question ?? quantity.counts.map({ "How many \($0)?" }) else { continue }
        let value = quantity.value == quantity.value.rounded() ? String(Int(quantity.value)) : String(quantity.value)
        let shown = [quantity.qualifier.words, value + (quantity.unit.map { $0 == "%" ? "%" : " \($0)" } ?? "")]
          .compactMap { $0 }.joined(separator: " ")
        cards.append(
          StudyCard(
            id: id("\(event.id).\(quantity.id)", "quantity"), deckID: deck.id, kind: "quantity", prompt: question,
            answer: shown, answerType: .number, number: quantity.value,
            tolerance: quantity.tolerance ?? (quantity.qualifier.isApproximate ? abs(quantity.value) * 0.1 : 0),
            source: quantity.source?.text ?? event.source?.text, eventID: event.id, siblingGroup: event.id,
            tags: event.tags, era: event.era))
      }
    }
    for person in deck.people + deck.organisations where allowed("name", person.disabledKinds) {
      guard let role = person.role else { continue }
      cards.append(
        StudyCard(
          id: id(person.id, "name"), deckID: deck.id, kind: "name",
          prompt: person.questions["name"] ?? "Who was the \(role)?", answer: person.name, accepted: person.aliases,
          answerType: .name, source: person.source?.text, siblingGroup: person.id, tags: person.tags))
    }
    for place in deck.places + deck.units where allowed("within", place.disabledKinds) {
      guard let within = place.within.flatMap(deck.entity) else { continue }
      cards.append(
        StudyCard(
          id: id(place.id, "within"), deckID: deck.id, kind: "within",
          prompt: place.questions["within"] ?? "In which place does \(place.name) lie?", answer: within.name,
          accepted: within.aliases, answerType: .name, source: place.source?.text, siblingGroup: place.id,
          tags: place.tags))
    }
    for fact in deck.facts where allowed("fact", fact.disabledKinds) {
      let prompt = fact.question ?? fact.statement.replacingOccurrences(of: fact.term, with: "_____")
      cards.append(
        StudyCard(
          id: id(fact.id, "fact"), deckID: deck.id, kind: "fact", prompt: prompt, answer: fact.term,
          accepted: fact.accept, answerType: fact.answerType, source: fact.source?.text ?? fact.statement,
          siblingGroup: fact.id, tags: fact.tags, era: fact.era))
    }
    for hand in deck.cards {
      var random = StableRandom(seed: id(hand.id, hand.kind.rawValue))
      var card = StudyCard(
        id: id(hand.id, hand.kind.rawValue), deckID: deck.id, kind: hand.kind.rawValue, prompt: hand.question,
        answer: hand.answer, accepted: hand.accept, answerType: hand.answerType, source: hand.source?.text,
        siblingGroup: hand.id, tags: hand.tags, era: hand.era)
      switch hand.kind {
      case .typed: break
      case .cloze:
        card.prompt = hand.question.replacingOccurrences(of: "{{\(hand.answer)}}", with: "_____")
      case .choice:
        card.form = .choice(options: random.shuffled([hand.answer] + hand.choices))
      case .ordering:
        var items = random.shuffled(hand.order)
        if items == hand.order, items.count > 1 { items.swapAt(0, items.count - 1) }
        card.form = .ordering(items: items)
        card.correctOrder = hand.order
        card.answer = hand.order.joined(separator: " → ")
      }
      cards.append(card)
    }
    return cards
  }
}
