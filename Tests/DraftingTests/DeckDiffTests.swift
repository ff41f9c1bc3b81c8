import CardBuilder
import Drafting
import EventDeck
import Testing

@Suite struct DeckDiffTests {
  static func deck(title: String, withPlace: Bool, quote: String) -> Deck {
    var d = Deck(id: "d", title: "D")
    d.places = [Entity(id: "shusha", kind: .place, name: "Shusha", type: "mountain stronghold", source: Quote(text: quote))]
    d.events = [
      Event(
        id: "capture", title: title, date: DateSpec(start: HistoricalDate(year: 1992, month: 5, day: 9)),
        places: withPlace ? ["shusha"] : [], source: Quote(text: quote))
    ]
    return d
  }

  @Test func addsRetiresAndRewordsByID() {
    let quote = "On May 9, 1992, Armenian forces captured the mountain stronghold of Shusha."
    let old = Self.deck(title: "the capture of the stronghold", withPlace: true, quote: quote)
    let new = Self.deck(title: "the fall of the stronghold", withPlace: false, quote: quote)
    let diff = DeckDiff(old: old, new: new)
    let oldIDs = Set(CardBuilder(deck: old).cards().map(\.id))
    let newIDs = Set(CardBuilder(deck: new).cards().map(\.id))
    #expect(Set(diff.retired.map(\.id)) == oldIDs.subtracting(newIDs))
    #expect(Set(diff.added.map(\.id)) == newIDs.subtracting(oldIDs))
    #expect(diff.retired.contains { $0.id == "d/capture/place" })
    let date = diff.reworded.first { $0.id == "d/capture/date" }
    #expect(date?.old.prompt == "On what date was the capture of the stronghold?")
    #expect(date?.new.prompt == "On what date was the fall of the stronghold?")
    #expect(diff.lines().contains("~ d/capture/date  On what date was the capture of the stronghold? → On what date was the fall of the stronghold?"))
    #expect(diff.lines().last == diff.summary)
    #expect(DeckDiff(old: old, new: old).isEmpty)
  }
}
