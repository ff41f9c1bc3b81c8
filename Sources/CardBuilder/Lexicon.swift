import EventDeck

/// Every name of every entity in a deck, so the checker can tell a different person from a misspelling.
public struct Lexicon: Sendable, Codable, Equatable {
  /// One entity's names in comparison form.
  public struct Entry: Sendable, Codable, Equatable {
    public var id: String
    public var kind: EntityKind
    public var name: String
    /// `AnswerText.key` of the name and every alias.
    public var keys: [String]
    /// `AnswerText.compactKey` of the name and every alias.
    public var compactKeys: [String]
    /// Last words of multi-word person names ("melkonian" for Monte Melkonian).
    public var surnames: [String]
  }

  public private(set) var entries: [String: Entry] = [:]
  private var byKey: [String: [String]] = [:]
  private var bySurname: [String: [String]] = [:]
  /// Entity ids in sorted order, for deterministic scans.
  public private(set) var orderedIDs: [String] = []
  /// The most words in any key, bounding `mentions(in:)`.
  private var longestKey = 1

  /// The names of every person, place, unit and organisation in `deck`.
  public init(deck: Deck) {
    for entity in deck.entities { add(entity) }
  }

  /// An empty lexicon (hand-made decks without entities).
  public init() {}

  /// Adds an entity's names.
  public mutating func add(_ entity: Entity) {
    let names = entity.allNames
    let keys = unique(names.map(AnswerText.key).filter { !$0.isEmpty })
    let compact = unique(names.map(AnswerText.compactKey).filter { !$0.isEmpty })
    var surnames: [String] = []
    if entity.kind == .person {
      for name in names {
        let words = AnswerText.tokens(name)
        if words.count >= 2, let last = words.last, last.count >= 3 { surnames.append(last) }
      }
    }
    surnames = unique(surnames)
    entries[entity.id] = Entry(
      id: entity.id, kind: entity.kind, name: entity.name, keys: keys, compactKeys: compact, surnames: surnames)
    if entries[entity.id] == nil || !orderedIDs.contains(entity.id) {
      let at = orderedIDs.firstIndex { $0 > entity.id } ?? orderedIDs.endIndex
      orderedIDs.insert(entity.id, at: at)
    }
    for key in keys { longestKey = max(longestKey, min(12, key.split(separator: " ").count)) }
    for key in keys + compact where !(byKey[key]?.contains(entity.id) ?? false) { byKey[key, default: []].append(entity.id) }
    for s in surnames where !(bySurname[s]?.contains(entity.id) ?? false) { bySurname[s, default: []].append(entity.id) }
  }

  /// Ids of entities that have this comparison key (or compact key) as a name or alias.
  public func ids(forKey key: String) -> [String] { byKey[key] ?? [] }

  /// Ids of people whose surname is this key.
  public func ids(forSurname key: String) -> [String] { bySurname[key] ?? [] }

  /// The entry for an id.
  public func entry(_ id: String) -> Entry? { entries[id] }

  /// The entity ids whose name is written, word for word, in `text`, longest names first.
  public func mentions(in text: String) -> [String] {
    let words = AnswerText.rawTokens(text)
    var best: [String: Int] = [:]
    for i in words.indices {
      var key = ""
      for n in 1...longestKey where i + n <= words.count {
        key += (n == 1 ? "" : " ") + words[i + n - 1]
        guard let ids = byKey[key] else { continue }
        for id in ids where entries[id]?.keys.contains(key) ?? false {
          best[id] = max(best[id] ?? 0, key.count)
        }
      }
    }
    return best.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
  }

  private func unique(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
  }
}
