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

  /// An event with the first and last day it can have happened on. A class, so that the many looks at the
  /// timeline per card copy a reference, not the event.
  final class Dated: Sendable {
    let event: Event
    let first: Int
    let last: Int
    /// `AnswerText.key` of the event's title.
    let titleKey: String

    init(event: Event, first: Int, last: Int, titleKey: String) {
      self.event = event
      self.first = first
      self.last = last
      self.titleKey = titleKey
    }
  }

  /// A possible distractor: the entity, its name's comparison key and every key of its names (a class for the
  /// same reason as `Dated`).
  final class Candidate: Sendable {
    let entity: Entity
    let nameKey: String
    let keys: [String]

    init(entity: Entity, nameKey: String, keys: [String]) {
      self.entity = entity
      self.nameKey = nameKey
      self.keys = keys
    }
  }

  /// Prepares the deck's indexes (entities, eras, timeline, distractor pools).
  public init(deck: Deck) {
    self.deck = deck
    // The question builder reads every text of the deck: on another thread, beside the lexicon and the indexes.
    let questions = Background { QuestionBuilder(deck: deck) }
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
    var eras: [String: Era] = [:]
    for era in deck.eras { eras[era.id] = era }
    self.eras = eras
    var timeline: [Dated] = []
    for event in deck.events {
      guard let date = event.date, let bounds = Self.certainBounds(date) else { continue }
      timeline.append(Dated(event: event, first: bounds.0, last: bounds.1, titleKey: AnswerText.key(event.title)))
    }
    timeline.sort { ($0.first, $0.last, $0.event.id) < ($1.first, $1.last, $1.event.id) }
    self.timeline = timeline
    var timelineIndex: [String: Int] = [:]
    for (i, d) in timeline.enumerated() { timelineIndex[d.event.id] = i }
    self.timelineIndex = timelineIndex
    let outcomes = deck.events.compactMap { e in e.outcome.map { (e.id, $0) } }.sorted { $0.0 < $1.0 }
    self.outcomes = outcomes
    self.outcomeKeys = outcomes.map { AnswerText.key($0.1) }
    var pools: [EntityKind: [Candidate]] = [:]
    let deckOff = Set(deck.disabledKinds)
    self.deckOff = deckOff
    let lexicon = self.lexicon
    for e in deck.entities where !e.disabledKinds.contains("choice") && !deckOff.contains("choice") {
      pools[e.kind, default: []].append(
        Candidate(entity: e, nameKey: AnswerText.key(e.name), keys: lexicon.entry(e.id)?.keys ?? []))
    }
    for k in pools.keys { pools[k]!.sort { $0.entity.id < $1.entity.id } }
    self.pools = pools
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
    self.questions = questions.value()
    var entityEras: [String: Set<String>] = [:]
    for event in deck.events {
      guard let era = event.era else { continue }
      for id in event.places + event.actors { entityEras[id, default: []].insert(era) }
    }
    self.entityEras = entityEras
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

  func id(_ item: String, _ kind: CardKind, _ sub: String? = nil) -> String {
    var s = deck.id + "/" + item + "/" + kind.rawValue
    if let sub { s += "/" + sub }
    return s
  }

  func group(_ item: String) -> String { deck.id + "/" + item }

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
  func isNamed(_ entity: Entity, inHay hay: String) -> Bool {
    (entityKeys[entity.id] ?? []).contains { UTF8Search.containsWord($0, inHay: hay) }
  }

  /// A text's words in comparison form between spaces, for whole-word name searches.
  static func hay(_ text: String) -> String { " " + AnswerText.rawTokens(text).joined(separator: " ") + " " }

  /// Names (name first, then aliases) of entities, deduplicated.
  func names(of ids: [String]) -> [String] {
    var seen = Set<String>()
    var out: [String] = []
    for id in ids {
      guard let names = namesWithKeys[id] else { continue }
      for (name, key) in names where seen.insert(key).inserted { out.append(name) }
    }
    return out
  }

  /// Options in a seeded order, with the index of the right one.
  func arrange(right: String, wrong: [String], seed: inout SplitMix64) -> ([String], Int) {
    let all = seed.shuffled([right] + wrong)
    return (all, all.firstIndex(of: right) ?? 0)
  }

  /// Up to `count` distractor entities of the same kind as `like`, excluding `excluded` ids and related places.
  /// Entities named in `avoiding` (the question's title or source sentence) are left out too: they may well be right.
  func distractors(
    like kind: EntityKind, excluding excluded: Set<String>, count: Int, avoiding text: String = "",
    seed: inout SplitMix64
  ) -> [Candidate] {
    distractors(like: kind, excluding: excluded, count: count, avoidingHay: text.isEmpty ? "" : Self.hay(text), seed: &seed)
  }

  /// `distractors` with the text to avoid already made a hay (`hay(_:)`, or "" for none).
  func distractors(
    like kind: EntityKind, excluding excluded: Set<String>, count: Int, avoidingHay hay: String,
    seed: inout SplitMix64
  ) -> [Candidate] {
    func named(_ c: Candidate) -> Bool {
      guard !hay.isEmpty else { return false }
      return c.keys.contains { UTF8Search.containsWord($0, inHay: hay) }
    }
    guard let pool = pools[kind] else { return [] }
    var related = excluded
    if kind == .place {
      for id in excluded {
        related.formUnion(ancestors[id] ?? [])
        related.formUnion(descendants[id] ?? [])
      }
    }
    var seenKeys = Set<String>()
    for id in excluded { seenKeys.formUnion(entityKeys[id] ?? []) }
    var out: [Candidate] = []
    // Draw without scanning the whole pool: a few seeded tries, then a seeded walk.
    var tries = 0
    while out.count < count, tries < count * 8, !pool.isEmpty {
      tries += 1
      let c = pool[seed.below(pool.count)]
      if related.contains(c.entity.id) { continue }
      if seenKeys.contains(c.nameKey) { continue }
      if named(c) {
        seenKeys.insert(c.nameKey)
        continue
      }
      seenKeys.insert(c.nameKey)
      out.append(c)
    }
    if out.count < count {
      let start = pool.isEmpty ? 0 : seed.below(pool.count)
      for k in 0..<pool.count where out.count < count {
        let c = pool[(start + k) % pool.count]
        if related.contains(c.entity.id) || seenKeys.contains(c.nameKey) || named(c) { continue }
        seenKeys.insert(c.nameKey)
        out.append(c)
      }
    }
    return out
  }
}
