import EventDeck
import Foundation

/// Checks typed answers: dates to the precision the deck gives, numbers within tolerance, names and text with
/// case, accents and punctuation ignored and a small typo forgiven as a near miss.
public struct BasicJudge: AnswerJudging {
  public init() {}

  public func judge(_ typed: String, card: StudyCard) -> Judgement {
    let typed = typed.trimmingCharacters(in: .whitespaces)
    switch card.form {
    case .choice(let options): return judgeChoice(typed, options: options, card: card)
    case .ordering(let items): return judgeOrdering(typed, items: items, card: card)
    case .typed: break
    }
    switch card.answerType {
    case .date: if let date = card.date { return judgeDate(typed, expected: date, card: card) }
    case .number: if let number = card.number { return judgeNumber(typed, expected: number, card: card) }
    case .text, .name: break
    }
    return judgeText(typed, card: card)
  }

  /// Lower case, accents folded, punctuation as spaces, single spaces, no leading "the".
  public static func normalize(_ text: String) -> String {
    let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    let spaced = String(folded.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "%" ? Character($0) : " " })
    var words = spaced.split(separator: " ").map(String.init)
    if words.first == "the" && words.count > 1 { words.removeFirst() }
    return words.joined(separator: " ")
  }

  private func judgeText(_ typed: String, card: StudyCard) -> Judgement {
    let given = Self.normalize(typed)
    let candidates = ([card.answer] + card.accepted).map(Self.normalize).filter { !$0.isEmpty }
    guard !given.isEmpty else { return Judgement(outcome: .wrong, expected: card.answer) }
    if candidates.contains(given) { return Judgement(outcome: .correct, expected: card.answer) }
    for candidate in candidates {
      let allowed = candidate.count >= 8 ? 2 : candidate.count >= 4 ? 1 : 0
      if allowed > 0 && Self.editDistance(given, candidate) <= allowed {
        return Judgement(outcome: .close, expected: card.answer, explanation: "a small misspelling")
      }
    }
    return Judgement(outcome: .wrong, expected: card.answer)
  }

  private func judgeChoice(_ typed: String, options: [String], card: StudyCard) -> Judgement {
    var picked: String?
    if let number = Int(typed), options.indices.contains(number - 1) {
      picked = options[number - 1]
    } else {
      picked = options.first { Self.normalize($0) == Self.normalize(typed) }
    }
    guard let picked else {
      return Judgement(outcome: .wrong, expected: card.answer, explanation: "answer with the option's number")
    }
    return Judgement(outcome: Self.normalize(picked) == Self.normalize(card.answer) ? .correct : .wrong, expected: card.answer)
  }

  private func judgeOrdering(_ typed: String, items: [String], card: StudyCard) -> Judgement {
    let numbers = typed.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    guard numbers.count == items.count, Set(numbers) == Set(1...items.count) else {
      return Judgement(
        outcome: .wrong, expected: card.answer,
        explanation: "type the numbers of all \(items.count) items in order, like \"\((1...items.count).reversed().map(String.init).joined(separator: " "))\"")
    }
    let order = numbers.map { items[$0 - 1] }
    if order == card.correctOrder { return Judgement(outcome: .correct, expected: card.answer) }
    let inPlace = zip(order, card.correctOrder).filter { $0 == $1 }.count
    return Judgement(
      outcome: inPlace * 2 >= items.count && items.count > 2 ? .close : .wrong, expected: card.answer,
      explanation: "\(inPlace) of \(items.count) in the right place")
  }

  private func judgeNumber(_ typed: String, expected: Double, card: StudyCard) -> Judgement {
    let digits = typed.replacingOccurrences(of: ",", with: "")
    let token = digits.split(whereSeparator: { !($0.isNumber || $0 == ".") }).first.flatMap { Double($0) }
    guard let value = token else {
      return Judgement(outcome: .wrong, expected: card.answer, explanation: "the answer is a number")
    }
    let difference = abs(value - expected)
    if difference <= (card.tolerance ?? 0) { return Judgement(outcome: .correct, expected: card.answer) }
    if difference <= abs(expected) * 0.2 {
      return Judgement(outcome: .close, expected: card.answer, explanation: "close, but outside the accepted range")
    }
    return Judgement(outcome: .wrong, expected: card.answer)
  }

  private func judgeDate(_ typed: String, expected: HistoricalDate, card: StudyCard) -> Judgement {
    guard let given = Self.parseDate(typed) else {
      return Judgement(outcome: .wrong, expected: card.answer, explanation: "the answer is a date, like \"April 3, 1993\"")
    }
    guard given.year == expected.year else {
      return Judgement(
        outcome: .wrong, expected: card.answer,
        explanation: abs(given.year - expected.year) == 1 ? "one year off" : nil)
    }
    guard let month = expected.month else { return Judgement(outcome: .correct, expected: card.answer) }
    guard let givenMonth = given.month else {
      return Judgement(outcome: .close, expected: card.answer, explanation: "the right year; the deck knows the month")
    }
    guard givenMonth == month else {
      return Judgement(outcome: .close, expected: card.answer, explanation: "the right year, but not the month")
    }
    guard let day = expected.day else { return Judgement(outcome: .correct, expected: card.answer) }
    guard let givenDay = given.day else {
      return Judgement(outcome: .close, expected: card.answer, explanation: "the right month; the deck knows the day")
    }
    return givenDay == day
      ? Judgement(outcome: .correct, expected: card.answer)
      : Judgement(outcome: .close, expected: card.answer, explanation: "the right month, but not the day")
  }

  /// Reads "1993", "April 1993", "3 April 1993", "April 3, 1993", "1993-04-03" or "1993-04".
  public static func parseDate(_ text: String) -> HistoricalDate? {
    let tokens = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    var year: Int?
    var month: Int?
    var day: Int?
    var numbers: [Int] = []
    for token in tokens {
      if let number = Int(token) {
        if token.count >= 3 && year == nil { year = number } else { numbers.append(number) }
      } else if token.count >= 3, let index = months.firstIndex(where: { token.hasPrefix($0) }) {
        month = index + 1
      }
    }
    guard let year else { return nil }
    if month == nil, let first = numbers.first, (1...12).contains(first) {
      month = first
      numbers.removeFirst()
    }
    if let first = numbers.first, (1...31).contains(first), month != nil { day = first }
    return HistoricalDate(year: year, month: month, day: day)
  }

  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
