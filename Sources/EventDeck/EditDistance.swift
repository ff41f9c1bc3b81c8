/// Levenshtein distance and "did you mean" suggestions for misspelt keys, ids and kinds.
enum EditDistance {
  /// The number of single-character insertions, deletions and substitutions turning `a` into `b`.
  static func between(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased().unicodeScalars)
    let b = Array(b.lowercased().unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }

  /// The candidate closest to `word`, if it is close enough to be a likely misspelling.
  static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
    guard word.count <= 200 else { return nil }
    var best: (String, Int)?
    for candidate in candidates {
      let d = between(word, candidate)
      if d < (best?.1 ?? .max) { best = (candidate, d) }
    }
    guard let best, best.1 <= max(1, min(word.count, best.0.count) / 3) else { return nil }
    return best.0
  }
}
