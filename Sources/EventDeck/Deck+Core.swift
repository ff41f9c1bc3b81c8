import Foundation

extension Deck {
  /// How many of the most-referenced people, and of places, the default core holds.
  public static let coreEntitiesPerKind = 3

  /// The event the deck is named after: the one whose title is the deck's title (ignoring case and a leading
  /// "the"), else the one whose id is the title's slug ("Battle of Kalbajar" → `battle-of-kalbajar`).
  public var titleEvent: Event? {
    func plain(_ text: String) -> String {
      var words = text.lowercased().split(whereSeparator: \.isWhitespace)
      if words.first == "the" { words.removeFirst() }
      return words.joined(separator: " ")
    }
    let title = plain(self.title)
    guard !title.isEmpty else { return nil }
    if let named = events.first(where: { plain($0.title) == title }) { return named }
    let slug = title.split { !$0.isLetter && !$0.isNumber }.joined(separator: "-")
    return events.first { $0.id == slug }
  }

  /// The ids of the deck's core items: what a first session teaches before the background.
  ///
  /// When some item is marked `core: true`, the core is exactly the marked items. Otherwise it is the default: the
  /// title event's era (its events, facts and hand cards), the title event itself, and the `coreEntitiesPerKind`
  /// people and places that the deck's events name most often (at least twice); an item marked `core: false`
  /// leaves it.
  public var coreItems: Set<String> {
    let marks: [(id: String, core: Bool?)] =
      entities.map { ($0.id, $0.core) } + events.map { ($0.id, $0.core) } + facts.map { ($0.id, $0.core) }
      + cards.map { ($0.id, $0.core) }
    if marks.contains(where: { $0.core == true }) {
      return Set(marks.filter { $0.core == true }.map(\.id))
    }
    var core = Set<String>()
    let title = titleEvent
    if let title { core.insert(title.id) }
    if let era = title?.era {
      core.formUnion(events.filter { $0.era == era }.map(\.id))
      core.formUnion(facts.filter { $0.era == era }.map(\.id))
      core.formUnion(cards.filter { $0.era == era }.map(\.id))
    }
    var references: [String: Int] = [:]
    for event in events {
      for id in Set(event.actors + event.places) { references[id, default: 0] += 1 }
    }
    for group in [people, places] {
      let named = group.enumerated().filter { (references[$0.element.id] ?? 0) >= 2 }
      let top = named.sorted {
        let (a, b) = (references[$0.element.id] ?? 0, references[$1.element.id] ?? 0)
        return a != b ? a > b : $0.offset < $1.offset
      }.prefix(Self.coreEntitiesPerKind)
      core.formUnion(top.map(\.element.id))
    }
    return core.subtracting(marks.filter { $0.core == false }.map(\.id))
  }

  /// Each item's place in the order of introduction: 0 for the title event when it is core, 1 for the other core
  /// items, 2 for the rest.
  public func introductionRank(_ core: Set<String>) -> (String) -> Int {
    let title = titleEvent.map(\.id).flatMap { core.contains($0) ? $0 : nil }
    return { id in id == title ? 0 : core.contains(id) ? 1 : 2 }
  }

  /// `elements` (cards or their entries, in deck order) heart-first: the title event's, then the other core items',
  /// then the rest. Within the core, one core person or place follows every `coreEventsPerEntity` other core items,
  /// so that the who and where come with the first events; otherwise deck order. `item` names the deck item an
  /// element was built from.
  public func heartFirst<T>(_ elements: [T], item: (T) -> String) -> [T] {
    let core = coreItems
    let rank = introductionRank(core)
    let entityIDs = Set(entities.map(\.id))
    // Each item's key within its rank: its place among the items of its stream (entities or the rest), the
    // entities spread out among the rest.
    var key: [String: Double] = [:]
    var counts = (entities: 0, others: 0)
    for element in elements {
      let id = item(element)
      guard key[id] == nil else { continue }
      if rank(id) != 1 {
        key[id] = 0
      } else if entityIDs.contains(id) {
        key[id] = Double(counts.entities * Self.coreEventsPerEntity) + Double(Self.coreEventsPerEntity) - 0.5
        counts.entities += 1
      } else {
        key[id] = Double(counts.others)
        counts.others += 1
      }
    }
    return elements.enumerated().map { (rank(item($0.element)), key[item($0.element)] ?? 0, $0.offset, $0.element) }
      .sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map(\.3)
  }

  /// How many other core items come before each core person or place in the order of introduction.
  public static let coreEventsPerEntity = 3
}
