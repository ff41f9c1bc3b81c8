#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Substring searches on UTF-8 bytes, for the card builder's hot paths (is a name written in a sentence, where
/// does a term start): `memchr` and `memcmp` over the strings' contiguous storage, with no `Character` grapheme walking and no
/// Foundation bridging, which `String.contains(_:)` and `range(of:)` do on every call.
///
/// Byte equality of UTF-8 is scalar equality, so a match here is exactly a match of the same scalars; callers
/// fold case and diacritics first (`AnswerText`), as the comparison forms already are.
public enum UTF8Search {
  /// Whether `needle` occurs in `haystack` (an empty needle always does).
  public static func contains(_ needle: String, in haystack: String) -> Bool {
    firstOffset(of: needle, in: haystack) != nil
  }

  /// The byte offset of the first occurrence of `needle` in `haystack` at or after `start`, or nil.
  public static func firstOffset(of needle: String, in haystack: String, from start: Int = 0) -> Int? {
    var needle = needle
    var haystack = haystack
    return needle.withUTF8 { n in
      haystack.withUTF8 { h in firstOffset(of: UnsafeRawBufferPointer(n), in: UnsafeRawBufferPointer(h), from: start) }
    }
  }

  /// The byte offset of the first occurrence of `needle` in `haystack` at or after `start`, or nil.
  public static func firstOffset(
    of needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer, from start: Int = 0
  ) -> Int? {
    guard start >= 0, start <= haystack.count else { return nil }
    if needle.isEmpty { return start }
    guard needle.count <= haystack.count - start, let base = haystack.baseAddress, let probe = needle.baseAddress
    else { return nil }
    // memchr to the next place the first byte occurs, memcmp for the rest (glibc's memmem is a GNU extension
    // Swift's Glibc module does not export).
    let first = Int32(probe.load(as: UInt8.self))
    let last = haystack.count - needle.count
    var index = start
    while index <= last {
      guard let hit = memchr(base + index, first, last - index + 1) else { return nil }
      let offset = base.distance(to: UnsafeRawPointer(hit))
      if memcmp(base + offset, probe, needle.count) == 0 { return offset }
      index = offset + 1
    }
    return nil
  }

  /// Whether `word` occurs in `hay` as a whole word, where `hay` is `AnswerText` words joined by single spaces
  /// with a space at each end (" omar pass lies ") and `word` is one or more such words: " " + word + " " is
  /// searched for without building that string.
  public static func containsWord(_ word: String, inHay hay: String) -> Bool {
    var word = word
    var hay = hay
    return word.withUTF8 { w in
      hay.withUTF8 { h in
        guard !w.isEmpty, h.count >= w.count + 2, let base = h.baseAddress else { return false }
        var from = 1
        while let offset = firstOffset(of: UnsafeRawBufferPointer(w), in: UnsafeRawBufferPointer(h), from: from) {
          let end = offset + w.count
          if base[offset - 1] == 0x20, end < h.count, base[end] == 0x20 { return true }
          from = offset + 1
          if from > h.count - w.count - 1 { return false }
        }
        return false
      }
    }
  }

  /// The byte offset of the first ASCII case-insensitive occurrence of `needle` in `haystack` at or after
  /// `start`, or nil. For ASCII text this is what Foundation's `.caseInsensitive` search finds.
  public static func firstCaseInsensitiveOffset(
    of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0
  ) -> Int? {
    guard !needle.isEmpty, start >= 0, needle.count <= haystack.count - start else { return nil }
    @inline(__always) func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
    let first = fold(needle[0])
    var index = start
    while index <= haystack.count - needle.count {
      if fold(haystack[index]) == first {
        var k = 1
        while k < needle.count, fold(haystack[index + k]) == fold(needle[k]) { k += 1 }
        if k == needle.count { return index }
      }
      index += 1
    }
    return nil
  }

  /// Whether `needle` occurs in `haystack` ignoring ASCII case; nil when either is not plain ASCII (ask
  /// Foundation then).
  public static func containsIgnoringCase(_ needle: String, in haystack: String) -> Bool? {
    var needle = needle
    var haystack = haystack
    return needle.withUTF8 { n -> Bool? in
      haystack.withUTF8 { h -> Bool? in
        guard isASCII(n), isASCII(h) else { return nil }
        return firstCaseInsensitiveOffset(of: n, in: h) != nil
      }
    }
  }

  /// Whether every byte is ASCII.
  public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    // Eight bytes at a time (any byte's high bit set means not ASCII), then the rest one by one.
    let raw = UnsafeRawPointer(base)
    var i = 0
    while i + 8 <= bytes.count {
      if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
      i += 8
    }
    while i < bytes.count {
      if base[i] >= 0x80 { return false }
      i += 1
    }
    return true
  }
}
