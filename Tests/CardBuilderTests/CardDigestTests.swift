import DeckFixtures
import EventDeck
import Foundation
import Testing

@testable import CardBuilder

/// Pins every card the builder makes — ids, prompts, answers, distractors, orderings — as one digest of their JSON,
/// so that a speed-up (or any other change) that alters a single byte of a card shows.
///
/// When a change to the cards is intended, run the suite, check the cards (`annals cards Decks/kalbajar.yaml`) and
/// put the new digest printed by the failure here.
@Suite struct CardDigestTests {
  /// FNV-1a 64 of the cards' JSON (sorted keys), one card a line, and the number of cards.
  static func digest(_ cards: [Card]) throws -> (String, Int) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var bytes: [UInt8] = []
    for card in cards {
      bytes += try encoder.encode(card)
      bytes.append(0x0A)
    }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    return (String(hash, radix: 16), cards.count)
  }

  static let kalbajarPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Decks/kalbajar.yaml").standardized.path

  /// 652 cards since issue 13 dated three Kalbajar events at the article's precision (summer 1992, winter 1993–1994,
  /// the late 1980s): seven cards added, none removed, 36 with new distractors or orderings.
  @Test func kalbajarDeckCardsAreByteIdentical() throws {
    let deck = try DeckLoader.load(fileAt: Self.kalbajarPath)
    let (digest, count) = try Self.digest(CardBuilder(deck: deck).cards())
    #expect(count == 652 && digest == "73cc852e923e35a", "Decks/kalbajar.yaml: \(count) cards, digest \(digest)")
  }

  @Test func fixtureDeckCardsAreByteIdentical() throws {
    let (digest, count) = try Self.digest(CardBuilder(deck: FixtureDeck.deck).cards())
    #expect(count == 188 && digest == "9d11b8fd2ab902de", "FixtureDeck: \(count) cards, digest \(digest)")
  }

  /// A generated deck large enough for distractor pools, timelines and outcome draws to take their long paths.
  @Test func generatedDeckCardsAreByteIdentical() throws {
    let (digest, count) = try Self.digest(CardBuilder(deck: GeneratedDeck.deck(events: 1_500)).cards())
    #expect(count == 14780 && digest == "6bfdd092f7481c23", "GeneratedDeck(1,500 events): \(count) cards, digest \(digest)")
  }
}
