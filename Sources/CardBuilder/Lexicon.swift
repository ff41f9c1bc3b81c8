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
    let joined = " " + words.joined(separator: " ") + " "
    var found: [(String, Int)] = []
    for entry in entries.values {
      var best = 0
      for key in entry.keys where key.count > best && joined.contains(" " + key + " ") { best = key.count }
      if best > 0 { found.append((entry.id, best)) }
    }
    return found.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
  }

  private func unique(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
  }
}
