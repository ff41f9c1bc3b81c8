import Foundation

/// A source's text with runs of whitespace collapsed, indexed so that checking thousands of quotes against it
/// does not rescan the whole text for each one.
///
/// The index holds the 8 bytes that start each word (each position after a space); a quote is looked up by the
/// rarest of its own word-start grams, and only those places are compared byte for byte.
struct SourceText {
  let bytes: [UInt8]
  private var grams: [UInt64] = []
  private var positions: [Int32] = []

  init(_ text: String) {
    bytes = Array(DeckParser.collapsingWhitespace(text).utf8)
    var entries: [(UInt64, Int32)] = []
    var i = 0
    while i + 8 <= bytes.count {
      if i == 0 || bytes[i - 1] == UInt8(ascii: " ") { entries.append((Self.gram(bytes, at: i), Int32(i))) }
      i += 1
    }
    entries.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
    grams = entries.map(\.0)
    positions = entries.map(\.1)
  }

  /// Whether `quote` (already whitespace-collapsed) appears in the text, byte for byte.
  func contains(_ quote: String) -> Bool {
    let q = Array(quote.utf8)
    if q.isEmpty { return true }
    if q.count > bytes.count { return false }
    var best: (offset: Int, range: Range<Int>)?
    var i = 1
    while i + 8 <= q.count {
      if q[i - 1] == UInt8(ascii: " ") {
        let range = matches(Self.gram(q, at: i))
        if range.isEmpty { return false }
        if best == nil || range.count < best!.range.count { best = (i, range) }
      }
      i += 1
    }
    guard let best else { return Self.search(q, in: bytes) }
    for k in best.range {
      let start = Int(positions[k]) - best.offset
      if start >= 0, start + q.count <= bytes.count,
        bytes.withUnsafeBufferPointer({ text in
          q.withUnsafeBufferPointer { memcmp(text.baseAddress! + start, $0.baseAddress!, q.count) == 0 }
        })
      {
        return true
      }
    }
    return false
  }

  /// The index entries holding `gram`, found by two binary searches.
  private func matches(_ gram: UInt64) -> Range<Int> {
    grams.withUnsafeBufferPointer { g in
      func bound(_ isBefore: (UInt64) -> Bool) -> Int {
        var low = 0
        var high = g.count
        while low < high {
          let mid = (low + high) / 2
          if isBefore(g[mid]) { low = mid + 1 } else { high = mid }
        }
        return low
      }
      return bound { $0 < gram }..<bound { $0 <= gram }
    }
  }

  private static func gram(_ b: [UInt8], at i: Int) -> UInt64 {
    var g: UInt64 = 0
    for k in 0..<8 { g = g << 8 | UInt64(b[i + k]) }
    return g
  }

  /// Plain substring search, for quotes too short to index.
  private static func search(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
    guard !needle.isEmpty else { return true }
    guard haystack.count >= needle.count else { return false }
    return haystack.withUnsafeBufferPointer { h in
      needle.withUnsafeBufferPointer { n in
        let first = n[0]
        var i = 0
        while i + n.count <= h.count {
          if h[i] == first, memcmp(h.baseAddress! + i, n.baseAddress!, n.count) == 0 { return true }
          i += 1
        }
        return false
      }
    }
  }
}
