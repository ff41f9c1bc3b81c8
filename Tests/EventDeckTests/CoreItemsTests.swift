import Foundation
import Testing

@testable import EventDeck

/// A deck read from YAML text (lint diagnostics kept), for the `core:` mark and its default.
private func lint(_ yaml: String) -> DeckReport {
  DeckLoader.lint(data: Data(yaml.utf8), path: "core.yaml", baseDirectory: URL(fileURLWithPath: "/nonexistent"))
}

private let header = """
  deck:
    id: siege
    title: The Siege of Eastford
    eras:
      - {id: before, title: Before, from: "1900", to: "1901"}
      - {id: siege, title: The siege, from: "1902", to: "1903"}

  """

/// A deck with background first: two early events, the title event and another siege event, people named by
/// events (ada three times, bo twice, cy once), and a place named twice.
private let body = """
  people:
    - {id: ada, name: Ada Byron}
    - {id: bo, name: Bo Peep}
    - {id: cy, name: Cy Young}
  places:
    - {id: eastford, name: Eastford}
  events:
    - {id: early, title: the early quarrel, date: "1900", era: before, actors: [ada, bo, cy], places: [eastford]}
    - {id: later, title: the later quarrel, date: "1901", era: before, actors: [ada]}
    - {id: siege-of-eastford, title: the Siege of Eastford, date: "1902", era: siege, actors: [ada, bo], places: [eastford]}
    - {id: sortie, title: the sortie, date: "1903", era: siege}

  """

@Suite("The core mark and its default")
struct CoreItemsTests {
  @Test("the default core: the title event, its era, and the people and places events name at least twice")
  func defaultCore() throws {
    let report = lint(header + body)
    let deck = try #require(report.deck, "\(report.diagnostics)")
    #expect(deck.titleEvent?.id == "siege-of-eastford")
    #expect(deck.coreItems == ["siege-of-eastford", "sortie", "ada", "bo", "eastford"])
  }

  @Test("heart-first: the title event's cards, then the core (a person or place after every three), then the rest")
  func heartFirst() throws {
    let deck = try #require(lint(header + body).deck)
    let items = ["ada", "bo", "cy", "eastford", "early", "later", "siege-of-eastford", "sortie"]
    let cards = items.flatMap { [$0 + "/a", $0 + "/b"] }
    let ordered = deck.heartFirst(cards) { String($0.split(separator: "/")[0]) }
    #expect(
      ordered == [
        "siege-of-eastford/a", "siege-of-eastford/b", "sortie/a", "sortie/b", "ada/a", "ada/b", "bo/a", "bo/b",
        "eastford/a", "eastford/b", "cy/a", "cy/b", "early/a", "early/b", "later/a", "later/b",
      ])
  }

  @Test("`core: true` marks decide alone; `core: false` takes an item out of the default")
  func marks() throws {
    let marked = try #require(lint(header + body.replacingOccurrences(
      of: "{id: later, title: the later quarrel,", with: "{id: later, core: true, title: the later quarrel,")).deck)
    #expect(marked.coreItems == ["later"])
    let unmarked = try #require(lint(header + body.replacingOccurrences(
      of: "{id: sortie, title: the sortie,", with: "{id: sortie, core: no, title: the sortie,")).deck)
    #expect(unmarked.coreItems == ["siege-of-eastford", "ada", "bo", "eastford"])
    #expect(unmarked.event("sortie")?.core == false)
  }

  @Test("a deck without a title event has no core era, so its order stays the deck's")
  func noTitleEvent() throws {
    let deck = try #require(lint(header.replacingOccurrences(of: "The Siege of Eastford", with: "Lorn") + body).deck)
    #expect(deck.titleEvent == nil)
    #expect(deck.coreItems == ["ada", "bo", "eastford"])
  }

  @Test("a `core:` that is not true or false is an error at its place, with a hint")
  func badValue() {
    let report = lint(header + body.replacingOccurrences(of: "{id: sortie,", with: "{id: sortie, core: maybe,"))
    let errors = report.diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1)
    #expect(errors.first?.message == "`core:` should be true or false, found 'maybe'")
    #expect(errors.first?.location.line == 17)
    #expect(errors.first?.location.column == 24)
    #expect(errors.first?.hint == "write `core: true` to mark the item, or leave the key out")
  }

  @Test("the Kalbajar deck's default core is the battle: its title event, its era, its commanders and places")
  func kalbajar() throws {
    let deck = try DeckLoader.load(fileAt: KalbajarSourceTests.deckPath)
    #expect(deck.titleEvent?.id == "battle-of-kalbajar")
    let core = deck.coreItems
    #expect(core.contains("battle-of-kalbajar") && core.contains("capital-falls") && core.contains("monte-melkonian"))
    #expect(!core.contains("secession-request") && !core.contains("capture-of-shusha"))
  }
}
