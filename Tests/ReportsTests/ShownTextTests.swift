import CardBuilder
import EventDeck
import Foundation
import ProgressStore
import Synchronization
import Testing

@testable import Reports

/// A deck that counts what a report asks of it.
final class CountingDeck: ReportDeck {
  let inner: CardCatalog
  let asked = Mutex<[String]>([])
  let catalogs = Mutex(0)

  init(_ inner: CardCatalog) { self.inner = inner }

  var deckID: String { inner.deckID }
  var eras: [Era] { inner.eras }
  func categories() -> [String: CardCategory] { inner.categories() }
  func cards(ids: [String]) -> [String: Card] {
    asked.withLock { $0 += ids }
    return inner.cards(ids: ids)
  }
  func catalog() -> CardCatalog {
    catalogs.withLock { $0 += 1 }
    return inner
  }
}

@Suite("A report reads card text only for the rows it shows")
struct ShownTextTests {
  static func reports() throws -> (all: LearnerReport, shown: LearnerReport, deck: CountingDeck) {
    let directory = try Support.scratch()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Support.simulate("ada", seed: 7, in: directory)
    let store = try ProgressStore(path: ProgressStore.path(forLearner: "ada", in: directory), access: .readOnly)
    defer { try? store.close() }
    let all = try ReportBuilder(now: Support.now, catalogs: [try Support.catalog()]).report(store: store, learner: "ada")
    let deck = CountingDeck(try Support.catalog())
    var builder = ReportBuilder(now: Support.now, catalogs: [deck])
    builder.cardText = .shown
    let shown = try builder.report(store: store, learner: "ada")
    return (all, shown, deck)
  }

  @Test("everything but the unshown rows' text is the same as with every card's text")
  func sameFigures() throws {
    let (all, shown, _) = try Self.reports()
    #expect(shown.weakest == all.weakest)
    #expect(!shown.weakest.isEmpty && shown.weakest.allSatisfy { $0.prompt != nil && $0.answer != nil })
    #expect(shown.weakest.contains { !$0.wrongAnswers.isEmpty })
    #expect(shown.mastery == all.mastery && shown.states == all.states && shown.activity == all.activity)
    #expect(shown.forecast == all.forecast && shown.estimatedKnowledge == all.estimatedKnowledge)
    #expect(shown.cards.count == all.cards.count)
    let weakest = Set(all.weakest.map(\.id))
    for (a, s) in zip(all.cards, shown.cards) {
      if weakest.contains(a.id) {
        #expect(s == a)
        continue
      }
      var bare = a
      bare.prompt = nil
      bare.answer = nil
      bare.source = nil
      for index in bare.wrongAnswers.indices { bare.wrongAnswers[index].confusion = nil }
      #expect(s == bare, "card \(a.id)")
    }
    // The text renderers show the same report either way.
    #expect(TextRenderer(width: 100).render(shown) == TextRenderer(width: 100).render(all))
    #expect(HTMLRenderer().render(shown) == HTMLRenderer().render(all))
  }

  @Test("the deck is asked for the weakest cards' text only")
  func asksForTheShown() throws {
    let (_, shown, deck) = try Self.reports()
    #expect(Set(deck.asked.withLock { $0 }) == Set(shown.weakest.map(\.id)))
    #expect(deck.catalogs.withLock { $0 } > 0)
  }
}
