import EventDeck
import StableRandom

/// The generated decks of the benchmarks and the card-digest test: the same size in, the same deck out.
public enum GeneratedDeck {
  /// A deterministic deck: `events` events over 40 years, with people, places, units, quantities and facts.
  public static func deck(events count: Int) -> Deck {
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
}
