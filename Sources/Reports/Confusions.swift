import CardBuilder
import Foundation
import TextKit

/// Groups wrong answers that differ only in case, accents, spacing, punctuation or a leading article, and says what each was
/// confused with: another entity of the deck, another card's answer, a date a year off, a nearby number.
public enum Confusions {
  /// Wrong answers merged by normalised form, most frequent first (ties: alphabetical), each with its confusion.
  public static func group(
    _ answers: [(text: String, count: Int)], card: Card?, catalog: CardCatalog?, limit: Int = 5
  ) -> [WrongAnswer] {
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
      .map { WrongAnswer(answer: $0.text, count: $0.count, confusion: classify($0.text, card: card, catalog: catalog)) }
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
      if let given = PartialDate(wrong), let expected = PartialDate(card.answer),
        datesAsked || (given.month != nil && expected.month != nil)
      {
        if let note = given.difference(from: expected) { return note }
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

/// A date as typed: a year with perhaps a month and day ("3 April 1993", "1993-04-03", "April 1993").
struct PartialDate: Equatable {
  var year: Int
  var month: Int?
  var day: Int?

  static let months = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  ]

  init?(_ text: String) {
    let words = AnswerText.key(text).split(separator: " ").map(String.init)
    var year: Int?
    var month: Int?
    var day: Int?
    var numbers: [Int] = []
    for word in words {
      if let value = Int(word) {
        if word.count == 4 { year = value } else { numbers.append(value) }
      } else if let index = Self.months.firstIndex(where: { word.hasPrefix($0) }) {
        month = index + 1
      }
    }
    guard let year else { return nil }
    if month == nil, numbers.count >= 2 {  // ISO order after the year: 1993-04-03
      month = numbers[0]
      day = numbers[1]
    } else if let first = numbers.first {
      day = first
    }
    self.year = year
    self.month = month
    self.day = day
  }

  /// "a year off", "right year, wrong month", "right month, wrong day", "3 years off", or nil when equal.
  func difference(from expected: PartialDate) -> String? {
    let years = abs(year - expected.year)
    if years == 1 { return "a year off" }
    if years > 1 { return "\(years) years off" }
    if let m = month, let em = expected.month, m != em { return "right year, wrong month" }
    if let d = day, let ed = expected.day, d != ed { return abs(d - ed) == 1 ? "a day off" : "right month, wrong day" }
    return nil
  }
}
