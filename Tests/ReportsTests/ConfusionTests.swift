import Reports
import Testing

@Suite("Wrong answers and what they were confused with")
struct ConfusionTests {
  static let card = CatalogCard(
    id: "fall", kind: "when", group: "fall", prompt: "When did Kalbajar fall?", answer: "April 3, 1993", answerType: "date")
  static let who = CatalogCard(
    id: "planner", kind: "who", group: "planner", prompt: "Who planned it?", answer: "Gurgen Dalibaltyan", answerType: "name")
  static let count = CatalogCard(id: "area", kind: "quantity", group: "area", prompt: "How many km²?", answer: "1,900", answerType: "number")
  static let catalog = CardCatalog(
    deckID: "k", deckTitle: "K", entityNames: ["Monte Melkonian": "person", "Omar Pass": "place"], cards: [card, who, count])

  @Test(arguments: [
    ("April 3, 1992", card, "a year off"),
    ("1994-04-03", card, "a year off"),
    ("3 May 1993", card, "right year, wrong month"),
    ("April 2, 1993", card, "a day off"),
    ("April 13, 1993", card, "right month, wrong day"),
    ("1988", card, "5 years off"),
    ("monte  MELKONIAN", who, "another person in the deck"),
    ("omar pass", who, "another place in the deck"),
    ("Dalibaltyan", who, "part of the answer"),
    ("2,000", count, "close: within 10%"),
    ("19000", count, "off by a factor of 10"),
    ("500", count, "too low"),
  ])
  func classifies(wrong: String, card: CatalogCard, expected: String) {
    #expect(Confusions.classify(wrong, card: card, catalog: Self.catalog) == expected)
  }

  static func dated(_ answer: String) -> CatalogCard {
    CatalogCard(id: "d", kind: "date", group: "d", prompt: "When?", answer: answer, answerType: "date")
  }

  @Test("dates across history: the era, the part, the decade or century, the season", arguments: [
    ("44 AD", "44 BC", "wrong era"),
    ("43 BC", "44 BC", "a year off"),
    ("AD 2", "1 BC", "2 years off"),
    ("AD 1", "1 BC", "wrong era"),
    ("the 10s", "the 20s BC", "2 decades off"),
    ("early 1980s", "the late 1980s", "right decade, wrong part"),
    ("the 1990s", "the late 1980s", "a decade off"),
    ("the 1350s", "the 1330s", "2 decades off"),
    ("the 13th century", "the 11th century", "2 centuries off"),
    ("the 5th century AD", "the 5th century BC", "wrong era"),
    ("spring 1992", "summer 1992", "right year, wrong season"),
    ("summer 1993", "summer 1992", "a year off"),
  ])
  func classifiesDates(wrong: String, answer: String, expected: String) {
    #expect(Confusions.classify(wrong, card: Self.dated(answer), catalog: nil) == expected)
  }

  @Test func numbersAndDatesAreRecognisedInMultipleChoiceToo() {
    let duration = CatalogCard(id: "d", kind: "choice", group: "d", prompt: "How long?", answer: "8 hours")
    #expect(Confusions.classify("5 hours", card: duration, catalog: nil) == "too low")
    #expect(Confusions.classify("5 days", card: duration, catalog: nil) == nil)
    let day = CatalogCard(id: "w", kind: "choice", group: "w", prompt: "When?", answer: "April 3, 1993")
    #expect(Confusions.classify("April 3, 1992", card: day, catalog: nil) == "a year off")
    let unit = CatalogCard(id: "u", kind: "choice", group: "u", prompt: "Which unit?", answer: "709th brigade")
    #expect(Confusions.classify("Russian 128th Regiment", card: unit, catalog: nil) == nil)
  }

  @Test func anotherCardsAnswerIsRecognised() {
    #expect(Confusions.classify("April 3, 1993", card: Self.who, catalog: Self.catalog) == "the answer to another card (when)")
  }

  @Test func groupsSpellingsAndCountsThem() {
    let grouped = Confusions.group(
      [("Özal", 1), ("ozal", 2), ("OZAL.", 1), ("Elchibey", 3), ("", 5)], card: nil, catalog: nil)
    #expect(grouped.map(\.count) == [4, 3])
    #expect(grouped.first?.answer == "ozal")
  }

  @Test func groupsAnswersThatDifferOnlyByALeadingArticleOrPossessive() {
    let grouped = Confusions.group(
      [("the Omar Pass", 1), ("Omar pass", 2), ("Melkonian's", 1), ("melkonian", 1)], card: nil, catalog: nil)
    #expect(grouped.map(\.count) == [3, 2])
    #expect(grouped.first?.answer == "Omar pass")
  }
}
