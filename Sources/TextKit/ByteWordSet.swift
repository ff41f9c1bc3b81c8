import Foundation

/// A fixed set of words, asked about by their UTF-8 bytes without making a string or hashing one: the words are
/// kept in buckets by length and first letter, and a word is compared (`memcmp`) only with those of its bucket.
/// For the small word lists (stop words, nouns of a kind) checked against every word of many texts.
public struct ByteWordSet: Sendable {
  /// The words' bytes by `bucket(count:first:)`.
  private let buckets: [[[UInt8]]]
  /// Whether the set holds the empty word.
  private let holdsEmpty: Bool

  public init<Words: Sequence<String>>(_ words: Words) {
    var buckets = [[[UInt8]]](repeating: [], count: 17 * 27)
    var holdsEmpty = false
    for word in words {
      let bytes = Array(word.utf8)
      guard let first = bytes.first else {
        holdsEmpty = true
        continue
      }
      let at = Self.bucket(count: bytes.count, first: first)
      if !buckets[at].contains(bytes) { buckets[at].append(bytes) }
    }
    self.buckets = buckets
    self.holdsEmpty = holdsEmpty
  }

  /// A word's bucket: its length (16 for any longer) and its first byte's letter (26 for any byte but a–z).
  private static func bucket(count: Int, first: UInt8) -> Int {
    let letter = first >= 0x61 && first <= 0x7A ? Int(first - 0x61) : 26
    return min(count, 16) * 27 + letter
  }

  /// Whether the set holds the word whose UTF-8 is `word`.
  public func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = word.first, let base = word.baseAddress else { return holdsEmpty }
    for held in buckets[Self.bucket(count: word.count, first: first)] where held.count == word.count {
      if held.withUnsafeBufferPointer({ memcmp($0.baseAddress!, base, word.count) == 0 }) { return true }
    }
    return false
  }

  /// Whether the set holds `word`.
  public func contains(_ word: String) -> Bool {
    var word = word
    return word.withUTF8 { contains($0) }
  }
}
