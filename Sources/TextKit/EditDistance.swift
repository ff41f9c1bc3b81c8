/// Optimal string alignment distance (Levenshtein plus swaps of neighbours), and "did you mean" suggestions.
public enum EditDistance {
  /// The number of single-scalar insertions, deletions, substitutions and swaps of neighbours turning `a` into
  /// `b`; once the distance is sure to exceed `limit`, some number above `limit` is returned early.
  ///
  /// ```swift
  /// EditDistance.between("Kalbajar", "Kalbjaar")  // 1 (a swap)
  /// ```
  public static func between(_ a: String, _ b: String, limit: Int = .max) -> Int {
    between(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
  }

  /// `between` on scalar arrays already made (for loops over many candidates).
  public static func between(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int = .max) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    if abs(a.count - b.count) > limit { return abs(a.count - b.count) }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMin = current[0]
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, previous2[j - 2] + 1) }
        current[j] = v
        rowMin = min(rowMin, v)
      }
      if rowMin > limit { return rowMin }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }

  /// The candidate closest to `word` ignoring case, if it is close enough to be a likely misspelling (at most one
  /// edit per three characters of the shorter, and at least one); the first of equally close candidates wins.
  public static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
    guard word.count <= 200 else { return nil }
    let key = Array(word.lowercased().unicodeScalars)
    var best: (String, Int)?
    for candidate in candidates {
      let d = between(key, Array(candidate.lowercased().unicodeScalars))
      if d < (best?.1 ?? .max) { best = (candidate, d) }
    }
    guard let best, best.1 <= max(1, min(word.count, best.0.count) / 3) else { return nil }
    return best.0
  }
}
