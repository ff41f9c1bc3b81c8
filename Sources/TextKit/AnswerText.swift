import Foundation

/// Comparison forms of names and answers: case, diacritics, punctuation and surrounding articles set aside.
public enum AnswerText {
  /// The longest answer considered, in characters; the rest is ignored.
  public static let maximumLength = 400

  /// "The Omar Pass" → "omar pass"; "Özal" → "ozal"; "Melkonian's forces" → "melkonian forces"; "Ter-Petrosyan" → "ter petrosyan".
  public static func key(_ text: String) -> String {
    asciiKey(text, spaced: true) ?? tokens(text).joined(separator: " ")
  }

  /// The same as `key` without spaces: "Mi-8" and "Mi8" both give "mi8".
  public static func compactKey(_ text: String) -> String {
    asciiKey(text, spaced: false) ?? tokens(text).joined()
  }

  /// `key` (or, not `spaced`, `compactKey`) of ASCII text short enough not to be clipped, its words written
  /// straight into one string and the leading articles then cut off; nil for any other text. (The joined
  /// `tokens` are the reference in tests.)
  static func asciiKey(_ text: String, spaced: Bool) -> String? {
    var text = text
    return text.withUTF8 { bytes -> String? in
      guard bytes.count <= maximumLength * 4, UTF8Search.isASCII(bytes) else { return nil }
      // A word ends at a byte that is not part of one (or at the end), so the words and one space between each
      // take no more bytes than the text.
      return String(unsafeUninitializedCapacity: max(1, bytes.count)) { out in
        guard let base = out.baseAddress else { return 0 }
        var at = 0
        var words = 0
        // Where the kept words start: after the leading articles, or at the last word when all are articles.
        var keepFrom = 0
        var onlyArticles = true
        forEachASCIIWord(in: bytes) { word in
          guard let from = word.baseAddress else { return }
          if words > 0, spaced {
            base[at] = 0x20
            at += 1
          }
          words += 1
          if onlyArticles {
            keepFrom = at
            onlyArticles = isASCIIArticle(word)
          }
          (base + at).initialize(from: from, count: word.count)
          at += word.count
        }
        guard keepFrom > 0 else { return at }
        memmove(base, base + keepFrom, at - keepFrom)
        return at - keepFrom
      }
    }
  }

  /// Whether lower-case ASCII bytes are one of `articles`.
  static func isASCIIArticle(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    switch word.count {
    case 1: word[0] == 0x61
    case 2: word[0] == 0x61 && word[1] == 0x6E
    case 3: word[0] == 0x74 && word[1] == 0x68 && word[2] == 0x65
    default: false
    }
  }

  /// The words of `text` in comparison form, leading articles dropped.
  public static func tokens(_ text: String) -> [String] {
    var words = rawTokens(text)
    while let first = words.first, words.count > 1, articles.contains(first) { words.removeFirst() }
    return words
  }

  /// Lower-cased, diacritic-free words, punctuation dropped; articles kept.
  public static func rawTokens(_ text: String) -> [String] {
    let clipped = text.utf8.count > maximumLength * 4 ? String(text.prefix(maximumLength)) : text
    // Plain ASCII (nearly every answer) needs no Unicode folding.
    var isASCII = true
    for byte in clipped.utf8 where byte >= 0x80 {
      isASCII = false
      break
    }
    if isASCII { return asciiTokens(clipped) }
    return foldedTokens(clipped)
  }

  /// `rawTokens` through Foundation's folding, scalar by scalar: the path for any text that is not ASCII (and, in
  /// tests, the reference the ASCII path is held to).
  static func foldedTokens(_ clipped: String) -> [String] {
    let folded = clipped.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
    var words: [String] = []
    var current = ""
    var scalars = Array(folded.unicodeScalars)
    scalars.append(" ")
    var i = 0
    while i < scalars.count {
      let s = scalars[i]
      if isApostrophe(s) {
        // "melkonian's" → "melkonian"; other apostrophes vanish ("o'clock" → "oclock").
        if i + 1 < scalars.count, scalars[i + 1] == "s", i + 2 >= scalars.count || !isWordScalar(scalars[i + 2]) {
          i += 2
          continue
        }
        i += 1
        continue
      }
      if isWordScalar(s) {
        current.unicodeScalars.append(s)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
      i += 1
    }
    return words
  }

  /// `rawTokens` for ASCII text, byte by byte.
  static func asciiTokens(_ text: String) -> [String] {
    var text = text
    return text.withUTF8 { bytes in
      var words: [String] = []
      // About one word in six bytes: one allocation instead of a doubling series for most texts.
      words.reserveCapacity(bytes.count / 6 + 2)
      forEachASCIIWord(in: bytes) { words.append(String(decoding: $0, as: UTF8.self)) }
      return words
    }
  }

  /// Calls `body` with each of `rawTokens(text)`'s words as UTF-8 bytes, making no strings, when `text` is
  /// ASCII and short enough not to be clipped; returns false (and calls nothing) otherwise.
  public static func eachASCIIToken(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      guard bytes.count <= maximumLength * 4, UTF8Search.isASCII(bytes) else { return false }
      forEachASCIIWord(in: bytes, body)
      return true
    }
  }

  /// The words of ASCII `bytes` in comparison form, each lower-cased into one scratch buffer and handed to `body`:
  /// letters and digits make words, "'s" after a word is dropped, other apostrophes vanish.
  static func forEachASCIIWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    let n = bytes.count
    asciiWordBytes.withUnsafeBufferPointer { table in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n + 1) { word in
        var length = 0
        var i = 0
        while i < n {
          let folded = table[Int(bytes[i])]
          if folded > 1 {
            word[length] = folded
            length += 1
          } else if folded == 1 {
            if i + 1 < n, bytes[i + 1] == 0x73 || bytes[i + 1] == 0x53, i + 2 >= n || !isASCIIWordByte(bytes[i + 2]) {
              i += 2
              continue
            }
          } else if length > 0 {
            body(UnsafeBufferPointer(rebasing: word[0..<length]))
            length = 0
          }
          i += 1
        }
        // The end of the text ends the last word.
        if length > 0 { body(UnsafeBufferPointer(rebasing: word[0..<length])) }
      }
    }
  }

  /// Whether one of `words` (in comparison form, as `rawTokens` gives them) is certainly none of `text`'s
  /// `rawTokens`, found from the pairs of adjacent letters and digits the text holds, in one pass and without
  /// reading its words: a word with a pair of adjacent bytes that the text's words never have next to each other is
  /// not among them. Apostrophes are passed over, since a word is read without them. False when it cannot tell
  /// (text that is not ASCII, words that are not ASCII or have one byte).
  public static func surelyLacks(anyOf words: [String], text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      asciiWordBytes.withUnsafeBufferPointer { table in
        // 512 bits, one per pair of bytes, picked by a hash of the pair.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 8) { bits in
          bits.initialize(repeating: 0)
          var previous: UInt8 = 0
          for byte in bytes {
            if byte >= 0x80 { return false }
            let folded = table[Int(byte)]
            if folded == 1 { continue }
            if folded != 0, previous != 0 {
              let n = pairBit(previous, folded)
              bits[n >> 6] |= 1 << UInt64(n & 63)
            }
            previous = folded
          }
          for word in words {
            var word = word
            let lacking = word.withUTF8 { w -> Bool in
              guard w.count > 1 else { return false }
              for k in 1..<w.count {
                guard w[k - 1] < 0x80, w[k] < 0x80 else { return false }
                let n = pairBit(w[k - 1], w[k])
                if bits[n >> 6] & (1 << UInt64(n & 63)) == 0 { return true }
              }
              return false
            }
            if lacking { return true }
          }
          return false
        }
      }
    }
  }

  /// The bit (0–511) of a pair of adjacent word bytes.
  @inline(__always)
  static func pairBit(_ a: UInt8, _ b: UInt8) -> Int {
    Int(((UInt32(a) << 8 | UInt32(b)) &* 0x9E37_79B1) >> 23)
  }

  /// By ASCII byte: a word byte in lower case (letters folded, digits as they are), 1 for an apostrophe (' or `),
  /// 0 for any other byte, which ends a word. One look per byte instead of a chain of range tests.
  static let asciiWordBytes: [UInt8] = (0..<256).map { b in
    let byte = UInt8(b)
    if byte == 0x27 || byte == 0x60 { return 1 }
    guard isASCIIWordByte(byte) else { return 0 }
    return byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
  }

  static func isASCIIWordByte(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
  }

  /// Whether `scalar` belongs inside a word (letters and digits of any script).
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}" || scalar == "`"
  }

  /// Words dropped at the start of an answer.
  public static let articles: Set<String> = ["the", "a", "an"]

  /// Words that carry little meaning, ignored when comparing free-text answers word by word.
  public static let fillers: Set<String> = [
    "the", "a", "an", "of", "and", "to", "in", "on", "at", "for", "by", "with", "from", "it", "was", "is", "were",
    "their", "his", "her", "its", "they", "he", "she", "that", "this", "as",
  ]

  /// Typos allowed in a word or name of this many letters: none up to 3, then one per four letters, at most 3.
  public static func typoAllowance(forLength length: Int) -> Int {
    switch length {
    case ..<4: 0
    case 4..<6: 1
    case 6..<12: 2
    default: 3
    }
  }
}
