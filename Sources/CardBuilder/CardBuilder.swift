import EventDeck
import StableRandom
import TextKit

/// Builds every card a deck's data supports, in a fixed order, with distractors seeded from each card's id.
///
/// ```swift
/// let builder = CardBuilder(deck: deck)
/// let cards = builder.cards()                  // same deck in, same cards out
/// let checker = AnswerChecker(lexicon: builder.lexicon)
/// ```
public struct CardBuilder: Sendable {
  /// The deck cards are built from.
  public let deck: Deck
  /// Every entity name of the deck, for the answer checker.
  public let lexicon: Lexicon

  let entities: [String: Entity]
  let eras: [String: Era]
  /// Events whose date bounds are known on both sides, by first possible day, for "which happened" and orderings.
  let timeline: [Dated]
  /// Event id → its position in `timeline`.
  let timelineIndex: [String: Int]
  /// Outcomes of all events as (event id, outcome), sorted by id so file order does not matter.
  let outcomes: [(String, String)]
  /// Entities that may serve as distractors, by kind, sorted by id (with their name's comparison key).
  let pools: [EntityKind: [Candidate]]
  /// `AnswerText.key` of each outcome in `outcomes`, in the same order.
  let outcomeKeys: [String]
  /// The deck's switched-off kinds.
  let deckOff: Set<String>
  /// Place id → the places it lies within, transitively.
  let ancestors: [String: Set<String>]
  /// Place id → the places that lie within it, transitively.
  let descendants: [String: Set<String>]
  /// Turns events' summaries into questions (knows which of the deck's words are names).
  let questions: QuestionBuilder
  /// Entity id → the eras of the events that name it, for distractors of the same era.
  let entityEras: [String: Set<String>]

  /// Entity id → each of its names (name first, then aliases) with its `AnswerText.key`.
  let namesWithKeys: [String: [(name: String, key: String)]]
  /// Entity id → the lexicon's keys of its names (read without copying the whole lexicon entry).
  let entityKeys: [String: [String]]
  /// Entity name → `Giveaway.distinctiveWords` of it, for the options a question rules out.
  let distinctiveNameWords: [String: [String]]
  /// Every comparison key of the deck (the lexicon's, names', titles') → a number, so that the sets drawn per card
  /// hold numbers, not strings to hash.
  let keyNumbers: [String: Int]
  /// Entity id → the numbers of its lexicon keys.
  let entityKeyNumbers: [String: [Int]]
  /// Entity id → its number: its place among the deck's distinct entities.
  let entityNumbers: [String: Int]
  /// By entity number: the numbers of the places it lies within and of those within it (empty for non-places).
  let relatedPlaceNumbers: [[Int]]
  /// Entity id → what an event's cards read of the entity, found with one look per id rather than one per table.
  let entityFacts: [String: EntityFacts]

  /// An entity with its number, its lexicon keys (and their numbers) and its names with their keys (a class, so
  /// that the few an event names are passed around as references).
  final class EntityFacts: Sendable {
    let entity: Entity
    let number: Int
    let keys: [String]
    let keyNumbers: [Int]
    let namesWithKeys: [(name: String, key: String)]

    init(entity: Entity, number: Int, keys: [String], keyNumbers: [Int], namesWithKeys: [(name: String, key: String)]) {
      self.entity = entity
      self.number = number
      self.keys = keys
      self.keyNumbers = keyNumbers
      self.namesWithKeys = namesWithKeys
    }
  }

  /// An event with the first and last day it can have happened on. A class, so that the many looks at the
  /// timeline per card copy a reference, not the event.
  final class Dated: Sendable {
    /// The event's id and title (kept rather than the event, whose copy on each look costs its every field).
    let id: String
    let title: String
    let first: Int
    let last: Int
    /// The title as an option shows it (`Phrasing.capitalizedFirst`), made once for the many cards that offer it.
    let shownTitle: String
    /// `AnswerText.key` of the event's title.
    let titleKey: String
    /// That key's number in `keyNumbers`.
    let titleKeyNumber: Int

    init(event: Event, first: Int, last: Int, shownTitle: String, titleKey: String, titleKeyNumber: Int) {
      self.id = event.id
      self.title = event.title
      self.shownTitle = shownTitle
      self.first = first
      self.last = last
      self.titleKey = titleKey
      self.titleKeyNumber = titleKeyNumber
    }
  }

  /// A possible distractor: the entity, its name's comparison key and every key of its names (a class for the
  /// same reason as `Dated`).
  final class Candidate: Sendable {
    let entity: Entity
    /// The entity's id and name, read without copying the entity.
    let id: String
    let name: String
    let nameKey: String
    let keys: [String]
    /// The entity's number (`entityNumbers`) and its name key's (`keyNumbers`).
    let number: Int
    let nameKeyNumber: Int
    /// `Giveaway.distinctiveWords` of its name, and the eras of the events that name it.
    let distinctiveWords: [String]
    let eras: Set<String>
    /// `WordMask.bit(ofFirstWordOf:)` of each of `keys` and of `distinctiveWords`, in the same order: a search whose
    /// bit is clear in a hay's mask is skipped.
    let keyBits: [UInt8?]
    let distinctiveBits: [UInt8?]

    init(
      entity: Entity, nameKey: String, keys: [String], number: Int, nameKeyNumber: Int, distinctiveWords: [String],
      eras: Set<String>
    ) {
      self.entity = entity
      self.id = entity.id
      self.name = entity.name
      self.nameKey = nameKey
      self.keys = keys
      self.number = number
      self.nameKeyNumber = nameKeyNumber
      self.distinctiveWords = distinctiveWords
      self.eras = eras
      self.keyBits = keys.map(WordMask.bit(ofFirstWordOf:))
      self.distinctiveBits = distinctiveWords.map(WordMask.bit(ofFirstWordOf:))
    }
  }

  /// What the indexes take from the events alone, made on another thread while the lexicon is built.
  struct EventSide: Sendable {
    /// Each event with certain bounds, in file order: its index in `deck.events`, bounds, title key and the title
    /// as options show it.
    var dated: [(event: Int, first: Int, last: Int, titleKey: String, shownTitle: String)] = []
    var outcomes: [(String, String)]
    var outcomeKeys: [String]
    var entityEras: [String: Set<String>] = [:]

    init(deck: Deck) {
      for (index, event) in deck.events.enumerated() {
        guard let date = event.date, let bounds = CardBuilder.certainBounds(date) else { continue }
        dated.append(
          (index, bounds.0, bounds.1, AnswerText.key(event.title), Phrasing.capitalizedFirst(event.title)))
      }
      outcomes = deck.events.compactMap { e in e.outcome.map { (e.id, $0) } }.sorted { $0.0 < $1.0 }
      outcomeKeys = outcomes.map { AnswerText.key($0.1) }
      for event in deck.events {
        guard let era = event.era else { continue }
        for id in event.places + event.actors { entityEras[id, default: []].insert(era) }
      }
    }
  }

  /// Prepares the deck's indexes (entities, eras, timeline, distractor pools).
  public init(deck: Deck) {
    self.deck = deck
    // The question builder reads every text of the deck: on another thread, beside the lexicon and the indexes.
    let questions = Background { QuestionBuilder(deck: deck) }
    // The events' side (title keys, outcomes, entities' eras) needs only the deck: on a third thread, beside the
    // lexicon and the names' tables, which the main thread makes meanwhile.
    let eventSide = Background { EventSide(deck: deck) }
    self.lexicon = Lexicon(deck: deck)
    var entities: [String: Entity] = [:]
    for e in deck.entities where entities[e.id] == nil { entities[e.id] = e }
    self.entities = entities
    var namesWithKeys: [String: [(name: String, key: String)]] = [:]
    var distinctiveNameWords: [String: [String]] = [:]
    for (id, e) in entities { namesWithKeys[id] = e.allNames.map { ($0, AnswerText.key($0)) } }
    for e in deck.entities where distinctiveNameWords[e.name] == nil {
      distinctiveNameWords[e.name] = Giveaway.distinctiveWords(of: e.name)
    }
    self.namesWithKeys = namesWithKeys
    self.entityKeys = lexicon.entries.mapValues(\.keys)
    self.distinctiveNameWords = distinctiveNameWords
    var keyNumbers: [String: Int] = [:]
    func number(_ key: String) -> Int {
      if let known = keyNumbers[key] { return known }
      keyNumbers[key] = keyNumbers.count
      return keyNumbers.count - 1
    }
    self.entityKeyNumbers = entityKeys.mapValues { $0.map(number) }
    var entityNumbers: [String: Int] = [:]
    for e in deck.entities where entityNumbers[e.id] == nil { entityNumbers[e.id] = entityNumbers.count }
    self.entityNumbers = entityNumbers
    var eras: [String: Era] = [:]
    for era in deck.eras { eras[era.id] = era }
    self.eras = eras
    let side = eventSide.value()
    var timeline: [Dated] = []
    timeline.reserveCapacity(side.dated.count)
    // Numbered in file order, after the entities' keys, as they always were.
    for d in side.dated {
      timeline.append(
        Dated(
          event: deck.events[d.event], first: d.first, last: d.last, shownTitle: d.shownTitle, titleKey: d.titleKey,
          titleKeyNumber: number(d.titleKey)))
    }
    timeline.sort { ($0.first, $0.last, $0.id) < ($1.first, $1.last, $1.id) }
    self.timeline = timeline
    var timelineIndex: [String: Int] = [:]
    for (i, d) in timeline.enumerated() { timelineIndex[d.id] = i }
    self.timelineIndex = timelineIndex
    self.outcomes = side.outcomes
    self.outcomeKeys = side.outcomeKeys
    let entityEras = side.entityEras
    self.entityEras = entityEras
    var pools: [EntityKind: [Candidate]] = [:]
    let deckOff = Set(deck.disabledKinds)
    self.deckOff = deckOff
    let lexicon = self.lexicon
    for e in deck.entities where !e.disabledKinds.contains("choice") && !deckOff.contains("choice") {
      let nameKey = AnswerText.key(e.name)
      pools[e.kind, default: []].append(
        Candidate(
          entity: e, nameKey: nameKey, keys: lexicon.entry(e.id)?.keys ?? [], number: entityNumbers[e.id] ?? -1,
          nameKeyNumber: number(nameKey), distinctiveWords: distinctiveNameWords[e.name] ?? [],
          eras: entityEras[e.id] ?? []))
    }
    for k in pools.keys { pools[k]!.sort { $0.id < $1.id } }
    self.pools = pools
    self.keyNumbers = keyNumbers
    var ancestors: [String: Set<String>] = [:]
    for place in deck.places {
      var seen = Set<String>()
      var next = place.within
      while let id = next, !seen.contains(id), seen.count < 64 {
        seen.insert(id)
        next = entities[id]?.within
      }
      ancestors[place.id] = seen
    }
    self.ancestors = ancestors
    var descendants: [String: Set<String>] = [:]
    for (place, ups) in ancestors {
      for up in ups { descendants[up, default: []].insert(place) }
    }
    self.descendants = descendants
    var relatedPlaceNumbers = [[Int]](repeating: [], count: entityNumbers.count)
    for (id, n) in entityNumbers {
      relatedPlaceNumbers[n] = ((ancestors[id] ?? []).union(descendants[id] ?? [])).compactMap { entityNumbers[$0] }
    }
    self.relatedPlaceNumbers = relatedPlaceNumbers
    var entityFacts: [String: EntityFacts] = [:]
    for (id, entity) in entities {
      guard let number = entityNumbers[id] else { continue }
      entityFacts[id] = EntityFacts(
        entity: entity, number: number, keys: entityKeys[id] ?? [], keyNumbers: entityKeyNumbers[id] ?? [],
        namesWithKeys: namesWithKeys[id] ?? [])
    }
    self.entityFacts = entityFacts
    self.questions = questions.value()
  }

  /// Every card of the deck, item by item in file order: events, entities, facts, hand-written cards.
  ///
  /// Each card depends only on the deck and its own id (its seed), so a large deck's events and entities are
  /// built in parallel runs, one per core, and joined in file order: the same cards as one run makes.
  public func cards() -> [Card] {
    var out: [Card] = []
    out.reserveCapacity(deck.events.count * 8 + deck.entities.count * 3 + deck.facts.count * 2 + deck.cards.count)
    Self.inRuns(deck.events, into: &out) { cards(for: $0, into: &$1) }
    Self.inRuns(deck.entities, into: &out) { cards(for: $0, into: &$1) }
    for fact in deck.facts { out += cards(for: fact) }
    for hand in deck.cards { out += cards(for: hand) }
    return out
  }

  /// Items at least this many per run: fewer are built on the calling thread.
  static let itemsPerRun = 200

  /// `make` of every item, in order, appended to `out`, computed in up to one run per core.
  static func inRuns<Item: Sendable>(
    _ items: [Item], into out: inout [Card], _ make: @Sendable (Item, inout [Card]) -> Void
  ) {
    var parts = ParallelRuns.split(items.count, minimumPerRun: itemsPerRun) { range in
      var built: [Card] = []
      built.reserveCapacity(range.count * 10)
      for item in items[range] { make(item, &built) }
      return built
    }
    if out.isEmpty, !parts.isEmpty { out = parts.removeFirst() }
    for part in parts { out += part }
  }

  /// The cards of one kind.
  public func cards(kind: CardKind) -> [Card] { cards().filter { $0.kind == kind } }

  // MARK: - Shared pieces

  /// Whether `kind` is on for an item (and, for variants, its base kind too).
  func isOn(_ kind: CardKind, base: CardKind? = nil, item: [String]) -> Bool {
    func off(_ k: CardKind) -> Bool { deckOff.contains(k.rawValue) || item.contains(k.rawValue) }
    if off(kind) { return false }
    if let base, off(base) { return false }
    return true
  }

  /// The deck's own wording of an item's question of this kind: most items have none, and looking into an empty
  /// dictionary still hashes the key.
  static func asked(_ questions: [String: String], _ kind: String) -> String? {
    questions.isEmpty ? nil : questions[kind]
  }

  /// `deck/item/kind[/sub]`, its bytes copied once into a string of the right size.
  func id(_ item: String, _ kind: CardKind, _ sub: String? = nil) -> String {
    Self.joinedBySlash(deck.id, item, kind.rawValue, sub)
  }

  func group(_ item: String) -> String { Self.joinedBySlash(deck.id, item, nil, nil) }

  /// `a/b[/c][/d]`, made without growing a string piece by piece (which cost a tenth of building the cards).
  static func joinedBySlash(_ a: String, _ b: String, _ c: String?, _ d: String?) -> String {
    joined(a, b, c, d, by: 0x2F)
  }

  /// `a b[ c][ d]`: a template's words and a title, made as one string (interpolating them cost four appends).
  static func spaced(_ a: String, _ b: String, _ c: String? = nil, _ d: String? = nil) -> String {
    joined(a, b, c, d, by: 0x20)
  }

  /// `parts.joined(separator:)`, each part's bytes copied once into a string of the right size.
  static func joined(_ parts: [String], separator: String) -> String {
    guard parts.count > 1 else { return parts.first ?? "" }
    var separator = separator
    return separator.withUTF8 { between in
      var count = between.count * (parts.count - 1)
      for part in parts { count += part.utf8.count }
      return String(unsafeUninitializedCapacity: count) { out in
        guard let base = out.baseAddress else { return 0 }
        var at = 0
        for (k, part) in parts.enumerated() {
          if k > 0, let from = between.baseAddress {
            (base + at).initialize(from: from, count: between.count)
            at += between.count
          }
          var part = part
          part.withUTF8 { bytes in
            if let from = bytes.baseAddress { (base + at).initialize(from: from, count: bytes.count) }
            at += bytes.count
          }
        }
        return at
      }
    }
  }

  /// The parts with the ASCII `separator` between them, their bytes copied once into a string of the right size.
  static func joined(_ a: String, _ b: String, _ c: String?, _ d: String?, by separator: UInt8) -> String {
    let count = a.utf8.count + b.utf8.count + 1 + (c.map { $0.utf8.count + 1 } ?? 0) + (d.map { $0.utf8.count + 1 } ?? 0)
    return String(unsafeUninitializedCapacity: count) { out in
      guard let base = out.baseAddress else { return 0 }
      var at = 0
      func put(_ s: String, slash: Bool) {
        if slash {
          base[at] = separator
          at += 1
        }
        let n = s.utf8.count
        let copied = s.utf8.withContiguousStorageIfAvailable { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
          if let from = bytes.baseAddress { (base + at).initialize(from: from, count: n) }
          return true
        }
        if copied == nil {
          for (k, byte) in s.utf8.enumerated() { base[at + k] = byte }
        }
        at += n
      }
      put(a, slash: false)
      put(b, slash: true)
      if let c { put(c, slash: true) }
      if let d { put(d, slash: true) }
      return at
    }
  }

  /// The first and last day a date can mean, when both are certain (exact dates and spans only).
  static func certainBounds(_ date: DateSpec) -> (Int, Int)? {
    guard date.qualifier == .exact else { return nil }
    let last = (date.end ?? date.start).lastDay.dayNumber
    return (date.start.firstDay.dayNumber, last)
  }

  /// The first and last day a date might mean, widely: used to keep a maybe-true option out of multiple choice.
  static func possibleBounds(_ date: DateSpec) -> (Int, Int) {
    let first = date.start.firstDay.dayNumber
    let last = (date.end ?? date.start).lastDay.dayNumber
    switch date.qualifier {
    case .exact: return (first, last)
    case .by, .before: return (Int.min / 2, last)
    case .after: return (first, Int.max / 2)
    case .circa:
      let widen: Int
      switch date.start.precision {
      case .day: widen = 7
      case .month: widen = 62
      case .season: widen = 184
      case .year: widen = 731
      case .decade: widen = 7305
      case .century: widen = 73_050
      }
      return (first - widen, last + widen)
    }
  }

  /// The stretch of days an answer may name for a date, using the event's era where the source gives one side only.
  func dateExpectation(_ date: DateSpec, era: String?) -> DateExpectation {
    let era = era.flatMap { eras[$0] }
    let first = date.start.firstDay
    let last = (date.end ?? date.start).lastDay
    switch date.qualifier {
    case .exact:
      return DateExpectation(spec: date, earliest: first, latest: last, precision: date.start.precision)
    case .by, .before:
      var earliest = min(first, HistoricalDate(year: date.start.year, month: 1, day: 1))
      if let from = era?.from?.firstDay, from <= first { earliest = from }
      let latest = date.qualifier == .by ? last : HistoricalDate(dayNumber: first.dayNumber - 1)
      return DateExpectation(
        spec: date, earliest: min(earliest, latest), latest: latest, precision: date.start.precision)
    case .after:
      var latest = HistoricalDate(year: date.start.year + 1, month: 12, day: 31)
      if let to = era?.to?.lastDay, to >= last { latest = to }
      let earliest = HistoricalDate(dayNumber: last.dayNumber + 1)
      return DateExpectation(spec: date, earliest: earliest, latest: max(earliest, latest), precision: .year)
    case .circa:
      return DateExpectation(
        spec: date, earliest: date.start.shifted(by: -1).firstDay, latest: (date.end ?? date.start).shifted(by: 1).lastDay,
        precision: date.start.precision)
    }
  }

  /// Whether any of an entity's names is written in `text` (so asking for it would give the answer away).
  func isNamed(_ entity: Entity, in text: String) -> Bool { isNamed(entity, inHay: Self.hay(text)) }

  /// `isNamed` against a text already made a hay (`hay(_:)`).
  func isNamed(_ entity: Entity, inHay hay: String) -> Bool { isNamed(id: entity.id, inHay: hay) }

  /// `isNamed` by the entity's id.
  func isNamed(id: String, inHay hay: String) -> Bool {
    (entityKeys[id] ?? []).contains { UTF8Search.containsWord($0, inHay: hay) }
  }

  /// `isNamed` for an entity's facts.
  func isNamed(_ facts: EntityFacts, inHay hay: String) -> Bool {
    facts.keys.contains { UTF8Search.containsWord($0, inHay: hay) }
  }

  /// The entities of `ids` (their facts, nil for an id that is no entity of the deck) that the hay does not name,
  /// in order; none when the first is unknown or named (the title then names the main place or actor).
  func unnamed(_ facts: [EntityFacts?], inHay hay: String) -> [EntityFacts] {
    var out: [EntityFacts] = []
    for (k, one) in facts.enumerated() {
      guard let one, !isNamed(one, inHay: hay) else {
        if k == 0 { return [] }
        continue
      }
      out.append(one)
    }
    return out
  }

  /// A text's words in comparison form between spaces, for whole-word name searches.
  static func hay(_ text: String) -> String {
    if let (words, count) = asciiWords(of: text, after: " ") { return count == 0 ? "  " : words }
    return " " + AnswerText.rawTokens(text).joined(separator: " ") + " "
  }

  /// `prefix` followed by each of `text`'s `AnswerText.rawTokens` and a space, made as one string, with the number
  /// of words; nil when the text is not ASCII or long enough to be clipped (`AnswerText.eachASCIIToken`).
  static func asciiWords(of text: String, after prefix: String) -> (String, Int)? {
    var prefix = prefix
    // Each word is at most its bytes in the text, and a space follows each (the text's last word has none).
    let capacity = prefix.utf8.count + text.utf8.count + 2
    var count = 0
    var read = false
    let made = String(unsafeUninitializedCapacity: capacity) { out in
      guard let base = out.baseAddress else { return 0 }
      var at = 0
      prefix.withUTF8 { bytes in
        if let from = bytes.baseAddress { base.initialize(from: from, count: bytes.count) }
        at = bytes.count
      }
      read = AnswerText.eachASCIIToken(text) { word in
        if let from = word.baseAddress { (base + at).initialize(from: from, count: word.count) }
        at += word.count
        base[at] = 0x20
        at += 1
        count += 1
      }
      return read ? at : 0
    }
    return read ? (made, count) : nil
  }

  /// Names (name first, then aliases) of entities, deduplicated.
  func names(of ids: [String]) -> [String] { names(ofEach: ids.map { namesWithKeys[$0] }) }

  /// `names(of:)` for entities' facts.
  func names(of facts: [EntityFacts]) -> [String] { names(ofEach: facts.map(\.namesWithKeys)) }

  /// The names of each entity's list (nil for an id that is none), deduplicated by key.
  func names(ofEach lists: [[(name: String, key: String)]?]) -> [String] {
    var out: [String] = []
    // A card's few names (one to a handful per entity) are checked against the keys seen in order: quicker than
    // hashing each into a set. Past a few dozen, a set.
    var seenInOrder: [String] = []
    var seen: Set<String>?
    for names in lists {
      guard let names else { continue }
      for (name, key) in names {
        if seen == nil, seenInOrder.count == 32 { seen = Set(seenInOrder) }
        if seen != nil {
          guard seen!.insert(key).inserted else { continue }
        } else {
          guard !seenInOrder.contains(key) else { continue }
          seenInOrder.append(key)
        }
        out.append(name)
      }
    }
    return out
  }

  /// Options in a seeded order, with the index of the right one.
  func arrange(right: String, wrong: [String], seed: inout SplitMix64) -> ([String], Int) {
    var options: [String] = []
    options.reserveCapacity(wrong.count + 1)
    options.append(right)
    options += wrong
    let all = seed.shuffled(consume options)
    return (all, all.firstIndex(of: right) ?? 0)
  }

  /// Up to `count` distractor entities of the same kind as `like`, excluding `excluded` ids and related places.
  /// Entities named in `avoiding` (the question's title or source sentence) are left out too: they may well be right.
  func distractors(
    like kind: EntityKind, excluding excluded: [String], count: Int, avoiding text: String = "",
    seed: inout SplitMix64
  ) -> [Candidate] {
    distractors(like: kind, excluding: excluded, count: count, avoidingHay: text.isEmpty ? "" : Self.hay(text), seed: &seed)
  }

  /// `distractors` with the excluded entities' facts found (nil for an id that is none) and the text to avoid
  /// already made a hay and, when known, the hay's word mask.
  func distractors(
    like kind: EntityKind, excluding excluded: [EntityFacts?], count: Int, avoiding: (hay: String, mask: WordMask?),
    seed: inout SplitMix64
  ) -> [Candidate] {
    distractors(
      like: kind, excludingFacts: excluded.compactMap { $0 }, count: count, avoidingHay: avoiding.hay,
      mask: avoiding.mask, seed: &seed)
  }

  /// `distractors` with the text to avoid already made a hay (`hay(_:)`, or "" for none), and its `WordMask` if
  /// known (else made at the first search).
  ///
  /// Entities and keys are compared by number: the few excluded and seen ones searched in order, related places
  /// (which may be many) marked in bits.
  func distractors(
    like kind: EntityKind, excluding excluded: [String], count: Int, avoidingHay hay: String, mask known: WordMask? = nil,
    seed: inout SplitMix64
  ) -> [Candidate] {
    distractors(
      like: kind, excludingFacts: excluded.compactMap { entityFacts[$0] }, count: count, avoidingHay: hay, mask: known,
      seed: &seed)
  }

  /// `distractors` with the excluded entities' facts already found (ids that are no entity of the deck left out).
  func distractors(
    like kind: EntityKind, excludingFacts excluded: [EntityFacts], count: Int, avoidingHay hay: String,
    mask known: WordMask? = nil, seed: inout SplitMix64
  ) -> [Candidate] {
    // The hay's words summed up once: most keys are then ruled out by one bit. (A constant, so that reading it in
    // `named` needs no exclusivity check.)
    let words = hay.isEmpty ? WordMask() : known ?? WordMask(hay: hay)
    func named(_ c: Candidate) -> Bool {
      guard !hay.isEmpty else { return false }
      for (k, key) in c.keys.enumerated() where words.mayContain(c.keyBits[k]) {
        if UTF8Search.containsWord(key, inHay: hay) { return true }
      }
      return false
    }
    guard let pool = pools[kind] else { return [] }
    let excludedNumbers = excluded.map(\.number)
    var relatedBits: [UInt64] = []
    if kind == .place {
      relatedBits = [UInt64](repeating: 0, count: (entityNumbers.count + 63) / 64)
      for n in excludedNumbers {
        relatedBits[n >> 6] |= 1 << UInt64(n & 63)
        for r in relatedPlaceNumbers[n] { relatedBits[r >> 6] |= 1 << UInt64(r & 63) }
      }
    }
    func related(_ c: Candidate) -> Bool {
      if relatedBits.isEmpty { return excludedNumbers.contains(c.number) }
      return c.number >= 0 && relatedBits[c.number >> 6] & (1 << UInt64(c.number & 63)) != 0
    }
    // Sized for the usual draw, so that the few appends per card do not grow them step by step.
    var seenKeys: [Int] = []
    seenKeys.reserveCapacity(4 * excluded.count + 2 * count + 8)
    for facts in excluded { seenKeys += facts.keyNumbers }
    var out: [Candidate] = []
    out.reserveCapacity(count)
    // Draw without scanning the whole pool: a few seeded tries, then a seeded walk.
    var tries = 0
    while out.count < count, tries < count * 8, !pool.isEmpty {
      tries += 1
      let c = pool[seed.below(pool.count)]
      if related(c) { continue }
      if seenKeys.contains(c.nameKeyNumber) { continue }
      seenKeys.append(c.nameKeyNumber)
      if named(c) { continue }
      out.append(c)
    }
    if out.count < count {
      let start = pool.isEmpty ? 0 : seed.below(pool.count)
      for k in 0..<pool.count where out.count < count {
        let c = pool[(start + k) % pool.count]
        if related(c) || seenKeys.contains(c.nameKeyNumber) || named(c) { continue }
        seenKeys.append(c.nameKeyNumber)
        out.append(c)
      }
    }
    return out
  }
}
