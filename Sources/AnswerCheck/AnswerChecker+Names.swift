import CardBuilder
import EventDeck
import TextKit

extension AnswerChecker {
  /// Words that may stand before a name in an answer without changing it ("in the Murov Mountains").
  static let leadingWords: Set<String> = ["in", "at", "near", "on", "from", "to", "towards", "toward", "by", "it", "was", "is"]

  /// An answer naming one of the deck's entities.
  func checkEntity(_ answer: String, ids: [String], card: Card, expected: String) -> Verdict {
    let tokens = stripLeading(AnswerText.tokens(answer))
    let key = tokens.joined(separator: " ")
    let compact = tokens.joined()
    let expectedIDs = Set(ids)
    var expectedKeys = Set<String>()
    for id in ids {
      if let entry = lexicon.entry(id) { expectedKeys.formUnion(entry.keys + entry.compactKeys) }
    }
    for form in card.acceptedForms {
      expectedKeys.insert(AnswerText.key(form))
      expectedKeys.insert(AnswerText.compactKey(form))
    }
    expectedKeys.remove("")
    // 1. A name, alias or spelling variant of the expected entity.
    if expectedKeys.contains(key) || expectedKeys.contains(compact) {
      return .correct(expected, explain(matched: key, ids: ids, card: card))
    }
    // 2. A surname alone.
    if tokens.count == 1 {
      let people = lexicon.ids(forSurname: key)
      let mine = people.filter { expectedIDs.contains($0) }
      if !mine.isEmpty {
        if people.allSatisfy({ expectedIDs.contains($0) }) {
          return .correct(expected, "The surname alone is enough here: only one person in this deck is called that.")
        }
        let names = people.compactMap { lexicon.entry($0)?.name }
        return .close(
          expected, "\(names.count) people in this deck are called \(capitalized(key)): \(names.joined(separator: ", ")).",
          hint: "Give the first name too.")
      }
    }
    // 3. Another entity of the deck, named exactly.
    let others = (lexicon.ids(forKey: key) + lexicon.ids(forKey: compact)).filter { !expectedIDs.contains($0) }
    if let other = others.first.flatMap({ lexicon.entry($0) }) {
      // A place containing the answer, or inside it: on the right track, not a different answer.
      if let inner = ids.first(where: { lexicon.place($0, liesWithin: other.id) }), let place = lexicon.entry(inner) {
        return .close(expected, "\(place.name) lies in \(other.name); the question wants the more precise place.")
      }
      if let outer = ids.first(where: { lexicon.place(other.id, liesWithin: $0) }), let place = lexicon.entry(outer) {
        return .close(expected, "\(other.name) lies in \(place.name), which is the answer.")
      }
      return .wrong(expected, "\(other.name) is a different \(noun(other.kind)) in this deck.")
    }
    if tokens.count == 1, let other = lexicon.ids(forSurname: key).first.flatMap({ lexicon.entry($0) }) {
      return .wrong(expected, "\(other.name) is a different person in this deck.")
    }
    // 4. A near miss of someone else's full name ("Marker Melkonian" for Markar) is that other one, not a typo.
    if let near = nearestOther(key, excluding: expectedIDs),
      near.1 < expectedKeys.map({ EditDistance.between(key, $0, limit: near.1 + 1) }).min() ?? .max
    {
      let near = near.0
      return .wrong(expected, "That is close to \(near.name), a different \(noun(near.kind)) in this deck.")
    }
    // 5. The name inside a longer answer ("it was General Dalibaltyan's plan").
    let padded = " " + key + " "
    if tokens.count <= 12, let hit = expectedKeys.first(where: { $0.contains(" ") || $0.count >= 4 ? padded.contains(" " + $0 + " ") : false }) {
      let strangers = lexicon.mentions(in: answer).filter { id in
        !expectedIDs.contains(id) && !(lexicon.entry(id)?.keys.contains { hit.contains($0) } ?? false)
      }
      if strangers.isEmpty { return .correct(expected, explain(matched: hit, ids: ids, card: card)) }
      let names = strangers.compactMap { lexicon.entry($0)?.name }
      return .wrong(expected, "The answer also names \(names.joined(separator: ", ")); give one answer.")
    }
    // 6. A misspelling: near the expected name, and nearer to it than to anyone else in the deck.
    return spelling(key, expectedKeys: expectedKeys, expectedIDs: expectedIDs, expected: expected, surnameOK: true)
  }

  /// Another entity whose name or alias is within typo distance of the whole answer.
  func nearestOther(_ key: String, excluding ids: Set<String>) -> (Lexicon.Entry, Int)? {
    guard key.contains(" ") else { return nil }
    let allowance = AnswerText.typoAllowance(forLength: key.unicodeScalars.count)
    guard let hit = lexicon.nearest(to: key, within: allowance, excluding: ids, multiWord: true, surnames: false),
      let entry = lexicon.entry(hit.id)
    else { return nil }
    return (entry, hit.distance)
  }

  /// Close when `key` is a small typo away from an expected form and no nearer to another entity; else wrong.
  func spelling(_ key: String, expectedKeys: Set<String>, expectedIDs: Set<String>, expected: String, surnameOK: Bool)
    -> Verdict
  {
    guard !key.isEmpty else { return .wrong(expected, "That is not the answer.") }
    var candidates = expectedKeys
    if surnameOK, !key.contains(" ") {
      for id in expectedIDs { candidates.formUnion(lexicon.entry(id)?.surnames ?? []) }
    }
    var best = Int.max
    var bestForm = ""
    for form in candidates.sorted() {
      let d = EditDistance.between(key, form, limit: 4)
      if d < best {
        best = d
        bestForm = form
      }
    }
    let allowance = AnswerText.typoAllowance(forLength: bestForm.count)
    guard best <= allowance, best > 0 else { return .wrong(expected, "That is not the answer.") }
    // Someone else as near or nearer: a different answer, not a typo.
    if let other = lexicon.nearest(to: key, within: best, excluding: expectedIDs), let entry = lexicon.entry(other.id) {
      return .wrong(expected, "That is close to \(entry.name), a different \(noun(entry.kind)) in this deck.")
    }
    return .close(expected, "Close: check the spelling (\(expected)).")
  }

  /// A free-text answer: one of the accepted forms, all its key words, or (for names) a small typo.
  func checkText(_ answer: String, card: Card, isName: Bool, expected: String) -> Verdict {
    let tokens = stripLeading(AnswerText.tokens(answer))
    let key = tokens.joined(separator: " ")
    let compact = tokens.joined()
    let forms = card.acceptedForms.map { AnswerText.tokens($0) }.filter { !$0.isEmpty }
    for form in forms where form.joined(separator: " ") == key || form.joined() == compact {
      return .correct(expected, "Matches \(card.answer == answer ? "the answer" : "an accepted answer").")
    }
    // Another of the deck's entities, named exactly, is a different answer.
    if let other = lexicon.ids(forKey: key).first.flatMap({ lexicon.entry($0) }),
      !forms.contains(where: { $0.joined(separator: " ") == key })
    {
      return .wrong(expected, "\(other.name) is a different \(noun(other.kind)) in this deck.")
    }
    let answerWords = Set(tokens)
    var bestCoverage = 0.0
    var anyFuzzy = false
    for form in forms {
      let content = form.filter { !AnswerText.fillers.contains($0) }
      let words = content.isEmpty ? form : content
      var exact = 0
      var fuzzy = 0
      for word in words {
        if answerWords.contains(word) {
          exact += 1
        } else if word.count >= 4, answerWords.contains(where: {
          $0.count >= 3 && EditDistance.between($0, word, limit: 2) <= AnswerText.typoAllowance(forLength: word.count)
        }) {
          fuzzy += 1
        }
      }
      // All key words present, and not buried in a much longer answer.
      if exact == words.count, tokens.count <= form.count + 6 {
        return .correct(expected, "Contains the key words of the answer.")
      }
      if exact + fuzzy == words.count, tokens.count <= form.count + 6 {
        anyFuzzy = true
      }
      bestCoverage = max(bestCoverage, Double(exact + fuzzy) / Double(words.count))
    }
    if anyFuzzy { return .close(expected, "Close: check the spelling (\(expected)).") }
    let v = spelling(key, expectedKeys: Set(forms.map { $0.joined(separator: " ") }), expectedIDs: [], expected: expected,
                     surnameOK: false)
    if v.outcome == .close { return v }
    if !isName, bestCoverage >= 0.5, tokens.count <= 12 {
      return .close(expected, "Partly right: the full answer is \(expected).")
    }
    return .wrong(expected, "That is not the answer.")
  }

  /// Leading prepositions and fillers dropped ("in the Murov Mountains" → "murov mountains").
  func stripLeading(_ tokens: [String]) -> [String] {
    var t = tokens
    while t.count > 1, Self.leadingWords.contains(t[0]) || AnswerText.articles.contains(t[0]) { t.removeFirst() }
    return t
  }

  func explain(matched key: String, ids: [String], card: Card) -> String {
    if card.acceptedForms.contains(where: { AnswerText.key($0) == key }) && AnswerText.key(card.answer) == key {
      return "Right."
    }
    if let id = ids.first(where: { lexicon.entry($0)?.keys.contains(key) ?? false }), let entry = lexicon.entry(id),
      AnswerText.key(entry.name) != key
    {
      return "Right: an accepted name for \(entry.name)."
    }
    return "Right."
  }

  func noun(_ kind: EntityKind) -> String {
    switch kind {
    case .person: "person"
    case .place: "place"
    case .unit: "unit"
    case .organisation: "organisation"
    }
  }

  func capitalized(_ key: String) -> String {
    key.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
  }
}
