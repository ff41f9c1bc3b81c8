import CardBuilder
import EventDeck
import StableRandom
import TextKit

/// The kind of question a quiz asks.
public enum QuizKind: String, Sendable, Codable, CaseIterable {
  /// Type the answer.
  case typed
  /// Pick one of four.
  case choice
  /// Put events in order.
  case ordering
}

/// Picks and shapes a quiz's questions; the same seed and deck give the same quiz.
///
/// Every question is a `Card` (the builder's, or one made here with a `.choice` or `.ordering` expectation), so the
/// deck's `AnswerChecker` judges all of them.
public enum QuizBuilder {
  /// `count` questions from `cards`, of `kind` (or a mix), limited to `tags`, in an order fixed by `seed`.
  ///
  /// Typed cards become multiple choice by drawing three wrong options from other cards of the same kind; ordering
  /// questions put three or four dated events of the deck in order.
  public static func build(
    cards: [Card], decks: [Deck], count: Int, kind: QuizKind?, tags: [String], seed: String
  ) -> [Card] {
    var random = SplitMix64(seed: seed)
    var kinds: [String: EntityKind] = [:]
    for deck in decks {
      for entity in deck.entities where kinds[entity.id] == nil { kinds[entity.id] = entity.kind }
    }
    let eligible = cards.filter { card in
      tags.isEmpty || tags.contains { card.tags.contains($0) || card.era == $0 }
    }.sorted { $0.id < $1.id }
    var pool: [Card] = []
    if kind == nil || kind == .typed {
      pool += eligible.filter(isTyped)
    }
    if kind == nil || kind == .choice {
      pool += eligible.filter { $0.correctChoice != nil }
      if kind == .choice {
        pool += eligible.filter(isTyped).compactMap { asChoice($0, among: eligible, kinds: kinds, random: &random) }
      }
    }
    if kind == nil || kind == .ordering {
      let existing = eligible.filter { $0.correctOrder != nil }
      pool += existing
      let wanted = kind == .ordering ? count : max(1, count / 5)
      if existing.count < wanted {
        pool += orderingQuestions(from: eligible, decks: decks, count: wanted - existing.count, random: &random)
      }
    }
    var picked = Array(random.shuffled(pool).prefix(count))
    if kind == nil {
      // A mixed quiz turns every third typed question into multiple choice.
      for index in picked.indices where index % 3 == 1 && isTyped(picked[index]) {
        if let choice = asChoice(picked[index], among: eligible, kinds: kinds, random: &random) { picked[index] = choice }
      }
    }
    return picked
  }

  /// Whether `card` is answered by typing (not by picking an option or ordering items).
  static func isTyped(_ card: Card) -> Bool {
    card.correctChoice == nil && card.correctOrder == nil
  }

  /// Whether two expectations ask for the same sort of answer: both dates, both numbers, both names (an entity or
  /// a name typed as text), or both other text.
  static func sameShape(_ a: Expectation, _ b: Expectation) -> Bool {
    func shape(_ e: Expectation) -> Int {
      switch e {
      case .date: 0
      case .quantity: 1
      case .entity, .text(isName: true): 2
      case .text(isName: false), .choice, .ordering: 3
      }
    }
    return shape(a) == shape(b)
  }

  /// The first entity id a card expects, for "people for people, places for places".
  static func entityID(_ e: Expectation) -> String? {
    if case .entity(let ids) = e { return ids.first }
    return nil
  }

  /// The first day a date card's answer may name.
  static func firstDay(_ e: Expectation) -> Int? {
    if case .date(let d) = e { return d.earliest.dayNumber }
    return nil
  }

  /// A typed card as multiple choice: three wrong options from other cards' answers of the same kind and shape —
  /// entities of the same kind (people for people, places for places), dates nearest in time — never one the
  /// question itself names (it would be ruled out at a glance).
  static func asChoice(
    _ card: Card, among cards: [Card], kinds: [String: EntityKind] = [:], random: inout SplitMix64
  ) -> Card? {
    var seen: Set<String> = [AnswerText.key(card.answer)]
    let kind = entityID(card.expectation).flatMap { kinds[$0] }
    var candidates = random.shuffled(cards).filter { other in
      other.kind == card.kind && sameShape(other.expectation, card.expectation) && isTyped(other)
        && (kind == nil || entityID(other.expectation).flatMap { kinds[$0] } == kind)
        && !Giveaway.givesAway(answer: other.answer, prompt: card.prompt)
    }
    if let day = firstDay(card.expectation) {
      // Nearest in time first; the shuffle above breaks ties.
      let distance = { (c: Card) in abs((firstDay(c.expectation) ?? Int.max / 2) - day) }
      candidates = candidates.enumerated().sorted { (distance($0.element), $0.offset) < (distance($1.element), $1.offset) }
        .map(\.element)
    }
    var wrong: [String] = []
    for other in candidates {
      if seen.insert(AnswerText.key(other.answer)).inserted { wrong.append(other.answer) }
      if wrong.count == 3 { break }
    }
    guard wrong.count >= 2 else { return nil }
    var choice = card
    // Now checked as a choice among these options, not as the typed card it was.
    choice.choices = random.shuffled([card.answer] + wrong)
    choice.expectation = .choice(correct: choice.choices.firstIndex(of: card.answer) ?? 0)
    return choice
  }

  static func orderingQuestions(
    from cards: [Card], decks: [Deck], count: Int, random: inout SplitMix64
  ) -> [Card] {
    var questions: [Card] = []
    for deck in decks {
      let ids = Set(cards.filter { $0.deck == deck.id }.map(\.item))
      let dated = deck.events.filter { ids.contains($0.id) && $0.date != nil }
      guard dated.count >= 3 else { continue }
      for number in 0..<count {
        let size = min(dated.count, 3 + random.below(2))
        var chosen: [Event] = []
        for event in random.shuffled(dated) where !chosen.contains(where: { $0.date!.start == event.date!.start }) {
          chosen.append(event)
          if chosen.count == size { break }
        }
        guard chosen.count >= 3 else { continue }
        let order = chosen.sorted { $0.date!.start < $1.date!.start }.map { $0.summary ?? $0.title }
        var items = random.shuffled(order)
        if items == order { items.swapAt(0, items.count - 1) }
        let answer = chosen.sorted { $0.date!.start < $1.date!.start }
          .map { "\($0.summary ?? $0.title) (\($0.date!.description))" }.joined(separator: " → ")
        let correct = order.compactMap { item in items.firstIndex(of: item) }
        questions.append(
          Card(
            id: "\(deck.id)/quiz/order-\(number)", deck: deck.id, kind: .order,
            prompt: "Put these events in order, earliest first.", answer: answer, choices: items, item: "quiz",
            siblingGroup: "quiz", expectation: .ordering(correct: correct)))
      }
    }
    return questions
  }
}
