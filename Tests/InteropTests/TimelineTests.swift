import CardBuilder
import DeckFixtures
import EventDeck
import Foundation
import Testing

@testable import Interop

@Suite struct TimelineTests {
  @Test func theSpreadsheetFixtureReadsWithTitleErasAndBCEYears() throws {
    let url = try #require(Bundle.module.url(forResource: "rome", withExtension: "csv", subdirectory: "Fixtures"))
    let timeline = try TimelineReader.readCSV(data: try Data(contentsOf: url), file: "rome.csv")
    #expect(timeline.title?.text?.headline == "Rome")
    #expect(timeline.eras?.map { $0.startDate.year } == [-509, -27])
    #expect(timeline.events.map { $0.startDate!.year } == [-753, -44, -27, 476])
    let deck = TimelineDeckImport(timeline, deckID: "rome", fileName: "rome.csv", sourceFile: "sources/rome.txt").deck
    #expect(deck.events.map(\.era) == [nil, "the-republic", "the-empire", "the-empire"])
    #expect(deck.events[1].date == DateSpec(start: HistoricalDate(year: -44, month: 3, day: 15)))
    #expect(deck.events[0].tags == ["legend"])
  }

  @Test func unknownColumnsAreNamedWithRowAndColumn() {
    let error = #expect(throws: InteropError.self) {
      try TimelineReader.readCSV(data: Data("Year,Headlin,Text\n1969,x,y\n".utf8), file: "t.csv")
    }
    #expect(error?.place == "row 1, column 2")
    #expect(error?.message == "unknown column 'Headlin'")
    #expect(error?.hint?.hasPrefix("did you mean 'Headline'?") == true)
  }

  @Test(arguments: [
    ("Year,Headline\n1969,ok\n,missing year\n", "row 3, Year"),
    ("Year,Month,Headline\n1969,13,bad month\n", "row 2, Month"),
    ("Year,Headline,Type\n1969,x,chapter\n", "row 2, Type"),
    ("Year,Headline,Type\n1969,an era without an end,era\n", "row 2"),
    ("Year,Headline\n0,year zero\n", "row 2, Year"),
  ])
  func badRowsAreNamed(csv: String, place: String) {
    let error = #expect(throws: InteropError.self) { try TimelineReader.readCSV(data: Data(csv.utf8), file: "t.csv") }
    #expect(error?.place == place)
  }

  @Test func jsonNestedTenThousandDeepIsRefusedWithItsPlace() {
    let deep = "{\"events\": " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
    let error = #expect(throws: InteropError.self) { try TimelineReader.readJSON(data: Data(deep.utf8), file: "d.json") }
    #expect(error?.message.contains("nested too deeply") == true)
    #expect(error?.place?.hasPrefix("line 1, column ") == true)
  }

  @Test func jsonKeysAreNamed() {
    let noDate = #"{"events": [{"text": {"headline": "x"}}, {"start_date": {"year": "19x9"}}]}"#
    let error = #expect(throws: InteropError.self) { try TimelineReader.readJSON(data: Data(noDate.utf8), file: "t.json") }
    #expect(error?.place == "key events[1].start_date.year")
    let missing = #"{"events": [{"text": {"headline": "x"}}]}"#
    let second = #expect(throws: InteropError.self) { try TimelineReader.readJSON(data: Data(missing.utf8), file: "t.json") }
    #expect(second?.place == "key events[0].start_date")
  }

  @Test func exportGivesIntegerDatesTheSourceSentenceAndGroupsFromTags() throws {
    let deck = FixtureDeck.deck
    let timeline = TimelineExport.timeline(for: deck)
    let dated = deck.events.filter { $0.date != nil }
    #expect(timeline.events.count == dated.count)
    let first = try #require(timeline.events.first { $0.uniqueID == dated[0].id })
    #expect(first.text?.text == TimelineExport.escape(dated[0].source?.text ?? dated[0].summary ?? ""))
    #expect(first.group == (dated[0].tags.first ?? deck.eras.first { $0.id == dated[0].era }?.title))
    // What the exporter writes, the reader takes back.
    let back = try TimelineReader.readJSON(data: try TimelineExport.json(for: deck), file: "k.json")
    #expect(back.events.count == timeline.events.count)
  }

  @Test func csvExportDefusesFormulasAndQuotesAsRFC4180() throws {
    let card = Card(
      id: "d/x/hand", deck: "d", kind: .hand, prompt: "=1+1, \"quoted\"", answer: "@SUM", item: "x",
      siblingGroup: "x", expectation: .text(isName: false))
    let text = String(decoding: try CardCSV.data(for: [card]), as: UTF8.self)
    #expect(text == "id,deck,kind,question,choices,answer,accepted,source,tags,era\r\nd/x/hand,d,hand,\"'=1+1, \"\"quoted\"\"\",,'@SUM,,,,\r\n")
  }
}
