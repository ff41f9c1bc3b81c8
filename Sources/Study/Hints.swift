import CardBuilder
import EventDeck

/// Progressive hints for a card: the first gives little away, each further one more.
public enum Hints {
  /// The hint at `level` (0-based), or nil when there is no further hint.
  ///
  /// Dates give the decade, then the year, then the month; numbers their count of digits, then the first
  /// digit; names and text their first letter, then the first letter and length of each word.
  public static func hint(for card: StudyCard, level: Int) -> String? {
    switch card.form {
    case .choice(let options):
      let wrong = options.enumerated().filter { $0.element != card.answer }.map { $0.offset + 1 }
      guard level < max(0, wrong.count - 1) else { return nil }
      return "It is not option \(wrong[level])."
    case .ordering:
      guard level < card.correctOrder.count - 1 else { return nil }
      return "Item \(level + 1) in order is: \(card.correctOrder[level])"
    case .typed: break
    }
    if card.answerType == .date, let date = card.date {
      // Coarser than the answer, step by step: the decade (or century), the year, the month or season.
      var steps: [String] = []
      switch date.precision {
      case .century: steps = [date.isBC ? "It is BC." : "It is AD."]
      case .decade: steps = [Phrasing.capitalizedFirst(date.enclosingCentury.description) + "."]
      case .year, .season, .month, .day:
        steps.append(Phrasing.capitalizedFirst((date.enclosingDecade ?? date.enclosingCentury).description) + ".")
        steps.append("The year is \(HistoricalDate.yearText(date.year)).")
        if let season = date.season { steps.append("The season is \(season.rawValue).") }
        if let month = date.month { steps.append("The month is \(HistoricalDate.monthNames[month - 1]).") }
      }
      return level < steps.count ? steps[level] : nil
    }
    if card.answerType == .number, let number = card.number {
      let digits = String(Int(abs(number).rounded(.down)))
      switch level {
      case 0: return "A number with \(digits.count) digit\(digits.count == 1 ? "" : "s") before any decimal point."
      case 1: return "It starts with \(digits.prefix(1))."
      default: return nil
      }
    }
    let words = card.answer.split(separator: " ")
    switch level {
    case 0: return card.answer.first.map { "It starts with “\($0)”." }
    case 1:
      guard card.answer.count > 2 else { return nil }
      return words.map { word in String(word.prefix(1)) + String(repeating: "_", count: max(0, word.count - 1)) }
        .joined(separator: " ")
    default: return nil
    }
  }
}
