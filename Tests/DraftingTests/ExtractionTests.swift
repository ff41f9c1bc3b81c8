import CardBuilder
import Drafting
import EventDeck
import Foundation
import Testing

/// Extraction tables on collected encyclopedia texts (Fixtures/README.md): every date, quantity and name found,
/// with its sentence; and each text's draft lints clean, quotes verbatim and asks nothing its quotes do not say.
@Suite struct ExtractionTests {
  static let tables: [String: [String]] = [
    "gettysburg.txt": [
      "date s0 'July 1–3, 1863' = 1863-07-01/1863-07-03",
      "date s3 'May 1863' = 1863-05",
      "date s6 'July 1, 1863' = 1863-07-01",
      "quantity s5 'three days' = 3 days",
      "quantity s6 'two' = 2 of 'armies'",
      "quantity s7 'two' = 2 of 'corps'",
      "quantity s8 'two' = 2 of 'large Confederate corps'",
      "place s0 'Gettysburg' type 'town'",
      "place s0 'Pennsylvania'",
      "person s2 'George Meade' aka Union Maj. Gen. George Meade, Meade role 'Union Maj. Gen.'",
      "unit s2 'Army of the Potomac' type 'army'",
      "person s2 'Robert E. Lee' aka Confederate Gen. Robert E. Lee, Lee role 'Confederate Gen.'",
      "unit s2 'Army of Northern Virginia' type 'army'",
      "place s2 'North'",
      "place s3 'Shenandoah Valley' type 'valley'",
      "place s3 'Chancellorsville'",
      "place s3 'Virginia'",
      "person s5 'Abraham Lincoln' aka President Abraham Lincoln role 'President'",
      "person s5 'Joseph Hooker' aka Maj. Gen. Joseph Hooker role 'Maj. Gen.'",
      "person s7 'John Buford' aka Gen. John Buford role 'Gen.'",
    ],
    // Not found: "the Ides of March" as a date, the Senate, Rome and Augustus (named once, without a place word).
    "caesar.txt": [
      "date s0 '44 BC' = 44 BC",
      "date s4 '43–42 BC' = 43 BC/42 BC",
      "quantity s1 '60' = 60",
      "quantity s1 '70' = 70 of 'individuals'",
      "quantity s1 'approximately 23' = 23 [about] of 'times'",
      "person s0 'Julius Caesar' aka Caesar",
      "place s0 'Curia of Pompey'",
      "place s0 'Theatre of Pompey'",
      "person s1 'Marcus Junius Brutus'",
      "person s1 'Gaius Cassius Longinus'",
      "person s1 'Decimus Junius Brutus Albinus'",
      "organisation s2 'Roman Republic' aka Republic type 'republic'",
      "place s5 'Roman Empire' type 'empire'",
    ],
    // Not found: Austria, the SED, the Volkskammer and Alexanderplatz (each named once, without a place word).
    "berlin-wall.txt": [
      "date s0 'April 1989' = 1989-04",
      "date s0 'early November' = by early 1989-11 (year from s0)",
      "date s4 '18 October 1989' = 1989-10-18",
      "date s5 'October' = by 1989-10 (year from s4)",
      "date s9 '1 November' = 1989-11-01 (year from s4)",
      "date s10 '4 November' = 1989-11-04 (year from s4)",
      "organisation s0 'West German Embassy' type 'embassy'",
      "place s0 'Hungary'",
      "place s0 'Czechoslovakia'",
      "place s0 'Prague'",
      "place s3 'East Germany'",
      "person s3 'Egon Krenz' aka Krenz",
      "person s3 'Alexander Schalck-Golodkowski'",
      "place s3 'West Germany'",
      "person s4 'Erich Honecker' aka Honecker role 'longtime SED leader'",
    ],
  ]

  @Test(arguments: ["gettysburg.txt", "caesar.txt", "berlin-wall.txt"])
  func extractionTable(name: String) throws {
    let draft = Drafter.draft(text: try Texts.text(Texts.fixture(name)), options: DraftOptions(id: "x", sourceFile: name))
    let table = Texts.tables(draft)
    let expected = Self.tables[name]!
    #expect(table == expected, "\(table.filter { !expected.contains($0) }) unexpected; \(expected.filter { !table.contains($0) }) missing")
  }

  @Test(arguments: ["gettysburg.txt", "caesar.txt", "berlin-wall.txt"])
  func draftLintsCleanQuotesVerbatimAndTellsNoLie(name: String) throws {
    let (draft, path) = try Texts.draftInFolder(Texts.fixture(name), id: Self.Slug(name))
    let report = DeckLoader.lint(fileAt: path)
    #expect(report.errorCount == 0, "\(report.diagnostics)")
    let article = try Texts.text(Texts.fixture(name)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    let deck = draft.deck
    let quotes = deck.entities.compactMap(\.source?.text) + deck.events.compactMap(\.source?.text)
      + deck.facts.compactMap(\.source?.text)
    #expect(!quotes.isEmpty)
    for q in quotes { #expect(article.contains(q), "not verbatim: \(q)") }
    let findings = draft.audit()
    #expect(findings.isEmpty, "\(findings.map(\.description))")
    #expect(!deck.events.isEmpty)
  }

  /// Each date form the issue lists, as the Kalbajar article words it, and the numbers with unit and hedge.
  @Test func kalbajarDatesAndQuantities() throws {
    let draft = Drafter.draft(text: try Texts.text(Texts.kalbajarSource), options: DraftOptions(id: "k", sourceFile: "k.txt"))
    let table = Texts.tables(draft)
    for line in [
      "date s0 'March and April 1993' = 1993-03/1993-04",
      "date s6 'April 3, 1993' = 1993-04-03",
      "date s9 'April' = 1993-04 (year from s6)",
      "date s11 'winter 1993–1994' = winter 1993/1994",
      "date s14 'late 1980s' = late 1980s",
      "date s15 '1991' = by 1991",
      "date s18 'summer of 1992' = summer 1992",
      "date s19 'October 1992' = by 1992-10",
      "date s24 'February-March 1993' = 1993-02/1993-03",
      "date s41 'March 28' = 1993-03-28 (year from s28)",
      "quantity s7 'more than 1,900 square kilometres' = 1900 square kilometres [more-than]",
      "quantity s8 'an estimated 60,000' = 60000 [estimated] of 'Kurdish and Azerbaijani civilians'",
      "quantity s13 'approximately 76%' = 76 % [about]",
      "quantity s34 'several hundred' = 500 [several-hundred] of 'men'",
      "quantity s34 'fifty-man' = 50 men",
      "quantity s42 'twenty-nine kilometres' = 29 kilometres",
      "quantity s53 'as many as eleven' = 11 [as-many-as]",
      "person s20 'Surat Huseynov' aka Colonel Surat Huseynov role 'Colonel'",
      "person s28 'Serzh Sargsyan' aka Sargsyan role 'member of the State Defence Committee of the NKR at the time of the battle'",
      "person s29 'Monte Melkonian' aka Melkonian",
      "place s34 'Aghdaban' type 'village'",
      "place s42 'Tartar River' type 'river'",
      "place s21 'Murov Mountains' type 'mountains'",
      "place s24 'Omar Pass' type 'pass'",
      "unit s63 '709th brigade' type 'brigade'",
      "organisation s77 'Resolution 822' aka United Nations Security Council Resolution 822 type 'resolution'",
      "organisation s28 'State Defence Committee of the NKR' type 'committee'",
    ] {
      #expect(table.contains(line), "missing: \(line)")
    }
    // The event of a sentence with a date quotes it and is dated by it.
    let fell = try #require(draft.deck.events.first { $0.title == "the provincial capital fell" })
    #expect(fell.date?.deckForm == "1993-04-03")
    #expect(fell.source?.text == "After initial heavy resistance, the Azerbaijani defence quickly collapsed and the provincial capital fell on April 3, 1993.")
    // A number without a date is a fact whose term is the number and its unit.
    #expect(draft.deck.facts.contains { $0.term == "1,900 square kilometres" && $0.answerType == .number })
  }

  static func Slug(_ name: String) -> String { DeckPath.slug(String(name.dropLast(4))) }
}
