import AnswerCheck
import CardBuilder
import DeckFixtures
import EventDeck
import Testing

/// The history deck's date cards, and the checker that marks them.
enum History {
  static let deck = try! HistoryDeck.deck.get()
  static let builder = CardBuilder(deck: deck)
  static let cards = Dictionary(uniqueKeysWithValues: builder.cards().map { ($0.id, $0) })
  static let checker = AnswerChecker(lexicon: builder.lexicon)
}

/// Typed answers to every precision of date, marked as a teacher would: right, close and wrong for each.
@Suite("Dates across history, as answers")
struct DateAnswerTests {
  static let rows: [Row] = [
    // 44 BC: the era matters.
    Row("caesar-killed", "44 BC", .correct),
    Row("caesar-killed", "44 B.C.", .correct),
    Row("caesar-killed", "44 BCE", .correct),
    Row("caesar-killed", "BC 44", .correct),
    Row("caesar-killed", "in 44 bc", .correct),
    Row("caesar-killed", "March 15, 44 BC", .correct),
    Row("caesar-killed", "the 40s BC", .close),
    Row("caesar-killed", "the 1st century BC", .close),
    Row("caesar-killed", "44 AD", .wrong),
    Row("caesar-killed", "AD 44", .wrong),
    Row("caesar-killed", "44", .wrong),
    Row("caesar-killed", "45 BC", .wrong),
    // 476: a bare year is AD.
    Row("romulus-deposed", "476", .correct),
    Row("romulus-deposed", "AD 476", .correct),
    Row("romulus-deposed", "476 AD", .correct),
    Row("romulus-deposed", "476 CE", .correct),
    Row("romulus-deposed", "in 476", .correct),
    Row("romulus-deposed", "the 470s", .close),
    Row("romulus-deposed", "the 5th century", .close),
    Row("romulus-deposed", "477", .wrong),
    Row("romulus-deposed", "476 BC", .wrong),
    // A day.
    Row("hastings", "14 October 1066", .correct),
    Row("hastings", "October 14, 1066", .correct),
    Row("hastings", "1066-10-14", .correct),
    Row("hastings", "October 1066", .close),
    Row("hastings", "1066", .close),
    Row("hastings", "15 October 1066", .wrong),
    Row("hastings", "14 October 1067", .wrong),
    // A century.
    Row("norman-conquests", "the eleventh century", .correct),
    Row("norman-conquests", "11th century", .correct),
    Row("norman-conquests", "11th c.", .correct),
    Row("norman-conquests", "the 11th cent.", .correct),
    Row("norman-conquests", "the 1000s", .correct),
    Row("norman-conquests", "1066", .correct),
    Row("norman-conquests", "early 11th century", .correct),
    Row("norman-conquests", "the 12th century", .close),
    Row("norman-conquests", "10th century", .close),
    Row("norman-conquests", "the 1100s", .close),
    Row("norman-conquests", "the 11th century BC", .wrong),
    Row("norman-conquests", "the 13th century", .wrong),
    Row("norman-conquests", "1101", .wrong),
    // Circa a year.
    Row("magna-carta-copied", "1200", .correct),
    Row("magna-carta-copied", "circa 1200", .correct),
    Row("magna-carta-copied", "around 1200", .correct),
    Row("magna-carta-copied", "c. 1200", .correct),
    Row("magna-carta-copied", "1201", .correct),
    Row("magna-carta-copied", "the 1200s", .close),
    Row("magna-carta-copied", "1210", .wrong),
    // A decade.
    Row("black-death-spreads", "the 1330s", .correct),
    Row("black-death-spreads", "1330s", .correct),
    Row("black-death-spreads", "1330's", .correct),
    Row("black-death-spreads", "the 1330\u{2019}s", .correct),
    Row("black-death-spreads", "1335", .correct),
    Row("black-death-spreads", "the late 1330s", .correct),
    Row("black-death-spreads", "the 1340s", .close),
    Row("black-death-spreads", "the 1320s", .close),
    Row("black-death-spreads", "the 14th century", .close),
    Row("black-death-spreads", "the 1350s", .wrong),
    Row("black-death-spreads", "the 1330s BC", .wrong),
    // Part of a decade.
    Row("glasnost", "the late 1980s", .correct),
    Row("glasnost", "late 1980s", .correct),
    Row("glasnost", "the 1980s", .correct),
    Row("glasnost", "1980s", .correct),
    Row("glasnost", "1988", .correct),
    Row("glasnost", "early 1980s", .close),
    Row("glasnost", "the mid-1980s", .close),
    Row("glasnost", "the 1990s", .close),
    Row("glasnost", "the late 1970s", .close),
    Row("glasnost", "the 20th century", .close),
    Row("glasnost", "1982", .wrong),
    Row("glasnost", "the 1960s", .wrong),
    // A season.
    Row("summer-offensive", "summer 1992", .correct),
    Row("summer-offensive", "the summer of 1992", .correct),
    Row("summer-offensive", "in the summer of 1992", .correct),
    Row("summer-offensive", "June 1992", .correct),
    Row("summer-offensive", "August 15, 1992", .correct),
    Row("summer-offensive", "1992", .close),
    Row("summer-offensive", "spring 1992", .wrong),
    Row("summer-offensive", "summer 1993", .wrong),
    Row("summer-offensive", "September 1992", .wrong),
    // A winter, across the year boundary.
    Row("winter-attempt", "winter 1993–1994", .correct),
    Row("winter-attempt", "winter 1993-94", .correct),
    Row("winter-attempt", "the winter of 1993-1994", .correct),
    Row("winter-attempt", "January 1994", .correct),
    Row("winter-attempt", "December 1993", .correct),
    Row("winter-attempt", "1993–1994", .correct),
    Row("winter-attempt", "winter 1993", .close),
    Row("winter-attempt", "winter 1994", .close),
    Row("winter-attempt", "1994", .close),
    Row("winter-attempt", "winter 1994–1995", .wrong),
    Row("winter-attempt", "spring 1994", .wrong),
    // Part of a century BC.
    Row("temple-founded", "the early 5th century BC", .correct),
    Row("temple-founded", "the 5th century BC", .correct),
    Row("temple-founded", "5th century BCE", .correct),
    Row("temple-founded", "the fifth century B.C.", .correct),
    Row("temple-founded", "490 BC", .correct),
    Row("temple-founded", "late 5th century BC", .close),
    Row("temple-founded", "the 6th century BC", .close),
    Row("temple-founded", "the 5th century AD", .wrong),
    Row("temple-founded", "the 5th century", .wrong),
    Row("temple-founded", "yesterday", .wrong),
  ]

  @Test("right, close and wrong answers at every precision", arguments: rows)
  func judged(_ row: Row) throws {
    let card = try #require(History.cards["history/\(row.card)/date"])
    let verdict = History.checker.check(row.answer, for: card)
    #expect(verdict.outcome == row.outcome, "\(row.testDescription): got \(verdict.outcome) (\(verdict.explanation))")
  }

  @Test("feedback says why: the era, the part, the neighbour, the precision")
  func feedback() throws {
    func why(_ card: String, _ answer: String) throws -> String {
      History.checker.check(answer, for: try #require(History.cards["history/\(card)/date"])).explanation
    }
    #expect(try why("caesar-killed", "44 AD") == "Wrong era: the source says 44 BC.")
    #expect(try why("glasnost", "early 1980s") == "Right decade, but the source says the late 1980s.")
    #expect(try why("glasnost", "the 1980s") == "Right: the source says the late 1980s.")
    #expect(try why("norman-conquests", "the 12th century") == "A century off: the source says the 11th century.")
    #expect(try why("summer-offensive", "June 1992") == "Right: within summer 1992.")
    #expect(
      try why("summer-offensive", "1992") == "Right year, but the question asks for the season: summer 1992.")
    let winter = History.checker.check("winter 1993", for: try #require(History.cards["history/winter-attempt/date"]))
    #expect(winter.explanation == "A winter spans two years: winter 1992–1993 or winter 1993–1994?")
    #expect(winter.hint == "Write both years, e.g. winter 1993–1994.")
  }

  @Test("each date card asks at the deck's precision and shows the date as the deck gives it")
  func prompts() throws {
    let expected: [(String, String, String)] = [
      ("caesar-killed", "In what year was Julius Caesar assassinated in Rome?", "44 BC"),
      ("romulus-deposed", "In what year was Romulus Augustulus deposed?", "AD 476"),
      ("hastings", "On what date did the Normans defeat the English army at Hastings?", "October 14, 1066"),
      ("norman-conquests", "In what century did Norman adventurers conquer southern Italy?", "the 11th century"),
      ("black-death-spreads", "In which decade did plague break out in the Yuan dynasty's lands?", "the 1330s"),
      ("glasnost", "In which decade did Soviet newspapers begin printing open criticism?", "the late 1980s"),
      ("summer-offensive", "In what season and year did an offensive capture the northern districts?", "summer 1992"),
      ("winter-attempt", "In what season and year did an attempt to retake the pass fail?", "winter 1993–1994"),
      ("temple-founded", "In what century was a temple founded on the hill?", "the early 5th century BC"),
    ]
    for (item, prompt, answer) in expected {
      let card = try #require(History.cards["history/\(item)/date"])
      #expect(card.prompt == prompt)
      #expect(card.answer == answer)
    }
    let choice = try #require(History.cards["history/norman-conquests/choice/date"])
    #expect(choice.choices.contains("the 11th century"))
    #expect(choice.choices.allSatisfy { $0.contains(" century") })
    let winters = try #require(History.cards["history/winter-attempt/choice/date"])
    #expect(winters.choices.count == 4 && winters.choices.allSatisfy { $0.hasPrefix("winter ") }, "\(winters.choices)")
    let when = try #require(History.cards["history/caesar-killed/event"])
    #expect(when.prompt == "Which of these happened in 44 BC?")
  }

  @Test("orderings follow the timeline across eras")
  func ordering() throws {
    let order = try #require(History.builder.cards(kind: .order).first { $0.item == "caesar-killed" })
    let sorted = try #require(order.correctOrder).map { order.choices[$0] }
    let days = sorted.map { title in History.deck.events.first { Phrasing.capitalizedFirst($0.title) == title }!.date!.earliestDay }
    #expect(days == days.sorted())
    #expect(sorted.contains("The assassination of Julius Caesar"))
  }
}

@Suite("Reading typed dates")
struct TypedDateReaderTests {
  @Test(arguments: [
    "3 April 1993", "April 3, 1993", "3 Apr 1993", "1993-04-03", "April 3rd 1993", "the 3rd of April, 1993",
    "Apr. 3 1993", "3rd April 1993", "1993/04/03", "13.4.1993 ",
  ])
  func days(text: String) {
    guard case .date(let d, _, _)? = TypedDateReader.read(text) else { Issue.record("\(text) not read"); return }
    if text.hasPrefix("13") {
      #expect(d == HistoricalDate(year: 1993, month: 4, day: 13))
    } else {
      #expect(d == HistoricalDate(year: 1993, month: 4, day: 3), "\(text)")
    }
  }

  @Test func ambiguousAllNumberDates() {
    #expect(
      TypedDateReader.read("3/4/1993")
        == .ambiguous(HistoricalDate(year: 1993, month: 4, day: 3), HistoricalDate(year: 1993, month: 3, day: 4)))
    #expect(
      TypedDateReader.read("29/3/1993")
        == .date(HistoricalDate(year: 1993, month: 3, day: 29), qualifier: .exact, yearMissing: false))
    #expect(
      TypedDateReader.read("winter 1993")
        == .ambiguous(HistoricalDate(season: .winter, year: 1992), HistoricalDate(season: .winter, year: 1993)))
  }

  @Test func qualifiersAndPrecision() {
    #expect(
      TypedDateReader.read("by March 29, 1993")
        == .date(HistoricalDate(year: 1993, month: 3, day: 29), qualifier: .by, yearMissing: false))
    #expect(TypedDateReader.read("circa 1991") == .date(HistoricalDate(year: 1991), qualifier: .circa, yearMissing: false))
    #expect(TypedDateReader.read("c. 1200") == .date(HistoricalDate(year: 1200), qualifier: .circa, yearMissing: false))
    #expect(TypedDateReader.read("April 1993") == .date(HistoricalDate(year: 1993, month: 4), qualifier: .exact, yearMissing: false))
    #expect(
      TypedDateReader.read("April 3", assumedYear: 1993)
        == .date(HistoricalDate(year: 1993, month: 4, day: 3), qualifier: .exact, yearMissing: true))
    #expect(
      TypedDateReader.read("March 15", assumedYear: -44)
        == .date(HistoricalDate(year: -44, month: 3, day: 15), qualifier: .exact, yearMissing: true))
    #expect(TypedDateReader.read("31 February 1993") == nil)
    #expect(TypedDateReader.read("yesterday") == nil)
  }

  static let forms: [(String, HistoricalDate)] = [
    ("44 B.C.", HistoricalDate(year: -44)),
    ("44bc", HistoricalDate(year: -44)),
    ("BC 44", HistoricalDate(year: -44)),
    ("476 C.E.", HistoricalDate(year: 476)),
    ("the eleventh century", HistoricalDate(century: 11)),
    ("11th c.", HistoricalDate(century: 11)),
    ("the 1330's", HistoricalDate(decade: 1330)),
    ("during the late 1980s", HistoricalDate(decade: 1980, part: .late)),
    ("the summer of 1992", HistoricalDate(season: .summer, year: 1992)),
    ("in the fall of 1992", HistoricalDate(season: .autumn, year: 1992)),
  ]

  @Test("forms people type", arguments: forms)
  func typedForm(_ text: String, _ expected: HistoricalDate) {
    #expect(TypedDateReader.read(text) == .date(expected, qualifier: .exact, yearMissing: false))
  }
}
