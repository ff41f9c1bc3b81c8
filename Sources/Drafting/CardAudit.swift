import TextKit
import CardBuilder
import EventDeck

/// Checks that a deck's cards tell no lie: each card's answer stands in the sentence the card quotes.
///
/// Names, titles and other text answers must appear word for word, in order, in the quote; a date's day, month
/// and year must each stand there (a year the draft took from an earlier sentence, in that sentence); a number
/// must be written there in figures or words, with its unit. Citation marks and case do not count.
public enum CardAudit {
  /// A card whose answer its quote does not bear out.
  public struct Finding: Sendable, Equatable, CustomStringConvertible {
    public var card: String
    public var item: String
    public var kind: CardKind
    public var answer: String
    public var reason: String

    public var description: String { "\(card): '\(answer)' \(reason)" }
  }

  /// The findings for `cards`, built from `deck`; `yearSources` maps an event id to the sentence its year came
  /// from (`Draft.yearSources` resolved to text).
  public static func check(_ cards: [Card], deck: Deck, yearSources: [String: String] = [:]) -> [Finding] {
    var titleQuotes: [String: [String]] = [:]
    for e in deck.events {
      if let q = e.source?.text { titleQuotes[AnswerText.key(Phrasing.capitalizedFirst(e.title)), default: []].append(q) }
    }
    var out: [Finding] = []
    for card in cards {
      func fail(_ reason: String, _ answer: String? = nil) {
        out.append(Finding(card: card.id, item: card.item, kind: card.kind, answer: answer ?? card.answer, reason: reason))
      }
      guard let source = card.source else {
        fail("has no quote")
        continue
      }
      let quote = words(source)
      let yearQuote = yearSources[card.item].map(words) ?? []
      switch card.expectation {
      case .date(let d):
        if let why = dateMissing(d.spec, in: quote, years: yearQuote) { fail(why) }
      case .quantity(let q):
        if let why = quantityMissing(q.value, unit: q.unit, qualifier: q.qualifier, in: source) { fail(why) }
      case .choice(let correct):
        let answer = card.choices.indices.contains(correct) ? card.choices[correct] : card.answer
        if card.id.hasSuffix("/choice/date") {
          if !answerWords(answer).filter({ $0 != "the" && $0 != "ad" }).allSatisfy({ quote.contains($0) || yearQuote.contains($0) }) {
            fail("is not the date the quote gives", answer)
          }
        } else if card.id.contains("/choice/quantity-") {
          if let reading = NumberReader.read(answer),
            let why = quantityMissing(reading.value, unit: nil, qualifier: .exact, in: source)
          {
            fail(why, answer)
          }
        } else if !isSubsequence(answerWords(answer), of: quote)
          && !((card.kind == .choice || card.kind == .actor || card.kind == .place)
            && deck.entities.contains { e in e.allNames.contains(answer) && e.allNames.contains { isSubsequence(answerWords($0), of: quote) } })
        {
          fail("does not stand in the quote", answer)
        }
      case .ordering:
        for title in card.choices {
          let quotes = titleQuotes[AnswerText.key(title)] ?? []
          if !quotes.contains(where: { isSubsequence(answerWords(title), of: words($0)) }) {
            fail("is not drawn from its event's quote", title)
          }
        }
      case .entity(let ids):
        // The entity by any of its names: "Honecker" in the quote answers "Erich Honecker".
        let names = ids.flatMap { deck.entity($0)?.allNames ?? [] } + card.acceptedForms
        if !names.contains(where: { isSubsequence(answerWords($0), of: quote) }) { fail("does not stand in the quote") }
      case .text:
        if !isSubsequence(answerWords(card.answer), of: quote) { fail("does not stand in the quote") }
      }
    }
    return out
  }

  /// Lower-case words of a text, citation marks, possessives and thousands commas dropped.
  static func words(_ text: String) -> [String] {
    Token.tokenize(Array(SentenceSplitter.stripCitations(text))).filter(\.isWord).map {
      var w = EntityExtractor.stripPossessive($0.text).lowercased().replacingOccurrences(of: ",", with: "")
      if w.hasSuffix("."), w.count > 1 { w.removeLast() }
      return w
    }
  }

  static func answerWords(_ text: String) -> [String] { words(text) }

  static func isSubsequence(_ needle: [String], of hay: [String]) -> Bool {
    guard !needle.isEmpty else { return true }
    var k = 0
    for w in hay where k < needle.count && (w == needle[k] || w.split(separator: "-").contains(Substring(needle[k]))) {
      k += 1
    }
    return k == needle.count
  }

  static func dateMissing(_ spec: DateSpec, in quote: [String], years: [String]) -> String? {
    func has(_ w: String) -> Bool { quote.contains { $0 == w || $0.split(separator: "-").contains(Substring(w)) } }
    for d in [spec.start] + (spec.end.map { [$0] } ?? []) {
      switch d.precision {
      case .century:
        let n = abs(d.century ?? 0)
        let ordinalWord = DateExtractor.ordinalWords.indices.contains(n - 1) ? DateExtractor.ordinalWords[n - 1] : ""
        if !(has(HistoricalDate.ordinal(n).lowercased()) || has(ordinalWord)) || !has("century") {
          return "names a century the quote does not"
        }
      case .decade:
        if !has("\(abs(d.year))s") && !has("mid-\(abs(d.year))s") { return "names a decade the quote does not" }
      default:
        let y = String(abs(d.year))
        if !has(y) && !years.contains(y) { return "names a year the quote does not" }
        if let season = d.season, !has(season.rawValue) && !(season == .autumn && has("fall")) {
          return "names a season the quote does not"
        }
      }
      if d.isBC && !(has("bc") || has("bce") || has("b.c")) { return "says BC where the quote does not" }
      if let p = d.part, !has(p.rawValue) { return "says '\(p.rawValue)' where the quote does not" }
      if let m = d.month, (1...12).contains(m), !has(DateExtractor.months[m - 1]) {
        return "names a month the quote does not"
      }
      if let day = d.day, !quote.contains(where: { DateExtractor.day(Token(text: $0, start: 0, end: 0)) == day }) {
        return "names a day the quote does not"
      }
    }
    return nil
  }

  static func quantityMissing(_ value: Double, unit: String?, qualifier: QuantityQualifier, in source: String) -> String? {
    let plain = SentenceSplitter.stripCitations(source)
    let chars = Array(plain)
    let tokens = Token.tokenize(chars)
    if qualifier == .severalHundred {
      return plain.lowercased().contains("several hundred") ? nil : "says 'several hundred', which the quote does not"
    }
    let found = QuantityExtractor.extract(chars, tokens: tokens, taken: [])
    let numerals = tokens.compactMap { $0.isNumeral ? Double($0.text.filter { $0 != "," }) : nil }
    guard found.contains(where: { $0.value == value }) || numerals.contains(value) else {
      return "is a number the quote does not give"
    }
    if let unit, unit != "%" {
      let w = words(plain)
      let unitWords = words(unit)
      let singular = unit == "men" ? ["man"] : unitWords.map { $0.hasSuffix("s") ? String($0.dropLast()) : $0 }
      if !isSubsequence(unitWords, of: w) && !w.contains(where: { $0.hasSuffix("-" + (singular.first ?? "")) }) {
        return "has a unit ('\(unit)') the quote does not give"
      }
    }
    return nil
  }
}
