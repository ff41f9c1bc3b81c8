import EventDeck

/// Finds the numbers a sentence gives, with hedge and unit, leaving dates, ordinals, names ("Mi-8",
/// "Resolution 822"), times of day and citation marks alone.
enum QuantityExtractor {
  static let small: [String: Double] = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
  ]
  static let scales: [String: Double] = ["hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1e9]
  /// Units of measure, longest first, as they follow a number.
  static let units: [[String]] = [
    ["square", "kilometres"], ["square", "kilometers"], ["square", "miles"], ["square", "metres"],
    ["square", "kilometre"], ["per", "cent"], ["kilometres"], ["kilometers"], ["kilometre"], ["kilometer"],
    ["km"], ["miles"], ["mile"], ["metres"], ["meters"], ["metre"], ["feet"], ["foot"], ["hectares"], ["acres"],
    ["tonnes"], ["tons"], ["percent"], ["hours"], ["hour"], ["minutes"], ["days"], ["day"], ["weeks"], ["week"],
    ["months"], ["month"], ["years"], ["year"], ["seconds"],
  ]
  /// Hedges before a number and their qualifier.
  static let hedges: [([String], QuantityQualifier)] = [
    (["more", "than"], .moreThan), (["over"], .moreThan), (["as", "many", "as"], .asManyAs),
    (["up", "to"], .asManyAs), (["at", "least"], .atLeast), (["an", "estimated"], .estimated),
    (["estimated"], .estimated), (["nearly"], .nearly), (["almost"], .nearly), (["about"], .about),
    (["approximately"], .about), (["around"], .about), (["roughly"], .about), (["some"], .about),
  ]
  /// Words that end a counted noun phrase.
  static let stops: Set<String> = [
    "were", "was", "is", "are", "had", "has", "have", "in", "of", "from", "to", "that", "who", "which", "with", "at",
    "on", "by", "for", "into", "out", "as", "than", "during", "after", "before", "would", "could", "will", "and",
    "or", "but", "the", "a", "an", "away", "there", "between", "across", "through", "while", "when", "being",
  ]
  /// Verbs (and auxiliaries) that make a counted number the subject of its clause.
  static let predicateStarts: Set<String> = ["were", "was", "had", "have", "died", "fled", "crashed", "remained", "lived", "are"]

  /// A number written in words from `tokens[i]`: "twenty-nine", "sixty thousand", "fifty" in "fifty-man".
  static func words(_ tokens: [Token], _ i: Int) -> (value: Double, last: Int)? {
    var total = 0.0
    var current = 0.0
    var last = -1
    var k = i
    while k < tokens.count {
      let w = tokens[k].lower
      let parts = w.split(separator: "-").map(String.init)
      if parts.count == 2, let tens = small[parts[0]], let ones = small[parts[1]], tens >= 20, ones < 10 {
        current += tens + ones
      } else if let v = small[w] {
        current += v
      } else if let s = scales[w], last >= 0 {
        if s == 100 { current *= 100 } else {
          total += current * s
          current = 0
        }
      } else {
        break
      }
      last = k
      k += 1
    }
    guard last >= 0 else { return nil }
    return (total + current, last)
  }

  /// Every quantity, skipping character ranges already taken (dates).
  static func extract(_ chars: [Character], tokens: [Token], taken: [(Int, Int)]) -> [QuantityMention] {
    var out: [QuantityMention] = []
    let n = tokens.count
    func tok(_ i: Int) -> Token? { i >= 0 && i < n ? tokens[i] : nil }
    func isTaken(_ t: Token) -> Bool { taken.contains { t.start < $0.1 && t.end > $0.0 } }
    var i = 0
    while i < n {
      let t = tokens[i]
      if isTaken(t) {
        i += 1
        continue
      }
      var value: Double?
      var last = i
      var unit: [String] = []
      var adjectiveUnit: String?
      var severalHundred = false
      if t.lower == "several", tok(i + 1)?.lower == "hundred" {
        value = 500
        last = i + 1
        severalHundred = true
      } else if t.isNumeral, let v = Double(t.text.filter { $0 != "," }) {
        // Not a name's number ("Resolution 822", "Mi-8"), a time ("2 pm"), or a day.
        let prev = tok(i - 1)
        if let prev, prev.isCapitalized, prev.isWord, !["The", "A", "An", "Some", "About", "Over", "Nearly", "Only", "By", "In", "Of"].contains(prev.text),
          !(prev.text.hasSuffix("ly"))
        {
          i += 1
          continue
        }
        if let next = tok(i + 1), ["pm", "am", "p.m.", "a.m.", "o'clock"].contains(next.lower) || DateExtractor.month(next) != nil {
          i += 1
          continue
        }
        value = v
        if let scale = tok(i + 1).flatMap({ scales[$0.lower] }), scale >= 1000 {
          value = v * scale
          last = i + 1
        }
      } else if t.text.contains(ascii: "-"), case let parts = t.lower.split(separator: "-").map(String.init), parts.count >= 2,
        let head = words([Token(text: parts.dropLast().joined(separator: "-"), start: 0, end: 0)], 0)
          ?? (parts[0].allSatisfy(\.isNumber) ? Double(parts[0]).map { ($0, 0) } : nil),
        let suffix = parts.last, ["man", "hour", "day", "week", "month", "year", "kilometre", "mile", "minute"].contains(suffix)
      {
        // "fifty-man unit", "eight-hour battle", "two-month state of emergency".
        value = head.value
        adjectiveUnit = suffix == "man" ? "men" : (head.value == 1 ? suffix : suffix + "s")
      } else if let w = words(tokens, i) {
        // "one" is a number only before a noun it counts ("one of the …" is not; "one fifty-man unit" is
        // counted by its adjective).
        let next = tok(w.last + 1)
        let after = next?.lower ?? ""
        if w.value == 1 && (after == "of" || ["point", "time", "side", "day", "way"].contains(after) || after == "another" || next == nil || !(next!.isLowercaseWord) || after.contains(ascii: "-")) {
          i += 1
          continue
        }
        if !(next?.isWord ?? false) && w.value < 2 {
          i += 1
          continue
        }
        value = w.value
        last = w.last
      }
      guard let v = value else {
        i += 1
        continue
      }
      // Hedge before.
      var first = i
      var qualifier = QuantityQualifier.exact
      if severalHundred { qualifier = .severalHundred }
      for (words, q) in hedges where !severalHundred {
        let k = i - words.count
        guard k >= 0, (0..<words.count).allSatisfy({ tokens[k + $0].lower == words[$0] }) else { continue }
        first = k
        qualifier = q
        break
      }
      // Unit after.
      var k = last + 1
      if tok(k)?.text == "%" {
        unit = ["%"]
        k += 1
      } else if adjectiveUnit == nil {
        for u in units {
          if (0..<u.count).allSatisfy({ tok(k + $0)?.lower == u[$0] }) {
            unit = (0..<u.count).map { tokens[k + $0].text }
            k += u.count
            break
          }
        }
      }
      if adjectiveUnit == nil, unit.isEmpty, tok(k)?.lower == "percent" {
        unit = ["%"]
        k += 1
      }
      let unitText: String? = adjectiveUnit ?? (unit.isEmpty ? nil : (unit == ["per", "cent"] ? "%" : unit.joined(separator: " ")))
      let termEnd = unit.isEmpty ? tokens[last].end : tokens[k - 1].end
      // The counted noun after a plain count: up to five words, not crossing a stop word.
      var noun: [Token] = []
      var p = k
      if unitText == nil || adjectiveUnit != nil {
        if adjectiveUnit != nil { p = last + 1 }
        while let w = tok(p), w.isWord, !stops.contains(w.lower), !w.lower.hasSuffix("ing"), noun.count < 5,
          !(w.isLowercaseWord && (w.lower.hasSuffix("ly") || (w.lower.hasSuffix("ed") && noun.count > 0))),
          !(w.isNumber)
        {
          noun.append(w)
          p += 1
        }
        // "Kurdish and Azerbaijani civilians": an "and" between adjectives joins.
        if let and = tok(p), and.lower == "and", let more = tok(p + 1), more.isCapitalized, let head = tok(p + 2),
          head.isLowercaseWord, !stops.contains(head.lower)
        {
          noun += [and, more, head]
          p += 3
          while let w = tok(p), w.isLowercaseWord, !stops.contains(w.lower), !w.lower.hasSuffix("ing"), noun.count < 8 {
            noun.append(w)
            p += 1
          }
        }
      }
      var predicate: String?
      if let verb = tok(p), predicateStarts.contains(verb.lower), !noun.isEmpty {
        var e = p
        while let w = tok(e + 1), w.isWord || w.text == "-" { e += 1 }
        predicate = String(chars[tokens[p].start..<tokens[e].end])
      }
      let nounText = noun.isEmpty ? nil : String(chars[noun.first!.start..<noun.last!.end])
      let textEnd = termEnd
      out.append(
        QuantityMention(
          text: String(chars[tokens[first].start..<textEnd]),
          term: String(chars[tokens[i].start..<termEnd]), value: v,
          unit: unitText, qualifier: qualifier,
          noun: adjectiveUnit != nil ? nil : nounText, predicate: predicate,
          start: tokens[first].start, end: textEnd))
      i = max(k, last + 1)
    }
    return out
  }
}
