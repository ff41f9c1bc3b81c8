import CardBuilder
import EventDeck

/// What a draft is called and where its source lies.
public struct DraftOptions: Sendable {
  /// The deck's id.
  public var id: String
  /// The deck's title; nil takes the text's own title line (or the id).
  public var title: String?
  /// The source's path relative to the deck file, as `file:` records it.
  public var sourceFile: String

  public init(id: String, title: String? = nil, sourceFile: String) {
    self.id = id
    self.title = title
    self.sourceFile = sourceFile
  }
}

/// Turns plain English prose into a deck a teacher only has to prune.
///
/// ```swift
/// let draft = Drafter.draft(text: article, options: DraftOptions(id: "kalbajar", sourceFile: "sources/kalbajar.txt"))
/// try draft.yaml().write(...)          // lints clean as it is; `# check:` marks the guesses
/// ```
///
/// Each sentence that dates something becomes an event quoting it; numbers and definitions without a date become
/// facts; names become people, places, units and organisations. Every answer a card of the draft asks for stands
/// in the sentence the card quotes (`CardAudit` checks it).
public enum Drafter {
  /// The draft of `text`.
  public static func draft(text: String, options: DraftOptions) -> Draft {
    let document = SentenceSplitter.split(text)
    let analyzed = document.sentences.map(Analyzed.init)
    var notes: [String: [String]] = [:]

    // Dates, each sentence's missing year taken from the last one stated before it.
    var context: (year: Int, sentence: Int)?
    var datesBySentence: [[DateMention]] = []
    datesBySentence.reserveCapacity(analyzed.count)
    for a in analyzed {
      let found = DateExtractor.extract(a.chars, tokens: a.tokens, sentence: a.sentence.index, context: context)
      for m in found where m.yearFrom == nil {
        if let y = m.contextYear { context = (y, a.sentence.index) }
      }
      datesBySentence.append(found)
    }
    let quantitiesBySentence = analyzed.enumerated().map { k, a in
      QuantityExtractor.extract(a.chars, tokens: a.tokens, taken: datesBySentence[k].map { ($0.start, $0.end) })
    }
    let found = EntityExtractor.extract(analyzed)
    let index = MentionIndex(found)
    var used = Set(found.map(\.id))

    // Eras from headings that have items under them.
    var eraIDs: [Int: String] = [:]
    var eras: [Era] = []
    func era(of sentence: Int) -> String? {
      guard let h = document.sentences[sentence].section else { return nil }
      if let id = eraIDs[h] { return id }
      let id = Slug.unique(Slug.make(document.headings[h].title), kind: "era", used: &used)
      eraIDs[h] = id
      eras.append(Era(id: id, title: document.headings[h].title))
      return id
    }

    var deck = Deck(
      id: options.id, title: options.title ?? document.title ?? options.id,
      description: "Drafted from \(options.sourceFile).", language: "en",
      sources: [Source(key: "text", title: document.title ?? options.title ?? options.id, file: options.sourceFile)])
    notes["deck"] = ["add the source's url and licence (and the deck's) before sharing it"]
    var yearSources: [String: Int] = [:]
    var entityNotes: [String: [String]] = [:]
    var entities = found

    // People sharing a role cannot each be "the" answer to "Who was the …?".
    var roleCount: [String: Int] = [:]
    for e in entities where e.kind == .person { if let r = e.role?.lowercased() { roleCount[r, default: 0] += 1 } }

    for a in analyzed {
      let s = a.sentence.index
      let quote = Quote(text: a.sentence.text)
      let mentions = index.mentions(in: a)
      var places: [String] = []
      var actors: [String] = []
      for m in mentions {
        let e = entities[m.entity]
        if e.kind == .place { if !places.contains(e.id) { places.append(e.id) } } else if !actors.contains(e.id) {
          actors.append(e.id)
        }
      }
      var quantities = quantitiesBySentence[s]
      var madeEvent = false
      let dates = datesBySentence[s]
      for (k, m) in dates.enumerated() {
        guard let spec = m.spec else {
          // Decades, centuries and BC years wait for the deck's new date model: a fact meanwhile.
          let id = Slug.unique(Slug.make(m.text), kind: "fact", used: &used)
          deck.facts.append(
            Fact(id: id, statement: a.sentence.plain, term: m.text, era: era(of: s), source: quote))
          notes[id, default: []].append("'\(m.text)' (\(m.value)) cannot be a deck date; drafted as a fact to blank out")
          continue
        }
        let others = dates.enumerated().filter { $0.offset != k }.map { ($0.element.start, $0.element.end) }
        let (title, borrowed) = Clause.title(a, dateStart: m.start, dateEnd: m.end, otherDates: others)
        guard title.split(separator: " ").count >= 2 else { continue }
        let id = Slug.unique(Slug.make(title, words: 5), kind: "event", used: &used)
        var event = Event(
          id: id, title: title, summary: Phrasing.capitalizedFirst(title) + ".", date: spec,
          places: places, actors: actors, era: era(of: s), source: quote)
        event.questions["date"] = datePrompt(spec, title: title)
        if !places.isEmpty { event.questions["place"] = "Where was it that \(title)" }
        if !actors.isEmpty { event.questions["actor"] = "Who was involved when \(title)" }
        var eventNotes: [String] = []
        if let from = m.yearFrom {
          yearSources[id] = from
          eventNotes.append(
            "the year \(spec.start.year) is inferred from an earlier sentence: \"\(excerpt(document.sentences[from].plain))\"")
        }
        if borrowed {
          eventNotes.append("the title comes from beside '\(m.text)': check the date belongs to it")
        }
        if !m.specIsExact {
          eventNotes.append("the text says '\(m.text)'; the deck's dates cannot say that: the date says \(spec.description)")
        }
        if dates.count > 1 {
          let others = dates.enumerated().filter { $0.offset != k }.map { "'\($0.element.text)'" }
          eventNotes.append("the sentence also names \(others.joined(separator: ", ")): is this the event's date?")
        }
        if !madeEvent {
          event.quantities = quantities.enumerated().map { q in quantity(q.element, in: a, quote: quote, ids: q.offset) }
          for q in quantities where q.qualifier == .severalHundred {
            event.disabledKinds = ["choice"]
            eventNotes.append("'\(q.text)' gives no figure: multiple choice, which would show one, is off")
          }
          quantities = []
        }
        madeEvent = true
        if !eventNotes.isEmpty { notes[id, default: []] += eventNotes }
        deck.events.append(event)
      }
      // Numbers without a date: facts whose term is the number and its unit.
      for q in quantities {
        let what = Slug.make(q.unit ?? q.noun ?? "count", words: 3)
        let id = Slug.unique("number-" + (what.isEmpty ? "count" : what), kind: nil, used: &used)
        var fact = Fact(
          id: id, statement: a.sentence.plain, term: q.term, question: quantityQuestion(q, in: a),
          answerType: NumberReader.read(q.term) != nil && q.qualifier != .severalHundred ? .number : .text,
          era: era(of: s), source: quote)
        if q.qualifier == .severalHundred { fact.question = nil }
        deck.facts.append(fact)
      }
      // A definition: "Kalbajar is a raion …" asks for the name.
      if dates.isEmpty, quantitiesBySentence[s].isEmpty, let first = mentions.first, first.start == 0 {
        let e = entities[first.entity]
        let after = String(a.chars[first.end...]).lowercased()
        if ["is a ", "is an ", "was a ", "was an ", "is the ", "was the ", "lies ", "are ", "were "].contains(where: {
          after.hasPrefix(" " + $0)
        }) {
          let name = String(a.chars[first.start..<first.end])
          let id = Slug.unique(Slug.make(name) + "-defined", kind: nil, used: &used)
          deck.facts.append(
            Fact(id: id, statement: a.sentence.plain, term: name, answerType: .name, era: era(of: s), source: quote))
          if e.role == nil && e.type == nil { entityNotes[e.id, default: []].append("defined in: \"\(excerpt(a.sentence.plain))\"") }
        }
      }
    }

    // Entities.
    for k in entities.indices {
      var e = entities[k]
      let sentence = document.sentences[e.sentence]
      var entity = Entity(
        id: e.id, kind: e.kind, name: e.name, aliases: e.aliases, role: e.role, within: e.within,
        type: e.kind == .place || e.kind == .unit || e.kind == .organisation ? e.type : nil,
        source: Quote(text: sentence.text))
      if e.kind == .organisation { entity.type = nil; entity.role = e.role ?? e.type.flatMap { $0 == "resolution" ? nil : nil } }
      if e.kind == .person, let r = e.role?.lowercased(), (roleCount[r] ?? 0) > 1 {
        entity.disabledKinds = ["name"]
        e.notes.append("'\(e.role!)' is the role of several people: \"Who was the \(e.role!)?\" is off")
      }
      if let n = entityNotes[e.id] { e.notes += n }
      if !e.notes.isEmpty { notes[e.id, default: []] += e.notes }
      entities[k] = e
      switch e.kind {
      case .person: deck.people.append(entity)
      case .place: deck.places.append(entity)
      case .unit: deck.units.append(entity)
      case .organisation: deck.organisations.append(entity)
      }
    }
    deck.eras = eras

    var dateTable: [Draft.FoundDate] = []
    var quantityTable: [Draft.FoundQuantity] = []
    for (s, ms) in datesBySentence.enumerated() { dateTable += ms.map { Draft.FoundDate(sentence: s, mention: $0) } }
    for (s, qs) in quantitiesBySentence.enumerated() {
      quantityTable += qs.map { Draft.FoundQuantity(sentence: s, mention: $0) }
    }
    return Draft(
      deck: deck, notes: notes, document: document, dates: dateTable, quantities: quantityTable, entities: entities,
      yearSources: yearSources)
  }

  /// The first words of a sentence, for notes.
  static func excerpt(_ text: String, words: Int = 10) -> String {
    let w = text.split(separator: " ")
    return w.prefix(words).joined(separator: " ") + (w.count > words ? " …" : "")
  }

  /// "On what date was it that …", by the date's precision and qualifier.
  static func datePrompt(_ spec: DateSpec, title: String) -> String {
    let lead: String
    if spec.end != nil {
      lead = "When was it that"
    } else {
      let noun: String
      switch spec.start.precision {
      case .day: noun = "date"
      case .month: noun = "month"
      case .season: noun = "season"
      case .year: noun = "year"
      case .decade: noun = "decade"
      case .century: noun = "century"
      }
      switch spec.qualifier {
      case .exact: lead = (spec.start.precision == .day ? "On" : "In") + " what \(noun) was it that"
      case .by: lead = "By what \(noun) was it that"
      case .circa: lead = "Around when was it that"
      case .before, .after: lead = "When was it that"
      }
    }
    return lead + " " + title
  }

  /// An event's quantity from a mention.
  static func quantity(_ q: QuantityMention, in a: Analyzed, quote: Quote, ids: Int) -> Quantity {
    var quantity = Quantity(
      id: Slug.make(q.unit ?? q.noun ?? "number", words: 3).isEmpty ? "number-\(ids + 1)" : Slug.make(q.unit ?? q.noun ?? "number", words: 3) + (ids > 0 ? "-\(ids + 1)" : ""),
      value: q.value, unit: q.unit, qualifier: q.qualifier, source: quote)
    if q.qualifier == .severalHundred { quantity.tolerance = 400 }
    if let noun = q.noun, let predicate = q.predicate, q.unit == nil {
      quantity.counts = noun + " " + predicate
    } else {
      quantity.question = quantityQuestion(q, in: a)
    }
    return quantity
  }

  /// "How many square kilometres: “Armenian forces captured an area of _____ square kilometres, …”".
  static func quantityQuestion(_ q: QuantityMention, in a: Analyzed) -> String {
    var end = q.end
    var unitWords = ""
    if let unit = q.unit, q.term.hasSuffix(unit) {
      end -= unit.count
      unitWords = unit
    }
    var blank = "_____"
    if q.term.contains(ascii: "-"), let suffix = q.term.split(separator: "-").last {
      // "one _____-man unit".
      blank = "_____-" + suffix
      end = q.end
      unitWords = q.unit ?? ""
    }
    while end > q.start, a.chars[end - 1] == " " { end -= 1 }
    let blanked = Clause.blanked(a, start: q.start, end: end, replacement: blank)
    let what = q.unit == "%" ? "What percentage" : "How many" + (unitWords.isEmpty ? (q.noun.map { " " + $0 } ?? "") : " " + unitWords)
    return what + ": \u{201C}" + blanked + "\u{201D}"
  }
}
