import CardBuilder
import Drafting
import EventDeck
import Foundation
import Testing

/// The unedited draft of the Kalbajar article: clean, truthful, and close to what the hand-made deck asks.
@Suite struct KalbajarDraftTests {
  static let drafted: (Draft, String) = try! Texts.draftInFolder(Texts.kalbajarSource, id: "kalbajar-draft")

  @Test func lintsCleanAsWritten() {
    let report = DeckLoader.lint(fileAt: Self.drafted.1)
    #expect(report.errorCount == 0, "\(report.diagnostics)")
    #expect(report.warningCount == 0, "\(report.diagnostics)")
    // The written file reads back as the draft's deck: the `# check:` comments change nothing.
    var read = report.deck
    read?.location = nil
    #expect(read.map { DeckFixtureCompare.strip($0) } == DeckFixtureCompare.strip(Self.drafted.0.deck))
  }

  @Test func everyCardsAnswerStandsInItsQuote() {
    let draft = Self.drafted.0
    let cards = CardBuilder(deck: draft.deck).cards()
    #expect(cards.count > 200)
    let findings = draft.audit()
    #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
    // Every card quotes a sentence.
    #expect(cards.allSatisfy { $0.source != nil })
  }

  @Test func sentencesAndHeadingsOfTheArticle() throws {
    let doc = Self.drafted.0.document
    #expect(doc.title == "Battle of Kalbajar")
    #expect(
      doc.headings.map(\.title) == [
        "Background", "The region of Kalbajar", "Rationale for its taking", "The battle", "Heavy resistance",
        "Melkonian's advance", "Final push", "Political ramifications", "Notes", "References", "Bibliography",
        "External links",
      ])
    let texts = doc.sentences.map(\.text)
    // A heading run into the next sentence is cut off it; citation marks after the full stop are left out.
    #expect(texts.contains("An autonomous oblast during the Soviet era under the jurisdiction of the Azerbaijan SSR, Nagorno-Karabakh's population was approximately 76% ethnic Armenian."))
    #expect(texts.contains("As a result of the battle, an estimated 60,000 Kurdish and Azerbaijani civilians were displaced."))
    // "U.S., Russia and Turkey" does not end a sentence; a quotation's inner full stops do not either.
    #expect(texts.contains { $0.hasPrefix("In an attempt to end the hostilities, U.S., Russia and Turkey reiterated") })
    #expect(texts.contains { $0.hasPrefix("He stated, \"This is a historical issue... of course this is historical Armenia... And we'll vindicate") && $0.hasSuffix("and that's that\".") })
    // A line ending in a colon ends its sentence.
    #expect(texts.contains("An account of the war-weariness afflicting the inhabitants of the town was described by Melkonian's elder brother, Markar:"))
    // Every sentence is word for word in the article.
    let article = try Texts.text(Texts.kalbajarSource).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for s in texts { #expect(article.contains(s), "not verbatim: \(s)") }
  }

  @Test func theHandDecksAnswersTheDraftAsks() throws {
    let hand = try DeckLoader.load(fileAt: Texts.kalbajarDeck.path)
    let coverage = DraftCoverage(hand: hand, draft: Self.drafted.0.deck)
    print("Kalbajar draft coverage of the hand deck: \(coverage.summary)")
    print("  dates missed: \(coverage.dates.missed.joined(separator: ", "))")
    print("  numbers missed: \(coverage.numbers.missed.joined(separator: ", "))")
    print("  names missed: \(coverage.names.missed.joined(separator: ", "))")
    #expect(coverage.ratio >= 0.6, "\(coverage.summary)")
    #expect(coverage.dates.ratio >= 0.5, "\(coverage.summary)")
    #expect(coverage.numbers.ratio >= 0.6, "\(coverage.summary)")
    #expect(coverage.names.ratio >= 0.6, "\(coverage.summary)")
    // The figures a teacher would ask first are among them.
    #expect(coverage.dates.covered.contains("1993-04-03"))
    #expect(coverage.dates.covered.contains("1993-03/1993-04"))
    #expect(coverage.numbers.covered.contains("1,900 square kilometres"))
    #expect(coverage.names.covered.contains("Monte Melkonian"))
  }

  @Test func inferredYearsAreMarkedForChecking() throws {
    let draft = Self.drafted.0
    // "On March 28, Melkonian's forces resumed their attack …": the year comes from earlier sentences.
    let event = try #require(draft.deck.events.first { $0.source?.text.hasPrefix("On March 28,") ?? false })
    #expect(event.date == DateSpec(start: HistoricalDate(year: 1993, month: 3, day: 28)))
    #expect(draft.yearSources[event.id] != nil)
    #expect(draft.notes[event.id]?.contains { $0.contains("inferred") } == true)
    let yaml = try draft.yaml()
    #expect(yaml.contains("\n# check: the year 1993 is inferred from an earlier sentence"))
  }
}

/// Compares decks without their source locations.
enum DeckFixtureCompare {
  static func strip(_ deck: Deck) -> Deck {
    var d = deck
    d.location = nil
    d.sources = d.sources.map { var s = $0; s.location = nil; return s }
    d.eras = d.eras.map { var e = $0; e.location = nil; return e }
    func entity(_ e: Entity) -> Entity { var e = e; e.location = nil; e.source?.location = nil; return e }
    d.people = d.people.map(entity)
    d.places = d.places.map(entity)
    d.units = d.units.map(entity)
    d.organisations = d.organisations.map(entity)
    d.events = d.events.map { e in
      var e = e
      e.location = nil
      e.source?.location = nil
      e.quantities = e.quantities.map { var q = $0; q.location = nil; q.source?.location = nil; return q }
      return e
    }
    d.facts = d.facts.map { var f = $0; f.location = nil; f.source?.location = nil; return f }
    return d
  }
}
