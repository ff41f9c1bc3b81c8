import CardBuilder
import Drafting
import EventDeck
import Testing

/// The audit catches a card whose answer its quote does not give.
@Suite struct CardAuditTests {
  static let quote = "On April 3, 1993, Armenian forces captured more than 1,900 square kilometres near Kalbajar."

  static func deck(date: DateSpec, value: Double, place: String) -> Deck {
    var deck = Deck(id: "t", title: "T")
    deck.places = [
      Entity(id: "p", kind: .place, name: place, source: Quote(text: quote)),
      Entity(id: "q", kind: .place, name: "Kalbajar", source: Quote(text: quote)),
    ]
    deck.events = [
      Event(
        id: "e", title: "Armenian forces captured an area", date: date, places: ["p"],
        quantities: [Quantity(id: "area", value: value, unit: "square kilometres", qualifier: .moreThan, counts: "square kilometres were captured")],
        source: Quote(text: quote))
    ]
    return deck
  }

  static let truthful = deck(date: DateSpec(start: HistoricalDate(year: 1993, month: 4, day: 3)), value: 1900, place: "Kalbajar")

  @Test func aTruthfulDeckPasses() {
    let cards = CardBuilder(deck: Self.truthful).cards()
    #expect(cards.contains { $0.kind == .date })
    #expect(cards.contains { $0.kind == .quantity })
    #expect(CardAudit.check(cards, deck: Self.truthful).isEmpty)
  }

  @Test func aWrongDayYearNumberOrNameIsCaught() {
    let wrongDay = Self.deck(date: DateSpec(start: HistoricalDate(year: 1993, month: 4, day: 4)), value: 1900, place: "Kalbajar")
    let wrongYear = Self.deck(date: DateSpec(start: HistoricalDate(year: 1994, month: 4, day: 3)), value: 1900, place: "Kalbajar")
    let wrongNumber = Self.deck(date: DateSpec(start: HistoricalDate(year: 1993, month: 4, day: 3)), value: 2000, place: "Kalbajar")
    let wrongPlace = Self.deck(date: DateSpec(start: HistoricalDate(year: 1993, month: 4, day: 3)), value: 1900, place: "Lachin")
    func kinds(_ deck: Deck) -> Set<String> {
      Set(CardAudit.check(CardBuilder(deck: deck).cards(), deck: deck).map(\.reason))
    }
    #expect(kinds(wrongDay).contains("names a day the quote does not"))
    #expect(kinds(wrongYear).contains("names a year the quote does not"))
    #expect(kinds(wrongNumber).contains("is a number the quote does not give"))
    #expect(kinds(wrongPlace).contains("does not stand in the quote"))
  }

  @Test func anInferredYearMustStandInTheSentenceItCameFrom() {
    var deck = Self.truthful
    deck.events[0].source = Quote(text: "On April 3, Armenian forces captured more than 1,900 square kilometres near Kalbajar.")
    let cards = CardBuilder(deck: deck).cards()
    #expect(CardAudit.check(cards, deck: deck).contains { $0.kind == .date })
    #expect(CardAudit.check(cards, deck: deck, yearSources: ["e": "The battle began in 1993."]).filter { $0.kind == .date }.isEmpty)
  }
}
