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

  /// 634 cards since issue 14's wording (questions from the events' own summaries, no "did … take place"): 652
  /// before, 18 deliberately no longer made — 6 date cards of two statements (sargsyan-statement,
  /// dalibaltyan-interview: date, choice/date, event), 4 actor cards that gave their answer away
  /// (azerbaijani-summer-offensive, incursions-reported: actor, choice/actor), 8 clozes (6 whose blank was a common
  /// word — "capital", "tunnel", "third force", "primary attacking force", "driver of the truck", "his daughter" — and
  /// 2 the rest of their sentence filled in: kalbajar-town, turkey-closes-border); every id kept, most prompts and
  /// many distractors new.
  @Test func kalbajarDeckCardsAreByteIdentical() throws {
    let deck = try DeckLoader.load(fileAt: Self.kalbajarPath)
    let (digest, count) = try Self.digest(CardBuilder(deck: deck).cards())
    #expect(count == 634 && digest == "df340d3b6842fd19", "Decks/kalbajar.yaml: \(count) cards, digest \(digest)")
  }

  /// 181 since issue 14's wording (188 before): the templates no longer say "did … take place"; 7 cards not made —
  /// 4 giveaways (displacement place and choice/place, offensive-begins actor and choice/actor), a
  /// "provincial capital" cloze, "Where is Kalbajar?" → Kalbajar District, and Turkey's role, which has too few
  /// options once "state that co-sponsored Resolution 822 with Turkey" is ruled out by the question.
  @Test func fixtureDeckCardsAreByteIdentical() throws {
    let (digest, count) = try Self.digest(CardBuilder(deck: FixtureDeck.deck).cards())
    #expect(count == 181 && digest == "15148ef1b6b391b0", "FixtureDeck: \(count) cards, digest \(digest)")
  }

  /// A generated deck large enough for distractor pools, timelines and outcome draws to take their long paths.
  /// 14,777 since issue 14's wording (14,780 before): event 44's place cards and cloze ("Where was the operation
  /// number 44 …?" → Village 44) give their answer away.
  @Test func generatedDeckCardsAreByteIdentical() throws {
    let (digest, count) = try Self.digest(CardBuilder(deck: GeneratedDeck.deck(events: 1_500)).cards())
    #expect(count == 14777 && digest == "975193a0f9dd77aa", "GeneratedDeck(1,500 events): \(count) cards, digest \(digest)")
  }
}
