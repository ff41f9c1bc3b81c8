import TextKit
import CardBuilder
import EventDeck

/// How many of a hand-made deck's date, number and name answers a draft also asks.
public struct DraftCoverage: Sendable {
  /// One sort of answer: how many the hand deck has, which the draft asks too, which it misses.
  public struct Tally: Sendable {
    public var covered: [String]
    public var missed: [String]
    public var total: Int { covered.count + missed.count }
    public var ratio: Double { total == 0 ? 1 : Double(covered.count) / Double(total) }
  }

  public var dates: Tally
  public var numbers: Tally
  public var names: Tally

  /// All three together.
  public var ratio: Double {
    let total = dates.total + numbers.total + names.total
    return total == 0 ? 1 : Double(dates.covered.count + numbers.covered.count + names.covered.count) / Double(total)
  }

  /// Compares the distinct answers: event dates (start and end; "by" and "circa" aside), quantity values (event
  /// quantities and number facts), and entity names (any name or alias of one matching any of the other's).
  public init(hand: Deck, draft: Deck) {
    func dateKey(_ d: DateSpec) -> String { d.start.iso + (d.end.map { "/" + $0.iso } ?? "") }
    let draftDates = Set(draft.events.compactMap { $0.date.map(dateKey) })
    var seenDates = Set<String>()
    var dates = Tally(covered: [], missed: [])
    for e in hand.events {
      guard let d = e.date, seenDates.insert(dateKey(d)).inserted else { continue }
      if draftDates.contains(dateKey(d)) { dates.covered.append(dateKey(d)) } else { dates.missed.append(dateKey(d)) }
    }
    var draftNumbers = Set(draft.events.flatMap { $0.quantities.map(\.value) })
    for f in draft.facts where f.answerType == .number {
      if let r = NumberReader.read(f.term) { draftNumbers.insert(r.value) }
    }
    var seenNumbers = Set<Double>()
    var numbers = Tally(covered: [], missed: [])
    for q in hand.events.flatMap(\.quantities) where seenNumbers.insert(q.value).inserted {
      let label = Phrasing.number(q.value) + (q.unit.map { " " + $0 } ?? "")
      if draftNumbers.contains(q.value) { numbers.covered.append(label) } else { numbers.missed.append(label) }
    }
    let draftNames = Set(draft.entities.flatMap { $0.allNames.map(AnswerText.key) })
    var names = Tally(covered: [], missed: [])
    for e in hand.entities {
      if e.allNames.contains(where: { draftNames.contains(AnswerText.key($0)) }) {
        names.covered.append(e.name)
      } else {
        names.missed.append(e.name)
      }
    }
    self.dates = dates
    self.numbers = numbers
    self.names = names
  }

  /// "dates 30/45 (67%), numbers …, names …; overall …".
  public var summary: String {
    func part(_ label: String, _ t: Tally) -> String {
      "\(label) \(t.covered.count)/\(t.total) (\(Int((t.ratio * 100).rounded()))%)"
    }
    return [part("dates", dates), part("numbers", numbers), part("names", names)].joined(separator: ", ")
      + "; overall \(Int((ratio * 100).rounded()))%"
  }
}
