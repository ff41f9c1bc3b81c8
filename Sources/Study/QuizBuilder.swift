import EventDeck
import StableRandom

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
public enum QuizBuilder {
  /// `count` questions from `cards`, of `kind` (or a mix), limited to `tags`, in an order fixed by `seed`.
  ///
  /// Typed cards become multiple choice by drawing three wrong options from other cards of the same kind; ordering
  /// questions put three or four dated events of the deck in order.
  public static func build(
    cards: [StudyCard], decks: [Deck], count: Int, kind: QuizKind?, tags: [String], seed: String
  ) -> [StudyCard] {
    var random = SplitMix64(seed: seed)
    let eligible = cards.filter { card in
      tags.isEmpty || tags.contains { card.tags.contains($0) || card.era == $0 }
    }.sorted { $0.id < $1.id }
    var pool: [StudyCard] = []
    if kind == nil || kind == .typed {
      pool += eligible.filter { $0.form == .typed }
    }
    if kind == nil || kind == .choice {
      pool += eligible.filter { if case .choice = $0.form { true } else { false } }
      if kind == .choice {
        pool += eligible.filter { $0.form == .typed }.compactMap { asChoice($0, among: eligible, random: &random) }
      }
    }
    if kind == nil || kind == .ordering {
      let existing = eligible.filter { if case .ordering = $0.form { true } else { false } }
      pool += existing
      let wanted = kind == .ordering ? count : max(1, count / 5)
      if existing.count < wanted {
        pool += orderingQuestions(from: eligible, decks: decks, count: wanted - existing.count, random: &random)
      }
    }
    var picked = Array(random.shuffled(pool).prefix(count))
    if kind == nil {
      // A mixed quiz turns every third typed question into multiple choice.
      for index in picked.indices where index % 3 == 1 && picked[index].form == .typed {
        if let choice = asChoice(picked[index], among: eligible, random: &random) { picked[index] = choice }
      }
    }
    return picked
  }

  static func asChoice(_ card: StudyCard, among cards: [StudyCard], random: inout SplitMix64) -> StudyCard? {
    var seen: Set<String> = [BasicJudge.normalize(card.answer)]
    var wrong: [String] = []
    for other in random.shuffled(cards)
    where other.kind == card.kind && other.answerType == card.answerType && other.form == .typed {
      if seen.insert(BasicJudge.normalize(other.answer)).inserted { wrong.append(other.answer) }
      if wrong.count == 3 { break }
    }
    guard wrong.count >= 2 else { return nil }
    var choice = card
    choice.card = nil  // now checked as a choice among these options, not as the typed card it was
    choice.form = .choice(options: random.shuffled([card.answer] + wrong))
    return choice
  }

  static func orderingQuestions(
    from cards: [StudyCard], decks: [Deck], count: Int, random: inout SplitMix64
  ) -> [StudyCard] {
    var questions: [StudyCard] = []
    for deck in decks {
      let ids = Set(cards.compactMap(\.eventID))
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
        questions.append(
          StudyCard(
            id: "\(deck.id):quiz-order-\(number)", deckID: deck.id, kind: "ordering",
            prompt: "Put these events in order, earliest first.", form: .ordering(items: items), answer: answer,
            correctOrder: order, siblingGroup: "quiz"))
      }
    }
    return questions
  }
}
