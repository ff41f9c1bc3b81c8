import CardBuilder
import EventDeck
import Foundation
import Reports
import Testing

@Suite("Catalogs from deck files, and report categories from card kinds")
struct CatalogTests {
  @Test func theCatalogHasTheBuildersCardsWithSameKindDistractors() throws {
    let catalog = try Support.catalog()
    #expect(catalog.deckID == "kalbajar")
    #expect(catalog.cards.map(\.id) == CardBuilder(deck: catalog.deck).cards().map(\.id))
    #expect(catalog.entityNames["Monte Melkonian"] == "person")
    #expect(catalog.cards.allSatisfy { !$0.id.contains(":") && $0.id.hasPrefix("kalbajar/") })
    let answersByKind = Dictionary(grouping: catalog.cards, by: \.kind).mapValues { Set($0.map(\.answer)) }
    let typed = catalog.cards.filter { [.date, .name, .within, .quantity].contains($0.kind) }
    #expect(!typed.isEmpty)
    for card in typed {
      let distractors = catalog.distractors(of: card)
      #expect(!distractors.contains(card.answer), "\(card.id) offers its own answer as a distractor")
      #expect(distractors.allSatisfy { answersByKind[card.kind]?.contains($0) == true })
    }
    #expect(typed.filter { !catalog.distractors(of: $0).isEmpty }.count > typed.count / 2)
    let choice = try #require(catalog.cards.first { $0.correctChoice != nil })
    #expect(catalog.distractors(of: choice).count == choice.choices.count - 1)
  }

  @Test(arguments: [
    (CardKind.date, "k/e/date", CardCategory.dates), (.event, "k/e/event", .dates), (.place, "k/e/place", .places),
    (.within, "k/p/within", .places), (.actor, "k/e/actor", .people), (.name, "k/p/name", .people),
    (.role, "k/p/role", .people), (.quantity, "k/e/quantity/killed", .numbers), (.order, "k/e/order", .order),
    (.choice, "k/e/choice/date", .dates), (.choice, "k/e/choice/place", .places), (.choice, "k/e/choice/actor", .people),
    (.choice, "k/e/choice/quantity-killed", .numbers), (.outcome, "k/e/outcome", .other), (.fact, "k/f/fact", .other),
    (.hand, "k/h/hand", .other),
  ])
  func everyKindHasACategoryWithoutItsDeck(kind: CardKind, id: String, category: CardCategory) {
    #expect(CardCategory(kind: kind, id: id) == category)
  }

  @Test func kalbajarsCategoriesFollowWhatEachCardAsks() throws {
    let catalog = try Support.catalog()
    let deck = catalog.deck
    var counts: [CardCategory: Int] = [:]
    for card in catalog.cards {
      let category = catalog.category(of: card)
      counts[category, default: 0] += 1
      switch card.kind {
      case .role:
        // A place's role card is about a place, not a person.
        let isPlace = deck.entity(card.item)?.kind == .place
        #expect(category == (isPlace ? .places : .people), "\(card.id)")
      case .choice:
        #expect(category != .other, "\(card.id): a choice variant takes its question's category")
      case .cloze, .fact, .hand:
        switch card.expectation {
        case .date: #expect(category == .dates, "\(card.id)")
        case .quantity: #expect(category == .numbers, "\(card.id)")
        case .entity(let ids): #expect(category == (deck.entity(ids[0])?.kind == .place ? .places : .people), "\(card.id)")
        default: break
        }
      default: #expect(category == CardCategory(kind: card.kind, id: card.id), "\(card.id)")
      }
    }
    // Every category but order is asked somewhere in the deck; "other" is no longer most of them.
    for category in [CardCategory.dates, .people, .places, .numbers] { #expect(counts[category, default: 0] > 0) }
    #expect(counts[.other, default: 0] < catalog.cards.count / 4)
    #expect(catalog.cards.contains { $0.kind == .role && catalog.category(of: $0) == .places })
  }
}
