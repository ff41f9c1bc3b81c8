import Foundation
import EventDeck
import StableRandom
import TextKit

extension CardBuilder {
  /// The cards of one event: date, date → event, place, actor, quantities, outcome, order, cloze (and choice variants).
  func cards(for event: Event, into out: inout [Card]) {
    let off = event.disabledKinds
    let source = event.source?.text
    let siblingGroup = group(event.id)
    // `cardID`: the id, when it was made already for the card's seed.
    func make(_ kind: CardKind, _ sub: String? = nil, cardID: String? = nil, prompt: String, answer: String,
              accepted: [String] = [], choices: [String] = [], expectation: Expectation, source: String? = source) -> Card {
      Card(
        id: cardID ?? id(event.id, kind, sub), deck: deck.id, kind: kind, prompt: prompt, answer: answer, accepted: accepted,
        choices: choices, item: event.id, siblingGroup: siblingGroup, source: source, tags: event.tags,
        era: event.era, expectation: expectation)
    }
    let title = event.title

    // The event's own words, turned into questions where they turn ("Armenian forces captured Shusha" → "On what
    // date did Armenian forces capture Shusha?"); the title in a template where they do not.
    let numbers = event.quantities.map(\.value)
    let clause = event.stem.flatMap { questions.clause($0, numbers: numbers) }
      ?? event.summary.flatMap { questions.clause($0, numbers: numbers) }
    // A statement, interview or account is asked about for what it says, not for the day it was said.
    let isAccount = QuestionBuilder.isAccount(title: title, clause: clause)

    // Date.
    if let date = event.date, !isAccount || Self.asked(event.questions, "date") != nil,
      let prompt = Self.asked(event.questions, "date").map(Phrasing.question) ?? datePrompt(clause, title: title, date: date)
    {
      let expectation = dateExpectation(date, era: event.era)
      if isOn(.date, item: off) {
        out.append(make(.date, prompt: prompt, answer: date.description, expectation: .date(expectation)))
      }
      if isOn(.choice, base: .date, item: off), date.qualifier == .exact, date.end == nil {
        let cardID = id(event.id, .choice, "date")
        var seed = SplitMix64(seed: cardID)
        // Seasons step by whole years (the same season), so "In which winter …" offers only winters.
        let offsets: [Int] =
          date.start.precision == .day
          ? [-10, -7, -5, -3, -2, -1, 1, 2, 3, 4, 6, 9]
          : [-3, -2, -1, 1, 2, 3].map { date.start.precision == .season ? $0 * 4 : $0 }
        let picked = seed.pick(3, from: consume offsets)
        let options = ([0] + picked).sorted().map { date.start.shifted(by: $0) }
        let right = options.firstIndex(of: date.start) ?? 0
        out.append(
          make(
            .choice, "date", cardID: cardID, prompt: prompt, answer: date.start.description, choices: options.map(\.description),
            expectation: .choice(correct: right)))
      }
    }

    // Date → event.
    if let date = event.date, date.qualifier == .exact, date.end == nil, !isAccount, isOn(.event, base: .date, item: off),
      let wrong = eventDistractors(for: event, date: date)
    {
      let cardID = id(event.id, .event)
      var seed = SplitMix64(seed: cardID)
      let prompt = Self.asked(event.questions, "event").map(Phrasing.question)
        ?? Phrasing.question("Which of these happened \(Phrasing.when(date.start))")
      let shown = Phrasing.capitalizedFirst(title)
      let (choices, right) = arrange(right: shown, wrong: seed.pick(3, from: wrong).map(\.shownTitle), seed: &seed)
      out.append(make(.event, cardID: cardID, prompt: prompt, answer: shown, choices: choices, expectation: .choice(correct: right)))
    }

    // Place.
    // When the title names the main place (or actor), the question would hand over the answer or ask about a
    // side detail: no card.
    let titleHay = Self.hay(title)
    // Names in the title, the source or the question itself may well be right: never offered as wrong options.
    // The title's and source's words are the same for every question of the event: read once. (A space ends a
    // word, so the hay of the whole text is their words then the question's, for ASCII text short enough not to
    // be clipped.)
    let avoidingLead = title + " " + (source ?? "") + " "
    // The lead's length, whether it is ASCII, its hay and the hay's word mask: found once, for the first question
    // that needs them.
    var avoidingLeadFacts: (count: Int, isASCII: Bool, hay: String, mask: WordMask)?
    // The hay of the whole text and its word mask (nil: `distractors` makes it).
    func avoiding(_ prompt: String) -> (hay: String, mask: WordMask?) {
      let lead = avoidingLeadFacts ?? {
        var text = avoidingLead
        let hay = Self.hay(avoidingLead)
        return (text.utf8.count, text.withUTF8 { UTF8Search.isASCII($0) }, hay, WordMask(hay: hay))
      }()
      avoidingLeadFacts = lead
      var question = prompt
      // The whole text (`avoidingLead + prompt`) is short and ASCII when both parts are.
      guard lead.count + question.utf8.count <= AnswerText.maximumLength * 4, lead.isASCII,
        question.withUTF8({ UTF8Search.isASCII($0) })
      else {
        return (Self.hay(avoidingLead + prompt), nil)
      }
      // " " + (lead's words + the question's).joined(" ") + " ", the lead's part joined once; its mask is the
      // lead's and that of the words after the lead's last space.
      let leadHay = lead.hay
      let after = leadHay == "  " ? " " : leadHay
      func withMask(_ hay: String) -> (String, WordMask?) {
        (hay, lead.mask.union(WordMask(hay: hay, from: after.utf8.count - 1)))
      }
      if let (hay, count) = Self.asciiWords(of: prompt, after: after) {
        return count == 0 ? (leadHay, lead.mask) : withMask(hay)
      }
      let asked = AnswerText.rawTokens(prompt)
      if asked.isEmpty { return (leadHay, lead.mask) }
      return withMask(after + asked.joined(separator: " ") + " ")
    }
    // Each place's and actor's facts found once, for every card of the event.
    let placeFacts = event.places.map { entityFacts[$0] }
    let places = unnamed(placeFacts, inHay: titleHay)
    if let first = places.first?.entity,
      let prompt = Self.asked(event.questions, "place").map(Phrasing.question) ?? placePrompt(clause, title: title, answer: first.name)
    {
      if isOn(.place, item: off) {
        out.append(
          make(.place, prompt: prompt, answer: first.name, accepted: Array(names(of: places).dropFirst()),
               expectation: .entity(ids: places.map(\.entity.id))))
      }
      if isOn(.choice, base: .place, item: off) {
        let cardID = id(event.id, .choice, "place")
        var seed = SplitMix64(seed: cardID)
        let wrong = fitting(
          distractors(like: .place, excluding: placeFacts, count: 8, avoiding: avoiding(prompt), seed: &seed),
          prompt: prompt, era: event.era, count: 3)
        if wrong.count == 3 {
          let (choices, right) = arrange(right: first.name, wrong: wrong.map(\.name), seed: &seed)
          out.append(make(.choice, "place", cardID: cardID, prompt: prompt, answer: first.name, choices: choices, expectation: .choice(correct: right)))
        }
      }
    }

    // Actor.
    let actorFacts = event.actors.map { entityFacts[$0] }
    let actorEntities = unnamed(actorFacts, inHay: titleHay)
    let actors = actorEntities.map(\.entity.id)
    if let first = actorEntities.first?.entity,
      let prompt = Self.asked(event.questions, "actor").map(Phrasing.question)
        ?? actorPrompt(clause, title: title, event: event, actors: actors, answer: first.name, lead: "Who")
    {
      if isOn(.actor, item: off) {
        out.append(
          make(.actor, prompt: prompt, answer: first.name, accepted: Array(names(of: actorEntities).dropFirst()),
               expectation: .entity(ids: actors)))
      }
      if isOn(.choice, base: .actor, item: off) {
        let cardID = id(event.id, .choice, "actor")
        var seed = SplitMix64(seed: cardID)
        let prompt = Self.asked(event.questions, "actor").map(Phrasing.question)
          ?? actorPrompt(clause, title: title, event: event, actors: actors, answer: first.name, lead: "Which of these")
          ?? prompt
        let wrong = fitting(
          distractors(like: first.kind, excluding: actorFacts, count: 8, avoiding: avoiding(prompt), seed: &seed),
          prompt: prompt, era: event.era, count: 3)
        if wrong.count == 3 {
          let (choices, right) = arrange(right: first.name, wrong: wrong.map(\.name), seed: &seed)
          out.append(make(.choice, "actor", cardID: cardID, prompt: prompt, answer: first.name, choices: choices, expectation: .choice(correct: right)))
        }
      }
    }

    // Quantities.
    for quantity in event.quantities {
      let prompt: String
      if let q = quantity.question {
        prompt = Phrasing.question(q)
      } else if let counts = quantity.counts {
        prompt = Phrasing.question("How many \(counts)")
      } else {
        continue
      }
      let expectation = QuantityExpectation(quantity)
      let answer = Phrasing.quantity(quantity.value, unit: quantity.unit, qualifier: quantity.qualifier)
      let quote = quantity.source?.text ?? source
      if isOn(.quantity, item: off), !givesAway(answer: answer, prompt: prompt) {
        out.append(make(.quantity, quantity.id, prompt: prompt, answer: answer, expectation: .quantity(expectation), source: quote))
      }
      if isOn(.choice, base: .quantity, item: off) {
        let cardID = id(event.id, .choice, "quantity-" + quantity.id)
        var seed = SplitMix64(seed: cardID)
        let wrong = Self.numberDistractors(expectation, seed: &seed)
        if wrong.count == 3 {
          let values = ([quantity.value] + wrong).sorted()
          let shown = values.map { Phrasing.quantity($0, unit: quantity.unit, qualifier: nil) }
          let right = values.firstIndex(of: quantity.value) ?? 0
          out.append(
            make(.choice, "quantity-" + quantity.id, cardID: cardID, prompt: prompt, answer: shown[right], choices: shown,
                 expectation: .choice(correct: right), source: quote))
        }
      }
    }

    // Outcome.
    if let outcome = event.outcome, isOn(.outcome, item: off) {
      let cardID = id(event.id, .outcome)
      var seed = SplitMix64(seed: cardID)
      let key = AnswerText.key(outcome)
      var wrong: [String] = []
      // At most four keys: searched in order, not hashed.
      var seen: [String] = [key]
      seen.reserveCapacity(4)
      var tries = 0
      while wrong.count < 3, tries < 24, outcomes.count > 1 {
        tries += 1
        let index = seed.below(outcomes.count)
        let candidate = outcomes[index]
        if candidate.0 != event.id, !seen.contains(outcomeKeys[index]) {
          seen.append(outcomeKeys[index])
          wrong.append(candidate.1)
        }
      }
      if wrong.count == 3 {
        // "What followed when many refugees froze to death?" → "Many refugees froze to death." hands it over.
        let asked = clause.map { questions.outcomeQuestion($0) }.flatMap { givesAway(answer: outcome, prompt: $0) ? nil : $0 }
        let prompt = Self.asked(event.questions, "outcome").map(Phrasing.question)
          ?? asked ?? Phrasing.question(Self.spaced("What was the outcome of", title))
        let (choices, right) = arrange(right: outcome, wrong: wrong, seed: &seed)
        out.append(make(.outcome, cardID: cardID, prompt: prompt, answer: outcome, choices: choices, expectation: .choice(correct: right)))
      }
    }

    // Order.
    if isOn(.order, item: off), let card = orderCard(for: event) { out.append(card) }

    // Cloze.
    if isOn(.cloze, item: off), let quote = event.source?.text,
      let card = cloze(
        item: event.id, quote: quote, prefer: event.places + event.actors, tags: event.tags, era: event.era)
    {
      out.append(card)
    }
  }

  /// The template for an event whose words do not turn into a question: "On what date was the capture of
  /// Shusha?", "By what year had the independence of Armenia and Azerbaijan happened?" — never "did … take place".
  static func datePrompt(_ title: String, _ date: DateSpec) -> String {
    let stem = QuestionBuilder.dateStem(date)
    return Phrasing.question(date.qualifier == .by ? Self.spaced(stem, "had", title, "happened") : Self.spaced(stem, "was", title))
  }

  /// Events certainly not on the event's date, nearest in time first (at most 8).
  func eventDistractors(for event: Event, date: DateSpec) -> [Dated]? {
    let (first, last) = Self.possibleBounds(date)
    guard !timeline.isEmpty else { return nil }
    // Binary search for the first event starting at or after `first`.
    var lo = 0
    var hi = timeline.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if timeline[mid].first < first { lo = mid + 1 } else { hi = mid }
    }
    var out: [Dated] = []
    out.reserveCapacity(8)
    // Title keys by number, searched in order (at most 9).
    var seen: [Int] = []
    seen.reserveCapacity(9)
    seen.append(timelineIndex[event.id].map { timeline[$0].titleKeyNumber } ?? keyNumbers[AnswerText.key(event.title)] ?? -1)
    var left = lo - 1
    var right = lo
    func look(_ index: Int) {
      guard index >= 0, index < timeline.count, out.count < 8 else { return }
      let d = timeline[index]
      if d.id == event.id || (d.first <= last && d.last >= first) { return }
      if !seen.contains(d.titleKeyNumber) {
        seen.append(d.titleKeyNumber)
        out.append(d)
      }
    }
    while out.count < 8, left >= 0 || right < timeline.count {
      // The nearer earlier event, then the nearer later one.
      look(left)
      look(right)
      left -= 1
      right += 1
      if right - lo > 64 { break }
    }
    return out.count >= 3 ? out : nil
  }

  /// Three numbers of the same size as the right one, each outside the accepted range (and apart from each other).
  static func numberDistractors(_ q: QuantityExpectation, seed: inout SplitMix64) -> [Double] {
    let v = q.value
    var candidates: [Double]
    if v == v.rounded(), abs(v) < 12 {
      candidates = [-3, -2, -1, 1, 2, 3, 4].map { v + $0 }.filter { $0 > 0 }
    } else if q.unit == "%" {
      candidates = [-30, -20, -15, -10, 10, 15, 20, 30].map { v + $0 }.filter { $0 > 0 && $0 < 100 }
    } else {
      candidates = [0.25, 0.4, 0.5, 0.6, 1.5, 2, 2.5, 3, 4].map { Self.roundLike(v * $0, v) }
    }
    let margin = max(q.high - q.low, abs(v) * 0.05)
    candidates = candidates.filter { $0 < q.low - margin || $0 > q.high + margin }
    var out: [Double] = []
    for c in seed.shuffled(consume candidates) where out.count < 3 && !out.contains(c) && c > 0 { out.append(c) }
    return out
  }

  /// `x` rounded to as many significant digits as `like` shows (at least 1).
  static func roundLike(_ x: Double, _ like: Double) -> Double {
    var digits = 0
    var v = abs(like)
    while v >= 10, v == (v / 10).rounded() * 10 {
      v /= 10
      digits += 1
    }
    let scale = pow10(digits)
    let r = (x / scale).rounded() * scale
    return r == 0 ? scale : r
  }

  static func pow10(_ n: Int) -> Double {
    var s = 1.0
    for _ in 0..<n { s *= 10 }
    return s
  }

  /// "Put these events in order": the event and 2–3 certainly-dated neighbours whose days do not overlap.
  func orderCard(for event: Event) -> Card? {
    guard let index = timelineIndex[event.id] else { return nil }
    let cardID = id(event.id, .order)
    var seed = SplitMix64(seed: cardID)
    let size = 3 + seed.below(2)
    // Indices into the timeline, shuffled as the neighbours themselves were (same draws, same order).
    let window = (max(0, index - 6)..<min(timeline.count, index + 7)).filter { timeline[$0].id != event.id }
    var chosen: [Dated] = []
    var keys: [Int] = []
    chosen.reserveCapacity(size)
    keys.reserveCapacity(size)
    chosen.append(timeline[index])
    keys.append(timeline[index].titleKeyNumber)
    for position in seed.shuffled(consume window) where chosen.count < size {
      let candidate = timeline[position]
      let overlaps = chosen.contains { $0.first <= candidate.last && $0.last >= candidate.first }
      if overlaps || keys.contains(candidate.titleKeyNumber) { continue }
      keys.append(candidate.titleKeyNumber)
      chosen.append(candidate)
    }
    guard chosen.count >= 3 else { return nil }
    var shown = seed.shuffled(chosen)
    let sorted = chosen.sorted { $0.first < $1.first }
    // Timeline entries are one object per event: compared by identity.
    if shown.elementsEqual(sorted, by: ===) { shown.append(shown.removeFirst()) }
    let correct = sorted.map { d in shown.firstIndex { $0 === d }! }
    let answer = Self.joined(sorted.map(\.shownTitle), separator: " → ")
    return Card(
      id: cardID, deck: deck.id, kind: .order,
      prompt: Self.asked(event.questions, "order") ?? "Put these events in order, earliest first.",
      answer: answer, choices: shown.map(\.shownTitle), item: event.id,
      siblingGroup: group(event.id), source: event.source?.text, tags: event.tags, era: event.era,
      expectation: .ordering(correct: correct))
  }

  /// A cloze from a quote: the name of one of the preferred entities (else any entity) blanked out.
  func cloze(item: String, quote: String, prefer: [String], tags: [String], era: String?, only: String? = nil) -> Card? {
    var candidates: [String]
    var mentionedOnce: [String]?
    if let only {
      candidates = [only]
    } else {
      let mentioned = lexicon.mentions(in: quote)
      mentionedOnce = mentioned
      candidates = prefer.filter { mentioned.contains($0) } + mentioned.filter { !prefer.contains($0) }
    }
    func mentioned() -> [String] {
      if let mentionedOnce { return mentionedOnce }
      let made = lexicon.mentions(in: quote)
      mentionedOnce = made
      return made
    }
    for entityID in candidates {
      guard let entity = entities[entityID] else { continue }
      // The name itself first, then the aliases, longest first ("General Gurgen Dalibaltyan" before "Dalibaltyan").
      for name in [entity.name] + entity.aliases.sorted(by: { $0.count > $1.count }) {
        var surface = name
        if surface.lowercased().hasPrefix("the ") { surface = String(surface.dropFirst(4)) }
        // Blank the specific thing: a name ("Armenian SSR", "GAZ-52"), not a common word such as "enclave".
        guard Self.isSpecific(surface) else { continue }
        // Other entities' longer names stay whole: "Kalbajar" is not blanked inside "Kalbajar District".
        let protected = mentioned().filter { $0 != entityID }.flatMap { id in
          (namesWithKeys[id] ?? []).lazy.map(\.name).filter {
            $0.count > surface.count
              && (UTF8Search.containsIgnoringCase(surface, in: $0) ?? ($0.range(of: surface, options: .caseInsensitive) != nil))
          }
        }
        guard let blanked = Self.blank(surface, in: quote, protecting: protected),
          !givesAway(answer: blanked.found, prompt: blanked.text)
        else { continue }
        let cardID = id(item, .cloze)
        return Card(
          id: cardID, deck: deck.id, kind: .cloze, prompt: "Fill in the blank: " + Self.quoted(blanked.text),
          answer: blanked.found, accepted: entity.allNames.filter { $0 != blanked.found }, item: item,
          siblingGroup: group(item), source: quote, tags: tags, era: era, expectation: .entity(ids: [entity.id]))
      }
    }
    return nil
  }

  /// `blank` for ASCII term, text and protected phrases (nearly every cloze), on bytes: `.some(nil)` when the term
  /// cannot be blanked, nil for any other text.
  /// The same blanks as the general walk, which searches with Foundation's `.caseInsensitive` and looks at the
  /// characters beside each match (for a match right after a blank, at the blank's "_").
  static func asciiBlank(
    _ term: String, in text: String, protecting protected: [String]
  ) -> ((text: String, found: String)?)? {
    var term = term
    var text = text
    guard protected.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { return nil }
    return term.withUTF8 { needle in
      text.withUTF8 { bytes -> ((text: String, found: String)?)? in
        guard UTF8Search.isASCII(needle), UTF8Search.isASCII(bytes) else { return nil }
        func isWordByte(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) }
        var shielded: [Range<Int>] = []
        for phrase in protected where !phrase.isEmpty {
          var phrase = phrase
          phrase.withUTF8 { p in
            var from = 0
            while let at = UTF8Search.firstCaseInsensitiveOffset(of: p, in: bytes, from: from) {
              shielded.append(at..<at + p.count)
              from = at + p.count
            }
          }
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var found: Range<Int>?
        var rest = 0
        while let at = UTF8Search.firstCaseInsensitiveOffset(of: needle, in: bytes, from: rest) {
          let end = at + needle.count
          let boundaryBefore = at > rest ? !isWordByte(bytes[at - 1]) : (out.last.map { !isWordByte($0) } ?? true)
          let boundaryAfter = end == bytes.count || !isWordByte(bytes[end])
          let isShielded = shielded.contains { $0.lowerBound <= at && end <= $0.upperBound }
          if boundaryBefore && boundaryAfter && !isShielded {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest..<at]))
            out.append(contentsOf: "_____".utf8)
            if found == nil { found = at..<end }
          } else {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest..<end]))
          }
          rest = end
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest...]))
        guard let found else { return .some(nil) }
        return (String(decoding: out, as: UTF8.self), String(decoding: UnsafeBufferPointer(rebasing: bytes[found]), as: UTF8.self))
      }
    }
  }

  /// Whether a name is specific enough to blank: it has a capital or a digit ("Shusha", "709th brigade"), unlike
  /// "enclave", "capital" or "tunnel", which the rest of a sentence gives away or which are not worth learning.
  static func isSpecific(_ name: String) -> Bool {
    name.unicodeScalars.contains { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || ($0.value > 0x7F && $0.properties.isUppercase) }
  }

  /// A quote in quotation marks, with "…" where it starts mid-sentence.
  static func quoted(_ text: String) -> String {
    var text = text
    // An ASCII first byte followed by another (or by nothing) is the whole first character: lower case is a–z.
    let startsLower = text.withUTF8 { bytes -> Bool? in
      guard let first = bytes.first, first < 0x80, bytes.count == 1 || bytes[1] < 0x80 else { return nil }
      return first >= 0x61 && first <= 0x7A
    } ?? (text.first.map { $0.isLowercase } ?? false)
    // “ and ” are three bytes each, … three more.
    let count = text.utf8.count + 6 + (startsLower ? 3 : 0)
    return text.withUTF8 { bytes in
      String(unsafeUninitializedCapacity: count) { out in
        guard let base = out.baseAddress else { return 0 }
        var at = 0
        func put(_ a: UInt8, _ b: UInt8, _ c: UInt8) {
          base[at] = a
          base[at + 1] = b
          base[at + 2] = c
          at += 3
        }
        put(0xE2, 0x80, 0x9C)
        if startsLower { put(0xE2, 0x80, 0xA6) }
        if let from = bytes.baseAddress { (base + at).initialize(from: from, count: bytes.count) }
        at += bytes.count
        put(0xE2, 0x80, 0x9D)
        return at
      }
    }
  }

  /// `quoted` by characters: the reference the byte path is held to in tests.
  static func quotedByCharacters(_ text: String) -> String {
    let lead = text.first.map { $0.isLowercase } ?? false ? "…" : ""
    return "\u{201C}" + lead + text + "\u{201D}"
  }

  /// `text` with every whole-word, case-insensitive occurrence of `term` replaced by a blank, and the form found.
  static func blank(
    _ term: String, in text: String, protecting protected: [String] = [], bytewise: Bool = true
  ) -> (text: String, found: String)? {
    guard !term.isEmpty else { return nil }
    if bytewise, let blanked = asciiBlank(term, in: text, protecting: protected) { return blanked }
    var shielded: [Range<String.Index>] = []
    for phrase in protected {
      var from = text.startIndex
      while let r = text.range(of: phrase, options: .caseInsensitive, range: from..<text.endIndex) {
        shielded.append(r)
        from = r.upperBound
      }
    }
    var result = ""
    var found: String?
    var rest = text[...]
    while let range = rest.range(of: term, options: [.caseInsensitive]) {
      let before = range.lowerBound == rest.startIndex ? nil : rest[rest.index(before: range.lowerBound)]
      let after = range.upperBound == rest.endIndex ? nil : rest[range.upperBound]
      let boundaryBefore = before.map { !($0.isLetter || $0.isNumber) } ?? (result.last.map { !($0.isLetter || $0.isNumber) } ?? true)
      let boundaryAfter = after.map { !($0.isLetter || $0.isNumber) } ?? true
      let isShielded = shielded.contains { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }
      if boundaryBefore && boundaryAfter && !isShielded {
        result += rest[..<range.lowerBound] + "_____"
        if found == nil { found = String(rest[range]) }
      } else {
        result += rest[..<range.upperBound]
      }
      rest = rest[range.upperBound...]
    }
    result += rest
    guard let found else { return nil }
    return (result, found)
  }
}
