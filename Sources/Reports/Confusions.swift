import AnswerCheck
import CardBuilder
import EventDeck
import Foundation
import TextKit

/// Groups wrong answers that differ only in case, accents, spacing, punctuation or a leading article, and says what each was
/// confused with: another entity of the deck, another card's answer, a date a year off, a nearby number.
public enum Confusions {
  /// Wrong answers merged by normalised form, most frequent first (ties: alphabetical), each with its confusion.
  public static func group(
    _ answers: [(text: String, count: Int)], card: Card?, catalog: CardCatalog?, limit: Int = 5
  ) -> [WrongAnswer] {
    merged(answers, limit: limit).map {
      WrongAnswer(answer: $0.answer, count: $0.count, confusion: classify($0.answer, card: card, catalog: catalog))
    }
  }

  /// Wrong answers merged by normalised form, most frequent first (ties: alphabetical), their confusions not yet
  /// named: what `group` does before `classify`, which needs the card's text and its deck.
  public static func merged(_ answers: [(text: String, count: Int)], limit: Int = 5) -> [WrongAnswer] {
    var groups: [String: (text: String, count: Int, best: Int)] = [:]
    for answer in answers {
      let key = AnswerText.key(answer.text)
      guard !key.isEmpty else { continue }
      if var group = groups[key] {
        group.count += answer.count
        // Show the spelling given most often.
        if answer.count > group.best { group.text = answer.text; group.best = answer.count }
        groups[key] = group
      } else {
        groups[key] = (answer.text, answer.count, answer.count)
      }
    }
    return groups.values
      .sorted { ($0.count, AnswerText.key($1.text)) > ($1.count, AnswerText.key($0.text)) }
      .prefix(limit)
      .map { WrongAnswer(answer: $0.text, count: $0.count) }
  }

  /// What `wrong` was mistaken for, or nil when nothing is recognised.
  public static func classify(_ wrong: String, card: Card?, catalog: CardCatalog?) -> String? {
    let key = AnswerText.key(wrong)
    if let card {
      let answerKey = AnswerText.key(card.answer)
      let category = catalog?.category(of: card) ?? CardCategory(kind: card.kind, id: card.id)
      // Dates and numbers are recognised by the card's type, or, for multiple choice and other kinds, when both
      // the answer and the wrong answer read as one (and a number's words around it agree: "5 hours", "8 hours").
      let datesAsked = category == .dates
      if let given = date(wrong), let expected = date(card.answer),
        datesAsked || (given.month != nil && expected.month != nil)
      {
        if let note = difference(given, from: expected) { return note }
      }
      let numbersAsked = category == .numbers || sameWords(wrong, card.answer)
      if numbersAsked, let given = number(in: wrong), let expected = number(in: card.answer), expected != 0 {
        let ratio = given / expected
        if abs(ratio - 1) <= 0.1 { return "close: within 10%" }
        if abs(ratio - 10) < 0.5 || abs(ratio - 0.1) < 0.005 { return "off by a factor of 10" }
        return ratio > 1 ? "too high" : "too low"
      }
      if !answerKey.isEmpty && key != answerKey && (answerKey.contains(key) || key.contains(answerKey)) && key.count >= 3 {
        return "part of the answer"
      }
    }
    if let catalog {
      for (name, kind) in catalog.entityNames.sorted(by: { $0.key < $1.key }) where AnswerText.key(name) == key {
        return "another \(kind) in the deck"
      }
      if let other = catalog.cards.first(where: { $0.id != card?.id && AnswerText.key($0.answer) == key }) {
        return "the answer to another card (\(other.kind))"
      }
    }
    return nil
  }

  /// Whether two answers have the same words once their digits are taken out ("5 hours" and "8 hours").
  static func sameWords(_ a: String, _ b: String) -> Bool {
    func words(_ text: String) -> String { AnswerText.key(String(text.filter { !$0.isNumber })) }
    let left = words(a)
    return left == words(b) && a.contains(where: \.isNumber) && b.contains(where: \.isNumber)
  }

  /// The first number in `text` ("1,900", "about 60000").
  static func number(in text: String) -> Double? {
    var digits = ""
    var started = false
    for char in text {
      if char.isNumber || (started && char == ".") {
        digits.append(char)
        started = true
      } else if started && char == "," {
        continue
      } else if started {
        break
      }
    }
    return Double(digits)
  }
}

extension Confusions {
  /// A typed date as the answer checker reads it ("3 April 1993", "44 BC", "the 1330s"), or nil.
  static func date(_ text: String) -> HistoricalDate? {
    if case .date(let date, _, _)? = TypedDateReader.read(text) { return date }
    // A span as cards show it ("February 1993 – March 1993", "1993 – 1994") is compared by its start.
    guard let dash = text.range(of: " – ") else { return nil }
    guard case .date(let start, _, _)? = TypedDateReader.read(String(text[..<dash.lowerBound])) else { return nil }
    return start
  }

  /// "a year off", "right year, wrong month", "right month, wrong day", "3 years off", "wrong era",
  /// "a decade off", "right century, wrong part"; nil when equal or not comparable.
  static func difference(_ given: HistoricalDate, from expected: HistoricalDate) -> String? {
    guard given != expected else { return nil }
    if given.otherEra == expected { return "wrong era" }
    if let scale = expected.scale, given.scale == scale {
      let unit = scale == .decade ? "decade" : "century"
      if given.whole == expected.whole { return "right \(unit), wrong part" }
      // Decades and centuries counted in order, with no "0s" or century 0 between BC and AD.
      let (a, b) = scale == .decade ? (given.year / 10, expected.year / 10) : (given.century ?? 0, expected.century ?? 0)
      let off = abs(a - b) - ((a < 0) != (b < 0) ? 1 : 0)
      return off <= 1 ? "a \(unit) off" : "\(off) \(scale == .decade ? "decades" : "centuries") off"
    }
    guard given.scale == nil, expected.scale == nil else { return nil }
    let years = abs(HistoricalDate.astronomical(given.year) - HistoricalDate.astronomical(expected.year))
    if years == 1 { return "a year off" }
    if years > 1 { return "\(years) years off" }
    if let m = given.month, let em = expected.month, m != em { return "right year, wrong month" }
    if let s = given.season, let es = expected.season, s != es { return "right year, wrong season" }
    if let d = given.day, let ed = expected.day, d != ed { return abs(d - ed) == 1 ? "a day off" : "right month, wrong day" }
    return nil
  }
}
