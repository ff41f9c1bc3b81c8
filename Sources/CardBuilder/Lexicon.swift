import EventDeck
import TextKit

/// Every name of every entity in a deck, so the checker can tell a different person from a misspelling.
public struct Lexicon: Sendable, Equatable {
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
    /// For places: the id of the place it lies in.
    public var within: String?
  }

  public private(set) var entries: [String: Entry] = [:]
  /// Each entry's `keys` by id, read by `mentions(in:)` without copying the whole entry.
  private var keysByID: [String: [String]] = [:]
  private var byKey: [String: [String]] = [:]
  private var bySurname: [String: [String]] = [:]
  /// One comparison form, ready for fast near-miss searches.
  struct Form: Sendable, Equatable {
    var id: String
    var key: String
    var scalars: [Unicode.Scalar]
    var isSurname: Bool
    /// Whether the key has more than one word.
    var isMultiWord: Bool
    /// Letter counts (a–z, digits folded into one bin, everything else into another).
    var histogram: [UInt8]
  }

  /// Every key and surname, by length in scalars.
  private var formsByLength: [Int: [Form]] = [:]

  /// Entity ids in sorted order, for deterministic scans.
  public private(set) var orderedIDs: [String] = []
  /// The most words in any key, bounding `mentions(in:)`.
  private var longestKey = 1
  /// For each word that starts a key, the most words in a key it starts: `mentions(in:)` tries only the names
  /// that can start at a word, instead of every run of up to `longestKey` words.
  private var wordsStartingWith: [String: Int] = [:]

  /// The names of every person, place, unit and organisation in `deck`.
  public init(deck: Deck) {
    for entity in deck.entities { add(entity, keepingOrder: false) }
    orderedIDs = entries.keys.sorted()
  }

  /// An empty lexicon (hand-made decks without entities).
  public init() {}

  /// Adds an entity's names.
  public mutating func add(_ entity: Entity) { add(entity, keepingOrder: true) }

  private mutating func add(_ entity: Entity, keepingOrder: Bool) {
    let isNew = entries[entity.id] == nil
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
      id: entity.id, kind: entity.kind, name: entity.name, keys: keys, compactKeys: compact, surnames: surnames,
      within: entity.within)
    keysByID[entity.id] = keys
    if isNew, keepingOrder {
      var lo = 0
      var hi = orderedIDs.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if orderedIDs[mid] < entity.id { lo = mid + 1 } else { hi = mid }
      }
      orderedIDs.insert(entity.id, at: lo)
    }
    for (key, isSurname) in keys.map({ ($0, false) }) + surnames.map({ ($0, true) }) {
      let scalars = Array(key.unicodeScalars)
      formsByLength[scalars.count, default: []].append(
        Form(
          id: entity.id, key: key, scalars: scalars, isSurname: isSurname, isMultiWord: scalars.contains(" "),
          histogram: Self.histogram(scalars)))
    }
    for key in keys {
      let words = min(12, key.split(separator: " ").count)
      longestKey = max(longestKey, words)
      let first = String(key.prefix { $0 != " " })
      wordsStartingWith[first] = max(wordsStartingWith[first] ?? 0, words)
    }
    for key in keys + compact where !(byKey[key]?.contains(entity.id) ?? false) { byKey[key, default: []].append(entity.id) }
    for s in surnames where !(bySurname[s]?.contains(entity.id) ?? false) { bySurname[s, default: []].append(entity.id) }
  }

  /// Ids of entities that have this comparison key (or compact key) as a name or alias.
  public func ids(forKey key: String) -> [String] { byKey[key] ?? [] }

  /// Ids of people whose surname is this key.
  public func ids(forSurname key: String) -> [String] { bySurname[key] ?? [] }

  /// Whether place `inner` lies within place `outer`, directly or through others.
  public func place(_ inner: String, liesWithin outer: String) -> Bool {
    var seen = Set<String>()
    var next = entries[inner]?.within
    while let id = next, seen.insert(id).inserted {
      if id == outer { return true }
      next = entries[id]?.within
    }
    return false
  }

  /// The entry for an id.
  public func entry(_ id: String) -> Entry? { entries[id] }

  /// The entity ids whose name is written, word for word, in `text`, longest names first.
  public func mentions(in text: String) -> [String] {
    let words = AnswerText.rawTokens(text)
    var best: [String: Int] = [:]
    for i in words.indices {
      guard let most = wordsStartingWith[words[i]] else { continue }
      var key = ""
      for n in 1...min(most, longestKey) where i + n <= words.count {
        key += (n == 1 ? "" : " ") + words[i + n - 1]
        guard let ids = byKey[key] else { continue }
        for id in ids where keysByID[id]?.contains(key) ?? false {
          best[id] = max(best[id] ?? 0, key.count)
        }
      }
    }
    return best.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
  }

  /// The entity (not in `excluded`) with a key or surname nearest to `key`, within `limit` edits; ties go to the
  /// first id in sorted order. `multiWord` keeps to keys of several words; `surnames` includes surnames.
  public func nearest(to key: String, within limit: Int, excluding excluded: Set<String>, multiWord: Bool = false,
                      surnames: Bool = true) -> (id: String, distance: Int)? {
    let scalars = Array(key.unicodeScalars)
    let h = Self.histogram(scalars)
    var best: (String, Int)?
    for length in max(0, scalars.count - limit)...(scalars.count + limit) {
      guard let forms = formsByLength[length] else { continue }
      for form in forms where !excluded.contains(form.id) && (surnames || !form.isSurname) {
        if multiWord && !form.isMultiWord { continue }
        let bound = min(limit, best.map { $0.1 } ?? limit)
        if Self.bagDistance(h, form.histogram) > bound { continue }
        let d = EditDistance.between(scalars, form.scalars, limit: bound)
        if d <= bound, best == nil || d < best!.1 || (d == best!.1 && form.id < best!.0) { best = (form.id, d) }
      }
    }
    return best.map { (id: $0.0, distance: $0.1) }
  }

  static func histogram(_ scalars: [Unicode.Scalar]) -> [UInt8] {
    var h = [UInt8](repeating: 0, count: 28)
    for s in scalars {
      let v = s.value
      let bin: Int
      if v >= 97 && v <= 122 { bin = Int(v - 97) } else if v >= 48 && v <= 57 { bin = 26 } else { bin = 27 }
      if h[bin] < 255 { h[bin] += 1 }
    }
    return h
  }

  /// A lower bound of the edit distance from letter counts.
  static func bagDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    var more = 0
    var less = 0
    for i in 0..<a.count {
      let d = Int(a[i]) - Int(b[i])
      if d > 0 { more += d } else { less -= d }
    }
    return max(more, less)
  }

  private func unique(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
  }
}
