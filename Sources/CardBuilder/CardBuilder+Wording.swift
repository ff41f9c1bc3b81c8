import EventDeck
import TextKit

extension CardBuilder {
  /// Nouns that name people (or bodies of them): a subject made of them can be asked about with "Who …?".
  static let peopleNouns: Set<String> = [
    "forces", "force", "troops", "leaders", "leader", "leadership", "men", "units", "unit", "government", "side",
    "army", "military", "soldiers", "commanders", "commander", "fighters", "armenians", "azerbaijanis", "president",
    "governor", "detachment", "column", "brigade", "regiment", "people", "officials", "authorities", "rebels",
    "defenders", "volunteers", "militia", "militias", "battalion", "division", "general", "colonel", "minister",
  ]

  /// `Giveaway.givesAway`, with an entity name's distinctive words read from those found once per deck.
  func givesAway(answer: String, prompt: String) -> Bool {
    Giveaway.givesAway(words: distinctiveNameWords[answer] ?? Giveaway.distinctiveWords(of: answer), prompt: prompt)
  }

  /// The date question from the event's clause, else the template; nil when both give the answer away.
  func datePrompt(_ clause: QuestionBuilder.Clause?, title: String, date: DateSpec) -> String? {
    // The date's distinctive words found once for both wordings.
    let answer = date.description
    let words = distinctiveNameWords[answer] ?? Giveaway.distinctiveWords(of: answer)
    if let clause {
      let asked = questions.dateQuestion(clause, date: date)
      if !Giveaway.givesAway(words: words, prompt: asked) { return asked }
    }
    let template = Self.datePrompt(title, date)
    return Giveaway.givesAway(words: words, prompt: template) ? nil : template
  }

  /// "Where did … ?" from the event's clause, else "Where was <title>?"; nil when both give the answer away.
  func placePrompt(_ clause: QuestionBuilder.Clause?, title: String, answer: String) -> String? {
    if let clause {
      let asked = questions.placeQuestion(clause)
      if !givesAway(answer: answer, prompt: asked) { return asked }
    }
    let template = Phrasing.question(Self.spaced("Where was", title))
    return givesAway(answer: answer, prompt: template) ? nil : template
  }

  /// "Who captured …?" when the clause's subject (or a passive's agent) is the event's actor, else "Who carried
  /// out <title>?" ("took part in" for several actors); nil when both give the answer away.
  func actorPrompt(
    _ clause: QuestionBuilder.Clause?, title: String, event: Event, actors: [String], answer: String, lead: String
  ) -> String? {
    if let clause, asksForActor(clause, actors: event.actors), let asked = questions.actorQuestion(clause, lead: lead),
      !givesAway(answer: answer, prompt: asked)
    {
      return asked
    }
    let verb = actors.count == 1 ? "carried out" : "took part in"
    let template = Phrasing.question(Self.spaced(lead, verb, title))
    return givesAway(answer: answer, prompt: template) ? nil : template
  }

  /// Whether the clause's doer is one of `actors`: the subject of an active clause, the agent of a passive one
  /// (or, when neither names an entity, a subject or agent that names people: "military leaders").
  func asksForActor(_ clause: QuestionBuilder.Clause, actors: [String]) -> Bool {
    let doer: String
    switch clause.voice {
    case .active, .perfect: doer = clause.subject
    case .passive:
      guard clause.activeWithoutAgent != nil else { return false }
      guard let agent = clause.agent else { return true }  // cut short: "by Azerbaijani and foreign Chechen, …"
      doer = agent
    }
    let named = lexicon.mentions(in: doer)
    guard !named.isEmpty else { return AnswerText.rawTokens(doer).contains { Self.peopleNouns.contains($0) } }
    let doers = named.filter { actors.contains($0) }
    guard !doers.isEmpty else { return false }
    // Others named may be places ("Armenian forces from Nagorno-Karabakh") or names inside an actor's name
    // ("Melkonian" inside "Melkonian's forces").
    let doerKeys = doers.flatMap { entityKeys[$0] ?? [] }
    return named.allSatisfy { id in
      guard !actors.contains(id), let entry = lexicon.entry(id) else { return true }
      if entry.kind == .place { return true }
      return entry.keys.contains { key in doerKeys.contains { $0 != key && " \($0) ".contains(" \(key) ") } }
    }
  }

  /// Up to `count` of `candidates` that the question does not rule out, those of the event's era first (a 1993
  /// battle is not answered by a 2020 envoy).
  ///
  /// A candidate whose distinctive words are in the question is left out: "Azerbaijani forces" is no option for
  /// "Which of these warned the Azerbaijanis in the district …?".
  func fitting(
    _ candidates: [Candidate], prompt: String, era: String?, count: Int, bytewise: Bool = true
  ) -> [Candidate] {
    let open: [Candidate]
    if bytewise, let hay = Self.askedHay(prompt) {
      let words = WordMask(hay: hay)
      open = candidates.filter { candidate in
        for (k, word) in candidate.distinctiveWords.enumerated() where words.mayContain(candidate.distinctiveBits[k]) {
          if UTF8Search.containsWord(word, inHay: hay) { return false }
        }
        return true
      }
    } else {
      // The question's words and their singulars, searched in order (quicker than a set for so few).
      var asked: [String] = []
      for word in AnswerText.rawTokens(prompt) {
        asked.append(word)
        if word.utf8.last == 0x73, word.count > 4, word.hasSuffix("s") { asked.append(String(word.dropLast())) }
      }
      open = candidates.filter { candidate in !candidate.distinctiveWords.contains { asked.contains($0) } }
    }
    guard let era else { return Array(open.prefix(count)) }
    // Each candidate's eras looked into once.
    var near: [Candidate] = []
    var far: [Candidate] = []
    for candidate in open {
      if candidate.eras.contains(era) {
        near.append(candidate)
        if near.count == count { return near }
      } else if far.count < count {
        far.append(candidate)
      }
    }
    return Array((near + far).prefix(count))
  }

  /// The question's words and the singulars of those over four letters ending in "s", each followed by a space,
  /// after one space: a hay (`hay(_:)`) for `fitting`'s whole-word searches, made as one string, or nil for text
  /// `AnswerText.eachASCIIToken` does not read (not ASCII, or long enough to be clipped).
  static func askedHay(_ prompt: String) -> String? {
    // At most: each word (no longer than its bytes in the question) and its singular, a space after each.
    let capacity = 2 * (prompt.utf8.count + 1) + 1
    var read = false
    let made = String(unsafeUninitializedCapacity: capacity) { out in
      guard let base = out.baseAddress else { return 0 }
      base[0] = 0x20
      var at = 1
      read = AnswerText.eachASCIIToken(prompt) { word in
        guard let from = word.baseAddress else { return }
        (base + at).initialize(from: from, count: word.count)
        at += word.count
        base[at] = 0x20
        at += 1
        if word.count > 4, word[word.count - 1] == 0x73 {
          (base + at).initialize(from: from, count: word.count - 1)
          at += word.count - 1
          base[at] = 0x20
          at += 1
        }
      }
      return read ? at : 0
    }
    return read ? made : nil
  }
}
