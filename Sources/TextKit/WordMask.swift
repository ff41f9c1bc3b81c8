/// A 256-bit summary of the words of a hay (`AnswerText` words between single spaces, as `UTF8Search.containsWord`
/// reads): one bit per word, picked by a hash of its bytes. A word whose bit is clear is certainly not in the hay,
/// so a whole-word search can be skipped after one test; a set bit says only "maybe" and the search decides.
///
/// ```swift
/// let mask = WordMask(hay: " omar pass lies ")
/// mask.mayContain(WordMask.bit(ofFirstWordOf: "omar pass"))   // true
/// ```
public struct WordMask: Sendable, Equatable {
  private var a: UInt64 = 0
  private var b: UInt64 = 0
  private var c: UInt64 = 0
  private var d: UInt64 = 0

  /// A mask with no word in it.
  public init() {}

  /// The mask of every space-separated word of `hay`, from its byte `start` on (a space there, or the hay's start,
  /// begins the first word).
  public init(hay: String, from start: Int = 0) {
    var hay = hay
    hay.withUTF8 { bytes in
      var hash = Self.seed
      var inWord = false
      for byte in bytes[min(max(0, start), bytes.count)...] {
        if byte == 0x20 {
          if inWord { insert(Self.bit(of: hash)) }
          hash = Self.seed
          inWord = false
        } else {
          hash = (hash ^ UInt32(byte)) &* Self.prime
          inWord = true
        }
      }
      if inWord { insert(Self.bit(of: hash)) }
    }
  }

  /// The words of both masks.
  public func union(_ other: WordMask) -> WordMask {
    var out = self
    out.a |= other.a
    out.b |= other.b
    out.c |= other.c
    out.d |= other.d
    return out
  }

  /// Sets one word's bit.
  public mutating func insert(_ bit: UInt8) {
    let one = UInt64(1) << UInt64(bit & 63)
    switch bit >> 6 {
    case 0: a |= one
    case 1: b |= one
    case 2: c |= one
    default: d |= one
    }
  }

  /// Whether a word with this bit may be in the hay; nil (a needle with no first word) always may.
  @inline(__always)
  public func mayContain(_ bit: UInt8?) -> Bool {
    guard let bit else { return true }
    let one = UInt64(1) << UInt64(bit & 63)
    switch bit >> 6 {
    case 0: return a & one != 0
    case 1: return b & one != 0
    case 2: return c & one != 0
    default: return d & one != 0
    }
  }

  /// The bit of the first word of `needle` (one or more words joined by single spaces): the word any hay holding
  /// the needle as whole words must hold too. Nil when the needle is empty or starts with a space.
  public static func bit(ofFirstWordOf needle: String) -> UInt8? {
    var hash = seed
    var length = 0
    for byte in needle.utf8 {
      if byte == 0x20 { break }
      hash = (hash ^ UInt32(byte)) &* prime
      length += 1
    }
    return length == 0 ? nil : bit(of: hash)
  }

  /// FNV-1a over the word's bytes, folded to 8 bits.
  private static let seed: UInt32 = 2_166_136_261
  private static let prime: UInt32 = 16_777_619

  @inline(__always)
  private static func bit(of hash: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: hash ^ (hash >> 8) ^ (hash >> 16) ^ (hash >> 24)) }
}
