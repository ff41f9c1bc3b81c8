import Foundation
import EventDeck
import StableRandom
import TextKit

extension CardBuilder {
  /// The cards of one entity: role (multiple choice), name, within, cloze.
  func cards(for entity: Entity, into out: inout [Card]) {
    let off = entity.disabledKinds
    let phrase = Phrasing.nounPhrase(entity)
    let source = entity.source?.text
    func make(_ kind: CardKind, prompt: String, answer: String, accepted: [String] = [], choices: [String] = [],
              expectation: Expectation) -> Card {
      Card(
        id: id(entity.id, kind), deck: deck.id, kind: kind, prompt: prompt, answer: answer, accepted: accepted,
        choices: choices, item: entity.id, siblingGroup: group(entity.id), source: source, tags: entity.tags,
        expectation: expectation)
    }
    let description = Self.description(of: entity)

    // Role: what the entity is, as multiple choice among same-kind entities' descriptions.
    if let description, isOn(.role, item: off), !Phrasing.isIndefinite(entity.name),
      Self.isInformative(description, about: entity)
    {
      let cardID = id(entity.id, .role)
      var seed = SplitMix64(seed: cardID)
      var wrong: [String] = []
      var seen: Set<String> = [AnswerText.key(description)]
      for other in distractors(like: entity.kind, excluding: [entity.id], count: 8, seed: &seed) where wrong.count < 3 {
        // "Monte Melkonian's elder brother" is no answer to "Who was Monte Melkonian?": the question rules it out.
        guard let d = Self.description(of: other.entity), !isNamed(entity, in: d), seen.insert(AnswerText.key(d)).inserted
        else { continue }
        wrong.append(Phrasing.capitalizedFirst(d))
      }
      if wrong.count == 3 {
        let prompt: String
        if let q = Self.asked(entity.questions, "role") {
          prompt = Phrasing.question(q)
        } else {
          switch entity.kind {
          case .person: prompt = Phrasing.question("Who was \(phrase)")
          case .place: prompt = Phrasing.question("What \(Phrasing.be(entity.name, present: true)) \(phrase)")
          case .unit, .organisation: prompt = Phrasing.question("Which of these describes \(phrase)")
          }
        }
        let right = Phrasing.capitalizedFirst(description)
        let (choices, index) = arrange(right: right, wrong: wrong, seed: &seed)
        out.append(make(.role, prompt: prompt, answer: right, choices: choices, expectation: .choice(correct: index)))
      }
    }

    // Name: the role asks for the entity (people and organisations).
    if let role = entity.role, entity.kind == .person || entity.kind == .organisation, isOn(.name, item: off),
      !isNamed(entity, in: role)
    {
      let prompt: String
      if let q = Self.asked(entity.questions, "name") {
        prompt = Phrasing.question(q)
      } else {
        let firstWord = String(role.split(separator: " ").first ?? "")
        let plural = Phrasing.isPluralWord(firstWord.lowercased())
        let who = entity.kind == .person || plural ? "Who" : "What"
        let verb = plural ? "were" : "was"
        prompt = Phrasing.question("\(who) \(verb) \(Phrasing.definite(role))")
      }
      if !givesAway(answer: entity.name, prompt: prompt) {
        out.append(
          make(.name, prompt: prompt, answer: entity.name, accepted: entity.aliases, expectation: .entity(ids: [entity.id])))
      }
    }

    // Within: where a place lies.
    if entity.kind == .place, let parentID = entity.within, let parent = entities[parentID], isOn(.within, item: off),
      !isNamed(parent, in: entity.name)
    {
      let prompt = Self.asked(entity.questions, "within").map(Phrasing.question)
        ?? Phrasing.question("Where \(Phrasing.be(entity.name, present: true)) \(phrase)")
      if !givesAway(answer: parent.name, prompt: prompt) {
        out.append(
          make(.within, prompt: prompt, answer: parent.name, accepted: parent.aliases, expectation: .entity(ids: [parent.id])))
      }
    }

    // Cloze: the entity's own name blanked in its sentence.
    if isOn(.cloze, item: off), !Phrasing.isIndefinite(entity.name), let quote = source,
      let card = cloze(item: entity.id, quote: quote, prefer: [], tags: entity.tags, era: nil, only: entity.id)
    {
      out.append(card)
    }
  }

  /// Whether a description says more than the name: not one word, and its head noun not in the name
  /// ("International border" says nothing new about "the Turkey-Armenia border").
  static func isInformative(_ description: String, about entity: Entity, bytewise: Bool = true) -> Bool {
    if entity.kind == .person || entity.kind == .organisation { return true }
    // The part before the first comma: split on bytes for ASCII text (the same parts as on characters).
    let head =
      bytewise && description.utf8.allSatisfy({ $0 < 0x80 })
      ? description.utf8.split(separator: 0x2C).first.map { String(decoding: $0, as: UTF8.self) } ?? description
      : description.split(separator: ",").first.map(String.init) ?? description
    let words = AnswerText.rawTokens(head)
    guard words.count >= 2 || description.contains(","), let last = words.last else { return false }
    let nameWords = Set(AnswerText.rawTokens(entity.name).map { $0.hasSuffix("s") ? String($0.dropLast()) : $0 })
    let headWord = last.hasSuffix("s") ? String(last.dropLast()) : last
    return !nameWords.contains(headWord)
  }

  /// What an entity is: a person's or organisation's role, a place's or unit's type.
  static func description(of entity: Entity) -> String? {
    let d = entity.kind == .place || entity.kind == .unit ? (entity.type ?? entity.role) : (entity.role ?? entity.type)
    guard let d, !d.isEmpty else { return nil }
    return d
  }

  /// How a fact's or hand card's answer is checked.
  func expectation(for answer: String, type: AnswerType, statement: String?, era: String?) -> Expectation {
    switch type {
    case .name:
      let key = AnswerText.key(answer)
      let ids = lexicon.ids(forKey: key)
      return ids.isEmpty ? .text(isName: true) : .entity(ids: ids)
    case .text:
      return .text(isName: false)
    case .number:
      guard let reading = NumberReader.read(answer) else { return .text(isName: false) }
      var qualifier = QuantityQualifier.exact
      if let statement, let range = statement.range(of: answer) {
        let before = AnswerText.rawTokens(String(statement[..<range.lowerBound])).suffix(2)
        if before.contains(where: { ["approximately", "about", "around", "roughly", "some"].contains($0) }) {
          qualifier = .about
        } else if before.contains("nearly") || before.contains("almost") {
          qualifier = .nearly
        } else if before.contains("estimated") {
          qualifier = .estimated
        }
      }
      let unit = reading.unit.flatMap { NumberReader.canonicalUnit($0) != nil ? $0 : nil }
        ?? (answer.contains("%") ? "%" : nil)
      let q = Quantity(id: "answer", value: reading.value, unit: unit, qualifier: qualifier)
      return .quantity(QuantityExpectation(q))
    case .date:
      // The deck's own date grammar: "1993-04-03", "April 3, 1993", "44 BC", "the 1330s", "by 11th century".
      guard let date = DateSpec.read(answer) else { return .text(isName: false) }
      return .date(dateExpectation(date, era: era))
    }
  }

  /// A fact's cards: its question, and a cloze of its term.
  func cards(for fact: Fact) -> [Card] {
    var out: [Card] = []
    let off = fact.disabledKinds
    let expectation = expectation(for: fact.term, type: fact.answerType, statement: fact.statement, era: fact.era)
    let source = fact.source?.text
    // A question that hands over its answer ("Inside or outside …?" → "outside") is no question.
    if let question = fact.question, isOn(.fact, item: off), !givesAway(answer: fact.term, prompt: question) {
      out.append(
        Card(
          id: id(fact.id, .fact), deck: deck.id, kind: .fact, prompt: Phrasing.question(question), answer: fact.term,
          accepted: fact.accept, item: fact.id, siblingGroup: group(fact.id), source: source ?? fact.statement,
          tags: fact.tags, era: fact.era, expectation: expectation))
    }
    if isOn(.cloze, item: off) {
      let sentence = source.flatMap { Self.blank(fact.term, in: $0) != nil ? $0 : nil } ?? fact.statement
      // A blank the rest of the sentence fills in ("… also named _____" after "Kalbajar District") is no question.
      if let blanked = Self.blank(fact.term, in: sentence), !givesAway(answer: blanked.found, prompt: blanked.text) {
        out.append(
          Card(
            id: id(fact.id, .cloze), deck: deck.id, kind: .cloze, prompt: "Fill in the blank: " + Self.quoted(blanked.text),
            answer: blanked.found, accepted: fact.accept, item: fact.id, siblingGroup: group(fact.id),
            source: source ?? fact.statement, tags: fact.tags, era: fact.era, expectation: expectation))
      }
    }
    return out
  }

  /// A hand-written card, as the teacher wrote it.
  func cards(for hand: HandCard) -> [Card] {
    let cardID = id(hand.id, .hand)
    var seed = SplitMix64(seed: cardID)
    var card = Card(
      id: cardID, deck: deck.id, kind: .hand, prompt: hand.question, answer: hand.answer, accepted: hand.accept,
      item: hand.id, siblingGroup: cardID, source: hand.source?.text, tags: hand.tags, era: hand.era,
      expectation: .text(isName: false))
    switch hand.kind {
    case .typed:
      card.expectation = expectation(for: hand.answer, type: hand.answerType, statement: hand.source?.text, era: hand.era)
    case .choice:
      let (choices, right) = arrange(right: hand.answer, wrong: hand.choices, seed: &seed)
      card.choices = choices
      card.expectation = .choice(correct: right)
    case .ordering:
      guard hand.order.count >= 2 else { return [] }
      var shown = seed.shuffled(hand.order)
      if shown == hand.order { shown.append(shown.removeFirst()) }
      card.choices = shown
      card.answer = hand.order.joined(separator: " → ")
      card.expectation = .ordering(correct: hand.order.map { item in shown.firstIndex(of: item)! })
    case .cloze:
      guard let open = hand.question.range(of: "{{"), let close = hand.question.range(of: "}}", range: open.upperBound..<hand.question.endIndex)
      else { return [] }
      let term = String(hand.question[open.upperBound..<close.lowerBound])
      let text = hand.question.replacingCharacters(in: open.lowerBound..<close.upperBound, with: "_____")
        .replacingOccurrences(of: "{{", with: "").replacingOccurrences(of: "}}", with: "")
      card.prompt = "Fill in the blank: " + Self.quoted(text)
      card.answer = term
      let ids = lexicon.ids(forKey: AnswerText.key(term))
      card.expectation = ids.isEmpty ? .text(isName: true) : .entity(ids: ids)
    }
    return [card]
  }
}
