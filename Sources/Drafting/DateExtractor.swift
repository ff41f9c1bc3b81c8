import EventDeck

/// Finds the dates a sentence states, in every form prose uses them.
///
/// "April 3, 1993", "3 April 1993", "March and April 1993", "February-March 1993", "by October 1992", "in the
/// summer of 1992", "in winter 1993–1994", "the late 1980s", "44 BC", "the 5th century BC", and a day or month
/// without a year ("On March 28, …"), whose year comes from the sentences before.
enum DateExtractor {
  static let months = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
  ]
  static let seasons: Set<String> = ["spring", "summer", "autumn", "fall", "winter"]
  static let parts: Set<String> = ["early", "mid", "late", "middle"]
  /// Words after which a bare number or month is a date.
  static let datePrepositions: Set<String> = [
    "in", "by", "of", "since", "until", "till", "from", "to", "during", "after", "before", "around", "circa", "c.",
    "early", "late", "mid", "on", "through", "throughout", "between", "and", "year", "years", "about",
  ]
  static let ordinalWords = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth", "twenty-first",
  ]

  /// The month (1–12) a token names; "May" and "March" only capitalised.
  static func month(_ t: Token) -> Int? {
    guard t.isCapitalized else { return nil }
    let w = t.lower.hasSuffix(".") ? String(t.lower.dropLast()) : t.lower
    if let i = months.firstIndex(of: w) { return i + 1 }
    if w == "sept" { return 9 }
    return nil
  }

  /// A year written with digits: 1–4 digits, no separators.
  static func year(_ t: Token, digits: ClosedRange<Int> = 3...4) -> Int? {
    guard t.text.allSatisfy(\.isNumber), digits.contains(t.text.count), let y = Int(t.text), y > 0, y < 2200
    else { return nil }
    return y
  }

  static func day(_ t: Token) -> Int? {
    var s = t.lower
    for suffix in ["st", "nd", "rd", "th"] where s.hasSuffix(suffix) { s.removeLast(2) }
    guard s.count <= 2, s.allSatisfy(\.isNumber), let d = Int(s), (1...31).contains(d) else { return nil }
    return d
  }

  static func isDash(_ t: Token) -> Bool { t.text == "–" || t.text == "-" || t.text == "—" || t.text == "/" }

  /// "BC", "B.C.", "BCE", "B.C.E." (`bc`), or "AD", "A.D.", "CE", "C.E.", compared byte by byte: it is asked of
  /// nearly every token.
  static func isEra(_ t: Token, bc: Bool) -> Bool {
    let bytes = t.text.utf8
    guard bytes.count <= 6, let first = bytes.first, first == UInt8(ascii: "A") || first == UInt8(ascii: "B")
      || first == UInt8(ascii: "C")
    else { return false }
    let w = bytes.filter { $0 != UInt8(ascii: ".") }
    return bc ? (w.elementsEqual("BC".utf8) || w.elementsEqual("BCE".utf8))
      : (w.elementsEqual("AD".utf8) || w.elementsEqual("CE".utf8))
  }

  static func ordinal(_ n: Int) -> String {
    let suffix: String
    switch (n % 100, n % 10) {
    case (11...13, _): suffix = "th"
    case (_, 1): suffix = "st"
    case (_, 2): suffix = "nd"
    case (_, 3): suffix = "rd"
    default: suffix = "th"
    }
    return String(n) + suffix
  }

  static func ordinalValue(_ t: Token) -> Int? {
    if let i = ordinalWords.firstIndex(of: t.lower) { return i + 1 }
    let s = t.lower
    for suffix in ["st", "nd", "rd", "th"] where s.hasSuffix(suffix) {
      let digits = s.dropLast(2)
      if !digits.isEmpty, digits.allSatisfy(\.isNumber) { return Int(digits) }
    }
    return nil
  }

  /// Every date in the sentence, in order; `contextYear` fills in a missing year (the mention records where from).
  static func extract(
    _ chars: [Character], tokens: [Token], sentence: Int, context: (year: Int, sentence: Int)?
  ) -> [DateMention] {
    var out: [DateMention] = []
    var context = context
    var t = 0
    let n = tokens.count
    func tok(_ i: Int) -> Token? { i >= 0 && i < n ? tokens[i] : nil }
    func surface(_ a: Int, _ b: Int) -> String { String(chars[tokens[a].start..<tokens[b].end]) }

    while t < n {
      var match: (form: DateMention.Form, first: Int, last: Int, part: String?, inferred: Bool)?
      // A part before the date: "early", "late", "mid", "mid-1990s".
      var first = t
      var part: String?
      if let p = tok(t), parts.contains(p.lower), tok(t + 1) != nil {
        part = p.lower == "middle" ? "mid" : p.lower
        first = t + 1
      }
      let a = tokens[first]
      let lowerA = a.lower

      if seasons.contains(lowerA) {
        // "summer of 1992", "winter 1993–1994", "the summer of 1992".
        var i = first + 1
        if tok(i)?.lower == "of" { i += 1 }
        if let y = tok(i).flatMap({ year($0) }) {
          var endYear: Int?
          var last = i
          if let d = tok(i + 1), isDash(d), let y2 = tok(i + 2).flatMap({ year($0, digits: 2...4) }) {
            endYear = y2 < 100 ? (y / 100) * 100 + y2 : y2
            last = i + 2
          }
          let name = lowerA == "fall" ? "autumn" : lowerA
          match = (.season((part.map { $0 + " " } ?? "") + name, year: y, endYear: endYear), first, last, nil, false)
          part = nil
        }
      } else if lowerA.hasSuffix("s"), lowerA.count == 5, lowerA.dropLast().allSatisfy(\.isNumber),
        let y = Int(lowerA.dropLast()), y % 10 == 0
      {
        match = (.decade(y, part: part), first, first, nil, false)
        part = nil
      } else if lowerA.hasPrefix("mid-"), lowerA.count == 9, let y = Int(lowerA.dropFirst(4).dropLast()),
        lowerA.hasSuffix("s"), y % 10 == 0
      {
        match = (.decade(y, part: "mid"), first, first, nil, false)
      } else if let c = ordinalValue(a), tok(first + 1)?.lower == "century" {
        let bc = tok(first + 2).map { isEra($0, bc: true) } ?? false
        match = (.century(c, part: part, bc: bc), first, first + (bc ? 2 : 1), nil, false)
        part = nil
      } else if a.isNumber, let y = year(a, digits: 1...4), let dash = tok(first + 1), isDash(dash),
        let y2 = tok(first + 2).flatMap({ year($0, digits: 1...4) }), let e = tok(first + 3), isEra(e, bc: true), y2 < y
      {
        match = (.spanBC(y, y2), first, first + 3, nil, false)
      } else if a.isNumber, let y = year(a, digits: 1...4), let e = tok(first + 1), isEra(e, bc: true) {
        match = (.yearBC(y), first, first + 1, nil, false)
      } else if isEra(a, bc: false), let y = tok(first + 1).flatMap({ year($0, digits: 1...4) }) {
        match = (.year(y), first, first + 1, nil, false)
      } else if let m = month(a) {
        // "February-March 1993" is one token.
        match = monthForm(m, at: first, tokens: tokens, context: context?.year)
      } else if a.text.contains(ascii: "-"), case let halves = a.text.split(separator: "-"), halves.count == 2,
        let m1 = month(Token(text: String(halves[0]), start: 0, end: 0)),
        let m2 = month(Token(text: String(halves[1]), start: 0, end: 0)), let y = tok(first + 1).flatMap({ year($0) })
      {
        match = (.span(HistoricalDate(year: y, month: m1), HistoricalDate(year: y, month: m2)), first, first + 1, nil, false)
      } else if let d = day(a), let m = tok(first + 1).flatMap(month) {
        // "3 April 1993", "3 April".
        if let y = tok(first + 2).flatMap({ year($0, digits: 1...4) }) {
          match = (.day(year: y, month: m, day: d), first, first + 2, nil, false)
        } else if let cy = context?.year {
          match = (.day(year: cy, month: m, day: d), first, first + 1, nil, true)
        }
      } else if let y = year(a, digits: 4...4) ?? year(a, digits: 3...3).flatMap({ y in
        tok(first - 1).map { datePrepositions.contains($0.lower) && $0.lower != "and" } ?? false ? y : nil
      }) {
        let prev = tok(first - 1)
        let next = tok(first + 1)
        let cued = part != nil || prev.map { datePrepositions.contains($0.lower) || month($0) != nil } ?? false
        let free = next.map { !$0.isWord } ?? true
        let nounAfter = next.map { $0.isLowercaseWord && !["and", "when", "to", "until", "as", "but", "the", "after", "before", "which", "while", "where"].contains($0.lower) } ?? false
        if (cued || (free && !nounAfter)) && !(prev?.text == "$") && !(next.map { ["men", "soldiers", "people", "troops"].contains($0.lower) } ?? false) {
          if let d = next, isDash(d) || d.lower == "to", let y2 = tok(first + 2).flatMap({ year($0, digits: 4...4) }), y2 > y {
            match = (.span(HistoricalDate(year: y), HistoricalDate(year: y2)), first, first + 2, nil, false)
          } else if let e = next, isEra(e, bc: true) {
            match = (.yearBC(y), first, first + 1, nil, false)
          } else if let p = part {
            match = (.partOfYear(p, year: y), first, first, nil, false)
            part = nil
          } else {
            match = (.year(y), first, first, nil, false)
          }
        }
      }

      guard let found = match else {
        t += 1
        continue
      }
      let start = first == t + 1 ? t : found.first
      var qualifier = DateQualifier.exact
      var q = start - 1
      while let w = tok(q), ["the", "in", "on", "of"].contains(w.lower) { q -= 1 }
      switch tok(q)?.lower {
      case "by"?: qualifier = .by
      case "before"?: qualifier = .before
      case "after"?: qualifier = .after
      case "around"?, "circa"?, "c."?, "about"?, "approximately"?, "roughly"?: qualifier = .circa
      default: break
      }
      var mention = DateMention(
        text: surface(start, found.last), form: found.form, qualifier: qualifier,
        part: (found.part ?? part).flatMap { p in
          switch found.form {
          case .day, .month: return p
          default: return nil
          }
        },
        yearFrom: found.inferred ? context?.sentence : nil, start: tokens[start].start, end: tokens[found.last].end)
      if case .partOfYear = found.form { mention.part = nil }
      out.append(mention)
      if !found.inferred, let y = mention.contextYear { context = (y, sentence) }
      t = found.last + 1
    }
    return out
  }

  /// Dates that start with a month name: "April 3, 1993", "March and April 1993", "March 1993", "April 1", "April".
  static func monthForm(_ m: Int, at i: Int, tokens: [Token], context: Int?)
    -> (form: DateMention.Form, first: Int, last: Int, part: String?, inferred: Bool)?
  {
    let n = tokens.count
    func tok(_ k: Int) -> Token? { k >= 0 && k < n ? tokens[k] : nil }
    // "March and April 1993", "March–April 1993", "March to April 1993".
    if let link = tok(i + 1), link.lower == "and" || link.lower == "to" || isDash(link),
      let m2 = tok(i + 2).flatMap(month), m2 > m, let y = tok(i + 3).flatMap({ year($0) })
    {
      return (.span(HistoricalDate(year: y, month: m), HistoricalDate(year: y, month: m2)), i, i + 3, nil, false)
    }
    if let d = tok(i + 1).flatMap(day), let dash = tok(i + 2), isDash(dash), let d2 = tok(i + 3).flatMap(day), d2 > d {
      // "July 1–3, 1863".
      var k = i + 4
      if tok(k)?.text == "," { k += 1 }
      if let y = tok(k).flatMap({ year($0) }) {
        return (.span(HistoricalDate(year: y, month: m, day: d), HistoricalDate(year: y, month: m, day: d2)), i, k, nil, false)
      }
    }
    if let d = tok(i + 1).flatMap(day) {
      // "April 3, 1993", "April 3 1993".
      var k = i + 2
      if tok(k)?.text == "," { k += 1 }
      if let y = tok(k).flatMap({ year($0, digits: 1...4) }), tok(k)!.text.count >= 3 || tok(k + 1).map({ isEra($0, bc: false) }) == true {
        if let e = tok(k + 1), isEra(e, bc: true) { return (.yearBC(y), i, k + 1, nil, false) }
        return (.day(year: y, month: m, day: d), i, k, nil, false)
      }
      guard let context else { return nil }
      return (.day(year: context, month: m, day: d), i, i + 1, nil, true)
    }
    if let y = tok(i + 1).flatMap({ year($0) }) {
      return (.month(year: y, month: m), i, i + 1, nil, false)
    }
    // A month alone needs a preposition before it to be a date ("in April", "late March").
    guard let context, let prev = tok(i - 1), datePrepositions.contains(prev.lower) || parts.contains(prev.lower)
    else { return nil }
    return (.month(year: context, month: m), i, i, nil, true)
  }
}
