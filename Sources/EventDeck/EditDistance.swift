/// Levenshtein distance and "did you mean" suggestions for misspelt keys, ids and kinds.
public enum EditDistance {
  /// The number of single-character insertions, deletions, substitutions and swaps of neighbours turning `a`
  /// into `b` (optimal string alignment distance), ignoring case.
  static func between(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased().unicodeScalars)
    let b = Array(b.lowercased().unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count][b.count]
  }

  /// The candidate closest to `word`, if it is close enough to be a likely misspelling.
  public static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
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
