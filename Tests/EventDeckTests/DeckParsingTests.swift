import Foundation
import Testing

@testable import EventDeck

@Suite("Reading a full, valid deck")
struct DeckParsingTests {
  static let path = Fixtures.root.appendingPathComponent("full/full.yaml").path

  @Test("the deck that uses every part of the format lints clean")
  func lintsClean() {
    let report = DeckLoader.lint(fileAt: Self.path)
    #expect(report.diagnostics == [])
    #expect(report.deck != nil)
  }

  @Test("values are read as written: dates, spans, qualifiers, quantities, quotes and cites")
  func values() throws {
    let deck = try DeckLoader.load(fileAt: Self.path)
    #expect(deck.id == "northern-campaign")
    #expect(deck.authors == ["Annals tests", "A. N. Other"])
    #expect(deck.sources.map(\.key) == ["notes", "second"])
    #expect(deck.sources[0].file == "sources/notes.txt")
    #expect(deck.eras[0].from == HistoricalDate(year: 1993, month: 1))
    #expect(deck.disabledKinds == ["outcome"])
    #expect(deck.location == SourceLocation(file: Self.path, line: 3, column: 3))

    let planning = try #require(deck.event("planning-stage"))
    #expect(planning.date == DateSpec(start: .init(year: 1993, month: 2), end: .init(year: 1993, month: 3)))
    #expect(planning.source?.cite == "second")

    let begins = try #require(deck.event("campaign-begins"))
    #expect(begins.date == DateSpec(start: .init(year: 1993, month: 3, day: 27)))
    #expect(begins.location == SourceLocation(file: Self.path, line: 77, column: 5))
    #expect(begins.quantities.map(\.value) == [1200, 29])
    #expect(begins.quantities[0].qualifier == .about)
    #expect(begins.quantities[1].tolerance == 2.5)
    #expect(begins.quantities[1].unit == "km")

    let crossed = try #require(deck.event("pass-crossed"))
    #expect(crossed.date == DateSpec(start: .init(year: 1993, month: 3, day: 29), qualifier: .by))
    #expect(crossed.actors == ["twelfth-brigade"])

    let taken = try #require(deck.event("eastford-taken"))
    #expect(taken.date?.end == HistoricalDate(year: 1993, month: 4, day: 3))
    #expect(taken.questions == ["date": "On what day was Eastford taken?"])
    #expect(taken.disabledKinds == ["cloze", "choice"])
    #expect(taken.source?.text == "and took the town of Eastford on April 3, 1993.")

    #expect(deck.event("condemnation")?.date == DateSpec(start: .init(year: 1994), qualifier: .circa))
    #expect(
      deck.units.first?.source
        == Quote(
          text: "Her 12th Brigade crossed the Silver Pass", cite: "notes",
          location: SourceLocation(file: Self.path, line: 62, column: 21)))
    #expect(deck.entity("eastford")?.within == "vale-of-lorn")
    #expect(deck.facts.first?.answerType == .number)
    #expect(deck.cards.map(\.kind) == [.choice, .typed, .ordering, .cloze])
    #expect(deck.cards[3].answer == "Silver Pass")
  }

  @Test("writing a deck and reading it back gives the same deck")
  func roundTrip() throws {
    let deck = try DeckLoader.load(fileAt: Self.path)
    let text = try DeckWriter.yaml(for: deck)
    let again = DeckLoader.lint(
      data: Data(text.utf8), path: "round-trip.yaml", baseDirectory: Fixtures.root.appendingPathComponent("full"))
    #expect(again.diagnostics == [])
    let reread = try #require(again.deck)
    #expect(reread.withoutLocations == deck.withoutLocations)
  }

  @Test("text that YAML would read as null, a boolean or a number survives writing and reading back")
  func roundTripSpecialText() throws {
    var deck = Deck(id: "d", title: "null", sources: [Source(key: "k", title: "~")])
    deck.people = [
      Entity(
        id: "p", kind: .person, name: "yes", aliases: ["1993", "- dash", "a: b", "#hash"], role: "*star",
        source: Quote(text: "&anchor \"quoted\" 'single'"))
    ]
    let text = try DeckWriter.yaml(for: deck)
    let report = DeckLoader.lint(data: Data(text.utf8), path: "special.yaml", baseDirectory: Fixtures.root)
    #expect(report.diagnostics == [])
    #expect(report.deck?.withoutLocations == deck)
  }

  @Test("unquoted dates and numbers keep the text typed, not YAML's reading of it")
  func rawScalars() throws {
    let yaml = """
      deck: {id: d, title: 1993, sources: [{key: k, title: K}]}
      events:
        - {id: e, title: 2020, date: 1993-04-03, source: yes}
      """
    let report = DeckLoader.lint(data: Data(yaml.utf8), path: "raw.yaml", baseDirectory: Fixtures.root)
    #expect(report.diagnostics == [])
    #expect(report.deck?.title == "1993")
    #expect(report.deck?.events.first?.title == "2020")
    #expect(report.deck?.events.first?.source?.text == "yes")
    #expect(report.deck?.events.first?.date == DateSpec(start: .init(year: 1993, month: 4, day: 3)))
  }
}

extension Deck {
  /// The deck with every source location cleared, to compare decks read from different text.
  var withoutLocations: Deck {
    func clear(_ q: Quote?) -> Quote? { q.map { Quote(text: $0.text, cite: $0.cite) } }
    var d = self
    d.location = nil
    d.sources = d.sources.map {
      var s = $0
      s.location = nil
      return s
    }
    d.eras = d.eras.map {
      var e = $0
      e.location = nil
      return e
    }
    let entities: (Entity) -> Entity = {
      var e = $0
      e.location = nil
      e.source = clear(e.source)
      return e
    }
    d.people = d.people.map(entities)
    d.places = d.places.map(entities)
    d.units = d.units.map(entities)
    d.organisations = d.organisations.map(entities)
    d.events = d.events.map { e in
      var e = e
      e.location = nil
      e.source = clear(e.source)
      e.quantities = e.quantities.map {
        var q = $0
        q.location = nil
        q.source = clear(q.source)
        return q
      }
      return e
    }
    d.facts = d.facts.map {
      var f = $0
      f.location = nil
      f.source = clear(f.source)
      return f
    }
    d.cards = d.cards.map {
      var c = $0
      c.location = nil
      c.source = clear(c.source)
      return c
    }
    return d
  }
}
