import AnswerCheck
import CardBuilder
import EventDeck
import Foundation
import StableRandom

/// Cards generated per second on a generated 10,000-event deck, and answers checked per second.
func runCardsBench(events eventCount: Int = 10_000) {
  let deck = benchDeck(events: eventCount)
  let clock = ContinuousClock()

  var cards: [Card] = []
  var builder = CardBuilder(deck: deck)
  let buildTime = clock.measure {
    builder = CardBuilder(deck: deck)
    cards = builder.cards()
  }
  // A second run, to report a warm figure too.
  let warmTime = clock.measure { cards = CardBuilder(deck: deck).cards() }
  let buildSeconds = seconds(buildTime)
  let warmSeconds = seconds(warmTime)
  print(
    "cards: \(eventCount) events, \(deck.entities.count) entities → \(cards.count) cards in "
      + String(format: "%.3f s (%.0f cards/s); again %.3f s (%.0f cards/s)", buildSeconds,
               Double(cards.count) / buildSeconds, warmSeconds, Double(cards.count) / warmSeconds))

  // Answers: for each card, its right answer, a typo, a wrong answer and a non-answer, cycling over kinds.
  let checker = AnswerChecker(lexicon: builder.lexicon)
  let sample = stride(from: 0, to: cards.count, by: max(1, cards.count / 20_000)).map { cards[$0] }
  var answers: [(Card, String)] = []
  for (i, card) in sample.enumerated() {
    switch i % 4 {
    case 0: answers.append((card, card.answer))
    case 1: answers.append((card, String(card.answer.dropLast())))
    case 2: answers.append((card, "April 3, 1993"))
    default: answers.append((card, "60,000"))
    }
  }
  var outcomes: [Verdict.Outcome: Int] = [:]
  let checkTime = clock.measure {
    for (card, answer) in answers { outcomes[checker.check(answer, for: card).outcome, default: 0] += 1 }
  }
  let checkSeconds = seconds(checkTime)
  // Per kind of expected answer, to show where checking time goes.
  var perKind: [String: (Int, Double)] = [:]
  for (card, answer) in answers {
    let kind: String
    switch card.expectation {
    case .entity: kind = "name"
    case .text: kind = "text"
    case .date: kind = "date"
    case .quantity: kind = "number"
    case .choice: kind = "choice"
    case .ordering: kind = "ordering"
    }
    let t = seconds(clock.measure { _ = checker.check(answer, for: card) })
    perKind[kind, default: (0, 0)].0 += 1
    perKind[kind, default: (0, 0)].1 += t
  }
  let breakdown = perKind.sorted { $0.key < $1.key }.map { String(format: "%@ %.0f/s", $0.key, Double($0.value.0) / $0.value.1) }
    .joined(separator: ", ")
  let summary = outcomes.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) \($0.key.rawValue)" }
    .joined(separator: ", ")
  print(
    "check: \(answers.count) answers in "
      + String(format: "%.3f s (%.0f answers/s)", checkSeconds, Double(answers.count) / checkSeconds)
      + " [\(summary)]; by answer type: \(breakdown)")
}

private func seconds(_ d: Duration) -> Double {
  Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// A deterministic deck: `events` events over 40 years, with people, places, units, quantities and facts.
func benchDeck(events count: Int) -> Deck {
  var rng = SplitMix64(seed: "annals-bench-cards")
  let peopleCount = max(10, count / 10)
  let placeCount = max(10, count / 10)
  let unitCount = max(5, count / 50)
  let first = ["Monte", "Markar", "Gurgen", "Serzh", "Samvel", "Surat", "Vafa", "Abulfaz", "Heydar", "Levon", "Turgut"]
  let last = ["Melkonian", "Dalibaltyan", "Sargsyan", "Karapetyan", "Huseynov", "Guluzade", "Elchibey", "Aliyev", "Özal"]
  var people: [Entity] = []
  for i in 0..<peopleCount {
    let name = "\(first[i % first.count]) \(last[(i / first.count) % last.count]) \(i)"
    people.append(Entity(id: "person-\(i)", kind: .person, name: name, aliases: ["\(last[(i / first.count) % last.count]) \(i)"],
                         role: "commander number \(i) of the \(i % 7 + 1)th front"))
  }
  var places: [Entity] = []
  for i in 0..<placeCount {
    places.append(Entity(id: "place-\(i)", kind: .place, name: "Village \(i)", aliases: ["the village \(i)"],
                         within: i > 10 ? "place-\(i % 10)" : nil, type: "village of the \(i % 5 + 1)th district"))
  }
  var units: [Entity] = []
  for i in 0..<unitCount {
    units.append(Entity(id: "unit-\(i)", kind: .unit, name: "\(i + 1)th brigade", type: "brigade of the \(i % 3 + 1)th army"))
  }
  var events: [Event] = []
  let base = HistoricalDate(year: 1960, month: 1, day: 1).dayNumber
  for i in 0..<count {
    let day = HistoricalDate(dayNumber: base + rng.below(40 * 365))
    let precision = rng.below(10)
    let date: DateSpec
    switch precision {
    case 0: date = DateSpec(start: HistoricalDate(year: day.year))
    case 1: date = DateSpec(start: HistoricalDate(year: day.year, month: day.month))
    case 2: date = DateSpec(start: day, qualifier: .by)
    case 3: date = DateSpec(start: HistoricalDate(year: day.year, month: day.month), qualifier: .circa)
    default: date = DateSpec(start: day)
    }
    let place = "place-\(rng.below(placeCount))"
    let actor = rng.below(3) == 0 ? "unit-\(rng.below(unitCount))" : "person-\(rng.below(peopleCount))"
    var quantities: [Quantity] = []
    if i % 3 == 0 {
      quantities.append(Quantity(id: "men", value: Double(100 * (1 + rng.below(600))), unit: "men",
                                 qualifier: i % 2 == 0 ? .about : .exact, counts: "men took part in operation \(i)"))
    }
    events.append(
      Event(
        id: "event-\(i)", title: "the operation number \(i) near the river", date: date, places: [place], actors: [actor],
        quantities: quantities, outcome: i % 4 == 0 ? "The front moved \(i % 13 + 1) kilometres." : nil,
        source: Quote(text: "Operation \(i) was fought near Village \(place.dropFirst(6)) by the troops on that day.")))
  }
  var facts: [Fact] = []
  for i in 0..<(count / 10) {
    facts.append(Fact(id: "fact-\(i)", statement: "The \(i)th depot held \(i * 10 + 5) tanks.", term: "\(i * 10 + 5)",
                      question: "How many tanks did the \(i)th depot hold?", answerType: .number))
  }
  return Deck(id: "bench", title: "Bench", people: people, places: places, units: units, events: events, facts: facts)
}
