import EventDeck
import Foundation
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
  /// The same two tables for ASCII text, read from its bytes without making a string per word: each key by the
  /// hash of its bytes (`hash(_:)`; the spelling compared with them, and the key itself), and the most words of a
  /// key by the hash of its first word. A key that is not ASCII is filed under its canonical decomposition when
  /// that is ASCII (the only way an ASCII text can equal it), else left out: no ASCII text names it.
  private var asciiKeysByHash = HashSlots()
  private var asciiKeyLists: [[ASCIIKey]] = []
  private var asciiWordsStartingWith = HashSlots()
  struct ASCIIKey: Sendable, Equatable {
    /// The key as ASCII bytes.
    var spelling: String
    var key: String
  }

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
      if let spelling = Self.asciiSpelling(of: key) {
        let hash = Self.hash(spelling.utf8)
        if let list = asciiKeysByHash[hash] {
          if !asciiKeyLists[list].contains(where: { $0.key == key }) {
            asciiKeyLists[list].append(ASCIIKey(spelling: spelling, key: key))
          }
        } else {
          asciiKeysByHash.set(asciiKeyLists.count, for: hash)
          asciiKeyLists.append([ASCIIKey(spelling: spelling, key: key)])
        }
        let firstHash = Self.hash(spelling.utf8.prefix { $0 != 0x20 })
        asciiWordsStartingWith.set(max(asciiWordsStartingWith[firstHash] ?? 0, words), for: firstHash)
      }
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
    var best: [String: Int] = [:]
    if !asciiMentions(in: text, into: &best) { wordMentions(in: text, into: &best) }
    return best.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
  }

  /// `mentions(in:)` through strings made of each word and run of words: the path for text that is not ASCII, and
  /// in tests the reference the byte path is held to.
  func wordMentions(in text: String) -> [String] {
    var best: [String: Int] = [:]
    wordMentions(in: text, into: &best)
    return best.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
  }

  /// Each id named in `text` with the length of its longest name found there.
  private func wordMentions(in text: String, into best: inout [String: Int]) {
    let words = AnswerText.rawTokens(text)
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
  }

  /// `wordMentions` for ASCII text short enough not to be clipped, from its words' bytes: the words are copied
  /// into one buffer, single spaces between, and each run of words that may start a key is hashed as it grows, so
  /// only a run whose hash is a key's is compared, and only a match makes a string. False (and nothing found) for
  /// other text.
  private func asciiMentions(in text: String, into best: inout [String: Int]) -> Bool {
    let capacity = text.utf8.count + 1
    guard capacity <= AnswerText.maximumLength * 4 + 1 else { return false }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
      // A word is at least one byte and a byte that is not a word's ends it: at most one word in two bytes.
      withUnsafeTemporaryAllocation(of: Int.self, capacity: capacity / 2 + 1) { ends in
        guard let base = buffer.baseAddress else { return false }
        var length = 0
        var count = 0
        let read = AnswerText.eachASCIIToken(text) { word in
          guard let from = word.baseAddress else { return }
          if count > 0 {
            base[length] = 0x20
            length += 1
          }
          (base + length).initialize(from: from, count: word.count)
          length += word.count
          ends[count] = length
          count += 1
        }
        guard read else { return false }
        for i in 0..<count {
          let start = i == 0 ? 0 : ends[i - 1] + 1
          var hash = Self.hash(UnsafeBufferPointer(start: base + start, count: ends[i] - start))
          guard let most = asciiWordsStartingWith[hash] else { continue }
          for n in 1...most where i + n <= count {
            if n > 1 {
              // The run grows by a space and the next word.
              let from = ends[i + n - 2]
              hash = Self.hash(UnsafeBufferPointer(start: base + from, count: ends[i + n - 1] - from), after: hash)
            }
            guard let list = asciiKeysByHash[hash] else { continue }
            let run = UnsafeBufferPointer(start: base + start, count: ends[i + n - 1] - start)
            for candidate in asciiKeyLists[list] where Giveaway.equal(candidate.spelling, run) {
              let key = candidate.key
              for id in byKey[key] ?? [] where keysByID[id]?.contains(key) ?? false {
                best[id] = max(best[id] ?? 0, run.count)
              }
            }
          }
        }
        return true
      }
    }
  }

  /// The ASCII text a key equals, if any: the key itself when ASCII, else its canonical decomposition when that
  /// is ASCII (strings are equal when their decompositions are).
  static func asciiSpelling(of key: String) -> String? {
    if key.utf8.allSatisfy({ $0 < 0x80 }) { return key }
    let decomposed = key.decomposedStringWithCanonicalMapping
    return decomposed.utf8.allSatisfy({ $0 < 0x80 }) ? decomposed : nil
  }

  /// FNV-1a (64-bit) over bytes, continued from `after`.
  static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes, after: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
    var hash = after
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return hash
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

/// A map from 64-bit hashes that are already well mixed (FNV-1a of a key's bytes) to integers, looked up without
/// hashing again: a dictionary hashes each key anew, which cost more than the rest of the look here. Open
/// addressing, linear probes, at most half full; hash 0 is stored as 1, so 0 marks an empty slot.
struct HashSlots: Sendable, Equatable {
  private var hashes: [UInt64] = []
  private var values: [Int] = []
  private var count = 0

  /// The slot where `hash` is, or the empty slot where it would go.
  @inline(__always)
  private func slot(of hash: UInt64) -> Int {
    let mask = hashes.count - 1
    var i = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    while hashes[i] != hash && hashes[i] != 0 { i = (i + 1) & mask }
    return i
  }

  /// The value kept for `hash`, if any.
  subscript(hash: UInt64) -> Int? {
    guard !hashes.isEmpty else { return nil }
    let i = slot(of: hash == 0 ? 1 : hash)
    return hashes[i] == 0 ? nil : values[i]
  }

  /// Keeps `value` for `hash`, in place of any value it had.
  mutating func set(_ value: Int, for hash: UInt64) {
    let stored = hash == 0 ? 1 : hash
    if hashes.isEmpty || 2 * (count + 1) > hashes.count { grow() }
    let i = slot(of: stored)
    if hashes[i] == 0 { count += 1 }
    hashes[i] = stored
    values[i] = value
  }

  /// Twice the slots (16 at first), every entry placed again.
  private mutating func grow() {
    let old = zip(hashes, values).filter { $0.0 != 0 }
    hashes = [UInt64](repeating: 0, count: max(16, 2 * hashes.count))
    values = [Int](repeating: 0, count: hashes.count)
    for (hash, value) in old {
      let i = slot(of: hash)
      hashes[i] = hash
      values[i] = value
    }
  }

  /// The same hashes with the same values, wherever their slots are.
  static func == (lhs: HashSlots, rhs: HashSlots) -> Bool {
    lhs.count == rhs.count && zip(lhs.hashes, lhs.values).allSatisfy { $0.0 == 0 || rhs[$0.0] == $0.1 }
  }
}
