import Foundation
import Reports
import Study
import Testing

@Suite("Catalogs from deck files")
struct CatalogTests {
  static let deckPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Decks/kalbajar.yaml").path

  @Test func theCatalogHasTheStudySessionsCardsWithSameKindDistractors() throws {
    let material = try StudyMaterial.load(paths: [Self.deckPath])
    let catalog = try #require(CardCatalog.catalogs(of: material).first)
    #expect(catalog.deckID == "kalbajar")
    #expect(catalog.cards.map(\.id) == material.cards.map(\.id))
    #expect(catalog.entityNames["Monte Melkonian"] == "person")
    let answersByKind = Dictionary(grouping: catalog.cards, by: \.kind).mapValues { Set($0.map(\.answer)) }
    let typed = catalog.cards.filter { ["date", "name", "within", "quantity"].contains($0.kind) }
    #expect(!typed.isEmpty)
    for card in typed {
      #expect(!card.distractors.contains(card.answer), "\(card.id) offers its own answer as a distractor")
      #expect(card.distractors.allSatisfy { answersByKind[card.kind]?.contains($0) == true })
    }
    #expect(typed.filter { !$0.distractors.isEmpty }.count > typed.count / 2)
  }
}
