import Foundation
import CardBuilder
import EventDeck
import TextKit

extension AnswerChecker {
  // MARK: - Dates

  /// A date answer against the window the source allows, with its precision.
  ///
  /// As a teacher marks it: an answer naming the same stretch is right; one inside the stretch but more precise
  /// is right too ("June 1992" for summer 1992, "1066" for the 11th century); a whole decade or century for a part
  /// of it is right ("the 1980s" for the late 1980s); another part of the same decade or century, a neighbouring
  /// decade or century, or a less precise answer that contains the date ("1992" for summer 1992) is close; the
  /// same number in the other era ("44 AD" for 44 BC) is wrong.
  func checkDate(_ answer: String, _ date: DateExpectation, card: Card, expected: String) -> Verdict {
    let example = date.spec.start.precision >= .day ? date.spec.start.firstDay.iso : "1993-04-03"
    let unambiguous = "write the month as a word, e.g. \(date.spec.start.firstDay.dayMonthYear), or as \(example)"
    if let span = readSpan(answer, year: (date.spec.end ?? date.spec.start).year) {
      let lo = date.earliest.dayNumber
      let hi = date.latest.dayNumber
      let first = span.0.earliestDay
      let last = span.1.latestDay
      if first == lo && last == hi { return .correct(expected, "Right.") }
      // "1993–1994" for "In which winter …": the winter's two years.
      let start = date.spec.start
      if start.season == .winter, date.spec.end == nil, date.spec.qualifier == .exact, span.0.precision == .year,
        span.1.precision == .year, span.0.year == start.year, span.1.year == HistoricalDate.year(after: start.year)
      {
        return .correct(expected, "Right: \(start).")
      }
      if first >= lo && last <= hi { return .close(expected, "Within it, but the source says \(date.spec).") }
      if first <= hi && last >= lo { return .close(expected, "Partly: the source says \(date.spec).") }
      return .wrong(expected, "The source says \(date.spec).")
    }
    guard let reading = TypedDateReader.read(answer, assumedYear: date.spec.start.year) else {
      return .wrong(expected, "That is not a date I can read.", hint: "Try a form like \(date.spec.start.dayMonthYear).")
    }
    switch reading {
    case .ambiguous(let a, let b) where a.season == .winter:
      let va = judge(a, qualifier: .exact, date)
      let vb = judge(b, qualifier: .exact, date)
      if va.0 == .wrong && vb.0 == .wrong { return .wrong(expected, "The source says \(date.spec).") }
      return .close(
        expected, "A winter spans two years: \(a) or \(b)?",
        hint: "Write both years, e.g. \(va.0 == .correct ? a : b).")
    case .ambiguous(let a, let b):
      let va = judge(a, qualifier: .exact, date)
      let vb = judge(b, qualifier: .exact, date)
      if va.0 == .wrong && vb.0 == .wrong {
        return .wrong(expected, "Read either way round, that is not the date.", hint: "Next time \(unambiguous).")
      }
      return .close(
        expected, "\(answer.trimmingCharacters(in: .whitespaces)) could mean \(a) or \(b).",
        hint: "Day and month are ambiguous: \(unambiguous).")
    case .date(let d, let qualifier, let yearMissing):
      var (outcome, why) = judge(d, qualifier: qualifier, date)
      let year = HistoricalDate.yearText(date.spec.start.year)
      if yearMissing, outcome == .correct, !card.prompt.contains(year) {
        outcome = .close
        why = "Right day; add the year (\(year))."
      }
      switch outcome {
      case .correct: return .correct(expected, why)
      case .close: return .close(expected, why)
      case .wrong: return .wrong(expected, why)
      }
    }
  }

  /// "February–March 1993", "from February to March 1993", "between March 27 and April 3, 1993": two dates.
  func readSpan(_ answer: String, year: Int) -> (HistoricalDate, HistoricalDate)? {
    var text = answer.lowercased()
    for prefix in ["from ", "between "] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
    for separator in [" to ", " until ", " and ", "\u{2013}", "\u{2014}", " - ", "-"] {
      guard let range = text.range(of: separator) else { continue }
      let left = String(text[..<range.lowerBound])
      let right = String(text[range.upperBound...])
      guard case .date(let b, .exact, _)? = TypedDateReader.read(right, assumedYear: year),
        case .date(let a, .exact, _)? = TypedDateReader.read(left, assumedYear: b.year), a.month != nil || b.month == nil,
        a.firstDay <= b.firstDay, a != b
      else { continue }
      return (a, b)
    }
    return nil
  }

  /// Outcome and reason for one reading of a date answer.
  func judge(_ d: HistoricalDate, qualifier: DateQualifier, _ date: DateExpectation) -> (Verdict.Outcome, String) {
    let first = d.earliestDay
    let last = d.latestDay
    let lo = date.earliest.dayNumber
    let hi = date.latest.dayNumber
    let spec = date.spec
    let start = spec.start
    // The source's own hedge echoed back: "by March 29, 1993".
    if qualifier == spec.qualifier, qualifier != .exact, d == start { return (.correct, "Right.") }
    if qualifier != .exact, qualifier != spec.qualifier, d == start {
      return (.close, "The source says \(spec).")
    }
    // The same number in the other era: 44 AD for 44 BC.
    if spec.end == nil, d.precision == start.precision, d != start, d.otherEra == start {
      return (.wrong, "Wrong era: the source says \(spec).")
    }
    if spec.end == nil, spec.qualifier == .exact, let verdict = judgeScale(d, start, spec) { return verdict }
    if d.precision >= date.precision || d.precision >= .day {
      if first >= lo && last <= hi {
        switch spec.qualifier {
        case .exact where spec.end == nil && d.precision == start.precision: return (.correct, "Right.")
        case .exact where spec.end != nil: return (.close, "Within it, but the source says \(spec).")
        case .exact: return (.correct, "Right: within \(spec).")
        default: return (.correct, "Right: the source says \(spec), and \(d) fits.")
        }
      }
      if first <= hi && last >= lo {
        return (.close, "Partly: the source says \(spec).")
      }
      let days = first > hi ? first - hi : lo - last
      if d.precision == .day, date.precision == .day, days <= 2 {
        return (.wrong, "\(days == 1 ? "One day" : "\(days) days") \(first > hi ? "late" : "early"): the source says \(spec).")
      }
      return (.wrong, "The source says \(spec).")
    }
    // Less precise than the question asks for.
    if first <= hi && last >= lo {
      return (.close, "Right \(d.precision.noun), but the question asks for the \(date.precision.noun): \(spec).")
    }
    return (.wrong, "The source says \(spec).")
  }

  /// Decades and centuries: the whole for a part, another part, the neighbour; "the 1000s" for the 11th century.
  func judgeScale(_ d: HistoricalDate, _ start: HistoricalDate, _ spec: DateSpec) -> (Verdict.Outcome, String)? {
    guard let scale = start.scale else { return nil }
    let unit = scale == .decade ? "decade" : "century"
    // "The 1300s" said of the 14th century.
    if scale == .century, d.scale == .decade, d.year > 0, d.year % 100 == 0, d.part == nil {
      let century = HistoricalDate(century: d.year / 100 + 1)
      if century == start.whole {
        return start.part == nil
          ? (.correct, "Right: the \(d.year)s are \(start).")
          : (.correct, "Right: the source says \(spec), in the \(d.year)s.")
      }
      if century == start.whole.shifted(by: -1) || century == start.whole.shifted(by: 1) {
        return (.close, "A century off: the source says \(spec).")
      }
    }
    guard d.scale == scale else { return nil }
    if d == start.whole, start.part != nil { return (.correct, "Right: the source says \(spec).") }
    if d.whole == start.whole, let part = start.part, d.part != part {
      return (.close, "Right \(unit), but the source says \(spec).")
    }
    if d.whole == start.whole.shifted(by: -1) || d.whole == start.whole.shifted(by: 1) {
      return (.close, "A \(unit) off: the source says \(spec).")
    }
    return nil
  }

  // MARK: - Numbers

  /// A number answer against the accepted range, with its unit.
  func checkQuantity(_ answer: String, _ q: QuantityExpectation, expected: String) -> Verdict {
    if q.qualifier == .severalHundred {
      let words = AnswerText.rawTokens(answer)
      if words.contains("hundreds") || zip(words, words.dropFirst()).contains(where: { $0 == "several" && $1 == "hundred" }) {
        return .correct(expected, "Right: the source says \(expected).")
      }
    }
    guard let reading = NumberReader.read(answer) ?? fraction(answer, q) else {
      return .wrong(expected, "That is not a number I can read.", hint: "Type it in figures, e.g. \(Phrasing.number(q.value)).")
    }
    let wantUnit = NumberReader.canonicalUnit(q.unit)
    let gotUnit = NumberReader.canonicalUnit(reading.unit)
    let inRange = reading.value >= q.low - 1e-9 && reading.value <= q.high + 1e-9
    if let wantUnit, let gotUnit, wantUnit != gotUnit {
      return inRange
        ? .close(expected, "Right number, wrong unit: the source says \(expected).")
        : .wrong(expected, "The source says \(expected).")
    }
    let shown = Phrasing.number(q.value)
    if inRange {
      if reading.value == q.value { return .correct(expected, "Right.") }
      return .correct(expected, "Right: the source says \(expected).")
    }
    let scale = max(abs(q.value), 1e-9)
    let off = reading.value < q.low ? q.low - reading.value : reading.value - q.high
    if off / scale <= 0.1, abs(q.value) >= 10 {
      return .close(expected, "Close: the source says \(expected).")
    }
    if q.qualifier == .moreThan || q.qualifier == .atLeast, reading.value < q.low {
      return .wrong(expected, "Too low: the source says \(expected).")
    }
    _ = shown
    return .wrong(expected, reading.value > q.high ? "Too high: the source says \(expected)." : "Too low: the source says \(expected).")
  }

  /// "half", "a third", "three quarters" as percentages, when the question is in per cent.
  func fraction(_ answer: String, _ q: QuantityExpectation) -> NumberReader.Reading? {
    guard q.unit == "%" else { return nil }
    let words = AnswerText.rawTokens(answer).filter { !["nearly", "about", "almost", "around", "roughly", "over", "more", "than", "of", "it", "the"].contains($0) }
    let table: [String: Double] = [
      "half": 50, "a half": 50, "one half": 50, "a third": 33.3, "one third": 33.3, "two thirds": 66.7,
      "a quarter": 25, "one quarter": 25, "three quarters": 75, "a fifth": 20,
    ]
    guard let v = table[words.joined(separator: " ")] else { return nil }
    return NumberReader.Reading(value: v, unit: "%", hedged: true)
  }

  // MARK: - Multiple choice and orderings

  /// A multiple-choice answer by letter, number or the option's text.
  func checkChoice(_ answer: String, correct: Int, card: Card, expected: String) -> Verdict {
    guard let index = choiceIndex(answer, options: card.choices) else {
      let last = Self.letter(max(0, card.choices.count - 1))
      return .wrong(expected, "That is not one of the options.", hint: "Type a letter (A–\(last)), a number or the option's text.")
    }
    if index == correct { return .correct(expected, "Right.") }
    return .wrong(expected, "\(Self.letter(index)) is not it: the answer is \(expected).")
  }

  /// Which option an answer picks: "b", "B)", "2", or the option's text (a small typo allowed).
  func choiceIndex(_ answer: String, options: [String]) -> Int? {
    let trimmed = answer.trimmingCharacters(in: .whitespacesAndNewlines)
    let stripped = trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "()[].:) "))
    if stripped.count == 1, let c = stripped.lowercased().unicodeScalars.first, c.value >= 97, c.value < 97 + 26 {
      let i = Int(c.value) - 97
      return i < options.count ? i : nil
    }
    if let n = Int(stripped), n >= 1, n <= options.count, !options.contains(where: { AnswerText.key($0) == stripped }) {
      return n - 1
    }
    // "b) The fall of …": a letter followed by a bracket or stop.
    if trimmed.count > 2, let c = trimmed.lowercased().unicodeScalars.first, c.value >= 97, c.value < 97 + 26,
      let second = trimmed.dropFirst().first, second == ")" || second == "." || second == ":"
    {
      let i = Int(c.value) - 97
      if i < options.count { return i }
    }
    let key = AnswerText.key(trimmed)
    let compact = AnswerText.compactKey(trimmed)
    if let i = options.firstIndex(where: { AnswerText.key($0) == key || AnswerText.compactKey($0) == compact }) { return i }
    // Dates and numbers compared by value.
    if case .date(let d, _, _)? = TypedDateReader.read(trimmed) {
      let hits = options.indices.filter { i in
        if case .date(let o, _, _)? = TypedDateReader.read(options[i]) { return o == d }
        return false
      }
      if hits.count == 1 { return hits[0] }
    }
    if let n = NumberReader.read(trimmed) {
      let hits = options.indices.filter { NumberReader.read(options[$0])?.value == n.value }
      if hits.count == 1 { return hits[0] }
    }
    // A small typo in one option's text.
    var best: (Int, Int)?
    var tie = false
    for (i, option) in options.enumerated() {
      let o = AnswerText.key(option)
      let d = EditDistance.between(key, o, limit: 3)
      guard d <= AnswerText.typoAllowance(forLength: o.count) else { continue }
      if let b = best, b.1 == d { tie = true }
      if best == nil || d < best!.1 {
        best = (i, d)
        tie = false
      }
    }
    return tie ? nil : best?.0
  }

  /// An ordering typed as "2 1 3", "2,1,3", "213" or "b a c".
  func checkOrdering(_ answer: String, order: [Int], card: Card, expected: String) -> Verdict {
    let n = card.choices.count
    let example = (1...max(n, 1)).map(String.init).joined(separator: " ")
    guard let typed = readOrdering(answer, count: n) else {
      return .wrong(expected, "That is not an ordering of the \(n) items.", hint: "Type all \(n) numbers, earliest first, e.g. \(example).")
    }
    if typed == order { return .correct(expected, "Right order.") }
    let inPlace = zip(typed, order).filter { $0 == $1 }.count
    let differing = typed.indices.filter { typed[$0] != order[$0] }
    if differing.count == 2, differing[1] == differing[0] + 1 {
      return .close(expected, "Nearly: two neighbouring items are swapped.")
    }
    return .wrong(expected, "\(inPlace) of \(n) in the right place.")
  }

  /// Zero-based indices from "2 1 3", "2,1,3", "213", "b a c"; nil unless a permutation of all items.
  func readOrdering(_ answer: String, count n: Int) -> [Int]? {
    guard n > 0 else { return nil }
    let parts = answer.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    var items: [Int] = []
    if parts.count == 1, let only = parts.first, only.count == n, n <= 9 {
      for c in only {
        if let d = c.wholeNumberValue { items.append(d - 1) } else if let a = c.asciiValue, a >= 97 { items.append(Int(a) - 97) } else { return nil }
      }
    } else {
      for p in parts {
        if let d = Int(p) { items.append(d - 1) } else if p.count == 1, let a = p.first?.asciiValue, a >= 97 { items.append(Int(a) - 97) } else { return nil }
      }
    }
    guard items.count == n, Set(items) == Set(0..<n) else { return nil }
    return items
  }
}

extension HistoricalDate {
  /// "3 April 1993", "15 March 44 BC"; other precisions as displayed ("April 1993", "the 1330s").
  var dayMonthYear: String {
    guard precision == .day, let month, let day else { return description }
    return "\(day) \(Self.monthNames[month - 1]) \(Self.yearText(year))"
  }
}
