import EventDeck
import TextKit

/// English helpers for generated questions: articles, capitals, agreement, tidy punctuation.
public enum Phrasing {
  /// "the capture of Shusha" → "The capture of Shusha".
  public static func capitalizedFirst(_ text: String) -> String {
    capitalizedFirst(text, bytewise: true)
  }

  /// `capitalizedFirst(_:)`; `bytewise` reads a text that starts with two ASCII bytes (so its first character is
  /// one byte) by its bytes.
  static func capitalizedFirst(_ text: String, bytewise: Bool) -> String {
    if bytewise {
      var utf8 = text.utf8.makeIterator()
      if let first = utf8.next(), first < 0x80, utf8.next().map({ $0 < 0x80 && $0 != 0x0A }) ?? true {
        guard first >= 0x61, first <= 0x7A else { return text }
        var bytes = Array(text.utf8)
        bytes[0] -= 0x20
        return String(decoding: bytes, as: UTF8.self)
      }
    }
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }

  /// A generated question made tidy: single spaces, no doubled article ("the the"), a capital first letter and
  /// one closing question mark. (`bytewise` false reads even ASCII text character by character, for tests that
  /// hold the byte path to it.)
  public static func question(_ text: String) -> String { question(text, bytewise: true) }

  /// `question(_:)`, reading ASCII text by its bytes or (`bytewise` false) by its characters.
  static func question(_ text: String, bytewise: Bool) -> String {
    if bytewise, let tidy = asciiQuestion(text) { return tidy }
    var words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
    var i = 1
    while i < words.count {
      let a = words[i - 1].lowercased()
      let b = words[i].lowercased()
      if (a == b && ["the", "a", "an", "of", "in", "on", "did", "was"].contains(a))
        || (["the", "a", "an"].contains(a) && ["the", "a", "an"].contains(b))
      {
        words.remove(at: i - 1)
      } else {
        i += 1
      }
    }
    var s = words.joined(separator: " ")
    while let last = s.last, last == "." || last == "?" || last == " " || last == "," { s.removeLast() }
    return capitalizedFirst(s) + "?"
  }

  /// `question` for ASCII text without carriage returns (nearly every question), byte by byte: the same words, the
  /// same doubled words dropped, the same ending. Nil for any other text.
  static func asciiQuestion(_ text: String) -> String? {
    var text = text
    return text.withUTF8 { bytes -> String? in
      guard let base = bytes.baseAddress else { return "?" }
      let n = bytes.count
      // One look at each byte: any byte of 0x80 or more, or a carriage return, sends the text down the other path.
      var high: UInt8 = 0
      var returns = false
      for k in 0..<n {
        let byte = base[k]
        high |= byte
        returns = returns || byte == 0x0D
      }
      if high >= 0x80 || returns { return nil }
      @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 }
      // The kept words as (start, end, kind), in a buffer on the stack (a word takes at least two bytes with its
      // space). A word that may not follow the one before replaces it, as `question`'s walk drops the earlier
      // of the two and goes on comparing from the later.
      return withUnsafeTemporaryAllocation(of: (Int, Int, UInt8).self, capacity: n / 2 + 1) { words -> String in
        guard let kept = words.baseAddress else { return "?" }
        var count = 0
        var length = 0
        var i = 0
        while i < n {
          while i < n, isSpace(base[i]) { i += 1 }
          guard i < n else { break }
          var end = i
          while end < n, !isSpace(base[end]) { end += 1 }
          // Kinds 1–3 are the articles; any kind but 0 is a word that is never written twice.
          let b = end - i <= 3 ? doubledWordKind(UnsafeBufferPointer(start: base + i, count: end - i)) : 0
          if count > 0 {
            let a = kept[count - 1].2
            if (a != 0 && a == b) || (a >= 1 && a <= 3 && b >= 1 && b <= 3) {
              count -= 1
              length -= kept[count].1 - kept[count].0 + 1
            }
          }
          kept[count] = (i, end, b)
          count += 1
          length += end - i + 1
          i = end
        }
        // Each word and the space before it, the first word's space not written.
        return String(unsafeUninitializedCapacity: max(1, length)) { out in
          guard let to = out.baseAddress else { return 0 }
          var at = 0
          for k in 0..<count {
            if k > 0 {
              to[at] = 0x20
              at += 1
            }
            let (from, upTo, _) = kept[k]
            (to + at).initialize(from: base + from, count: upTo - from)
            at += upTo - from
          }
          while at > 0, to[at - 1] == 0x2E || to[at - 1] == 0x3F || to[at - 1] == 0x20 || to[at - 1] == 0x2C { at -= 1 }
          if at > 0, to[0] >= 0x61, to[0] <= 0x7A { to[0] -= 0x20 }
          to[at] = 0x3F
          return at + 1
        }
      }
    }
  }

  /// Which of the words `question` never lets stand twice in a row a word is, in any case: 1 "the", 2 "a", 3 "an",
  /// 4 "of", 5 "in", 6 "on", 7 "did", 8 "was"; 0 for any other word.
  static func doubledWordKind(_ word: UnsafeBufferPointer<UInt8>) -> UInt8 {
    func lower(_ i: Int) -> UInt8 { word[i] | 0x20 }
    switch word.count {
    case 1: return lower(0) == 0x61 ? 2 : 0
    case 2:
      switch (lower(0), lower(1)) {
      case (0x61, 0x6E): return 3  // an
      case (0x6F, 0x66): return 4  // of
      case (0x69, 0x6E): return 5  // in
      case (0x6F, 0x6E): return 6  // on
      default: return 0
      }
    case 3:
      switch (lower(0), lower(1), lower(2)) {
      case (0x74, 0x68, 0x65): return 1  // the
      case (0x64, 0x69, 0x64): return 7  // did
      case (0x77, 0x61, 0x73): return 8  // was
      default: return 0
      }
    default: return 0
    }
  }

  /// Whether a name is grammatically plural: "the Murov Mountains", "Armenian forces" (not "the United States").
  public static func isPlural(_ name: String) -> Bool {
    let words = AnswerText.rawTokens(name)
    guard let last = words.last, last.count > 3 else { return false }
    if ["states", "emirates", "netherlands", "philippines", "bahamas", "news", "politics"].contains(last) { return false }
    if words.contains("of"), let ofIndex = words.firstIndex(of: "of"), ofIndex > 0 {
      return isPluralWord(words[ofIndex - 1])
    }
    return isPluralWord(last)
  }

  static func isPluralWord(_ word: String) -> Bool {
    !word.hasSuffix("'s") && !word.hasSuffix("\u{2019}s") && word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is")
      && !word.hasSuffix("ys") && word.count > 3
  }

  /// An entity's name as it reads inside a sentence: "the Omar Pass" when the deck lists that form, else the name.
  public static func nounPhrase(_ entity: Entity) -> String {
    let lower = entity.name.lowercased()
    if lower.hasPrefix("the ") || lower.hasPrefix("a ") || lower.hasPrefix("an ") { return entity.name }
    guard entity.kind != .person else { return entity.name }
    if entity.aliases.contains(where: { $0.lowercased() == "the " + lower }) { return "the " + entity.name }
    let words = entity.name.split(separator: " ").map(String.init)
    if !words.contains(where: { $0.hasSuffix("'s") }), words.contains(where: { Self.institutionWords.contains($0) }) {
      return "the " + entity.name
    }
    return entity.name
  }

  /// Words that make a name take "the": "the Nagorno-Karabakh Republic", "the State Defence Committee".
  static let institutionWords: Set<String> = [
    "Republic", "Council", "Committee", "Front", "Union", "Army", "Regiment", "Brigade", "Nations", "States",
    "Kingdom", "Federation", "Party", "Organisation", "Organization", "Assembly", "Mountains", "River", "Pass",
  ]

  /// Whether a name is an indefinite description ("a journalist") rather than a name.
  public static func isIndefinite(_ name: String) -> Bool {
    let lower = name.lowercased()
    return lower.hasPrefix("a ") || lower.hasPrefix("an ")
  }

  /// "was" or "were" for a name.
  public static func be(_ name: String, present: Bool = false) -> String {
    isPlural(name) ? (present ? "are" : "were") : (present ? "is" : "was")
  }

  /// A role as a definite description: "Armenian general …" → "the Armenian general …";
  /// "Monte Melkonian's elder brother" and "the governor …" stay; "member of …" → "a member of …".
  public static func definite(_ role: String) -> String { definite(role, bytewise: true) }

  /// `definite(_:)`, an ASCII role split on its bytes or (`bytewise` false) on its characters.
  static func definite(_ role: String, bytewise: Bool) -> String {
    // An ASCII role's words split on its bytes (splitting on characters, with their grapheme breaks, took most of
    // the time); only the first three are looked at.
    let words: [String] =
      bytewise && role.utf8.allSatisfy({ $0 < 0x80 })
      ? role.utf8.split(separator: 0x20).prefix(3).map { String(decoding: $0, as: UTF8.self) }
      : role.split(separator: " ").map(String.init)
    guard let first = words.first else { return role }
    let lower = first.lowercased()
    if ["the", "a", "an", "one"].contains(lower) { return role }
    if first.first?.isUppercase == true, words.prefix(3).contains(where: { $0.hasSuffix("'s") || $0.hasSuffix("\u{2019}s") }) {
      return role
    }
    if ["member", "participant", "supporter", "soldier", "leader"].contains(lower) {
      return (["a", "e", "i", "o", "u"].contains(lower.prefix(1)) ? "an " : "a ") + role
    }
    return "the " + role
  }

  /// The date in words for "Which of these happened …?": "on April 3, 1993", "in April 1993", "in 1993".
  public static func when(_ date: HistoricalDate) -> String {
    date.precision == .day ? "on \(date)" : "in \(date)"
  }

  /// A number as a reader expects it: 60000 → "60,000", 1.5 → "1.5".
  public static func number(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 {
      // Written as bytes from the last digit back, a comma before each three when there are four or more.
      var n = UInt64(abs(value))
      var count = 1
      var rest = n / 10
      while rest > 0 {
        count += 1
        rest /= 10
      }
      let commas = count >= 4 ? (count - 1) / 3 : 0
      let sign = value < 0 ? 1 : 0
      let total = sign + count + commas
      return String(unsafeUninitializedCapacity: total) { out in
        var at = total - 1
        var written = 0
        repeat {
          if written > 0, written % 3 == 0, commas > 0 {
            out[at] = 0x2C
            at -= 1
          }
          out[at] = 0x30 + UInt8(n % 10)
          n /= 10
          at -= 1
          written += 1
        } while n > 0
        if sign == 1 { out[0] = 0x2D }
        return total
      }
    }
    var s = String(value)
    if s.hasSuffix(".0") { s.removeLast(2) }
    return s
  }

  /// `number` by characters: the reference its byte path is held to in tests.
  static func numberByCharacters(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 {
      let digits = String(Int(abs(value)))
      var out = ""
      for (i, c) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0, digits.count > 4 || digits.count == 4 { out.append(",") }
        out.append(c)
      }
      return (value < 0 ? "-" : "") + out
    }
    var s = String(value)
    if s.hasSuffix(".0") { s.removeLast(2) }
    return s
  }

  /// "more than 1,900 square kilometres", "29 kilometres", "76%", "4".
  public static func quantity(_ value: Double, unit: String?, qualifier: QuantityQualifier?) -> String {
    // The source gives no figure for "several hundred": showing the deck's stand-in value would teach a number
    // the source never states.
    if qualifier == .severalHundred {
      guard let unit, !unit.isEmpty else { return "several hundred" }
      return "several hundred " + unit
    }
    var s = number(value)
    if var unit, !unit.isEmpty {
      // "1 month", not "1 months".
      if value == 1, unit.count > 2, unit.hasSuffix("s"), !unit.hasSuffix("ss") { unit.removeLast() }
      s += (unit == "%" ? "" : " ") + unit
    }
    if let words = qualifier?.words { s = words + " " + s }
    return s
  }
}
