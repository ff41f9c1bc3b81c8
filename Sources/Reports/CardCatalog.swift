import Foundation

/// What reports and the simulator know about cards beyond the store: their text, source sentence and wrong options.
///
/// The store keeps only ids, kinds and progress; the text comes from the deck. A report without a catalog still
/// renders, with card ids in place of questions.
public struct CardCatalog: Codable, Sendable, Equatable {
  /// The deck's id.
  public var deckID: String
  /// The deck's title.
  public var deckTitle: String
  /// Era titles by era id.
  public var eraTitles: [String: String]
  /// Names of the deck's people, places, units and organisations, for recognising "a name given for another".
  public var entityNames: [String: String]
  /// The cards, in deck order.
  public var cards: [CatalogCard]

  /// A catalog with the given values.
  public init(
    deckID: String, deckTitle: String, eraTitles: [String: String] = [:], entityNames: [String: String] = [:],
    cards: [CatalogCard]
  ) {
    self.deckID = deckID
    self.deckTitle = deckTitle
    self.eraTitles = eraTitles
    self.entityNames = entityNames
    self.cards = cards
  }

  /// The cards by id.
  public var byID: [String: CatalogCard] {
    Dictionary(cards.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }
}

/// One card's text.
public struct CatalogCard: Codable, Sendable, Equatable {
  /// The card's stable id (as in the store).
  public var id: String
  /// The card kind ("when", "who", "how-many", …).
  public var kind: String
  /// The item the card comes from (siblings share it).
  public var group: String
  /// The question.
  public var prompt: String
  /// The expected answer.
  public var answer: String
  /// What the answer is: "date", "name", "number" or "text".
  public var answerType: String
  /// Wrong options the deck offers (multiple-choice distractors, other entities' names, nearby dates).
  public var distractors: [String]
  /// The sentence the card rests on.
  public var source: String?
  /// The era, if any.
  public var era: String?
  /// Tags (topics).
  public var tags: [String]

  /// A card with the given values.
  public init(
    id: String, kind: String, group: String, prompt: String, answer: String, answerType: String = "text",
    distractors: [String] = [], source: String? = nil, era: String? = nil, tags: [String] = []
  ) {
    self.id = id
    self.kind = kind
    self.group = group
    self.prompt = prompt
    self.answer = answer
    self.answerType = answerType
    self.distractors = distractors
    self.source = source
    self.era = era
    self.tags = tags
  }
}

/// The broad category of a card kind, as reports group them: dates, people, places, numbers, order, other.
public enum KindCategory {
  /// The category of `kind` (a card kind as stored), using `answerType` when the kind says nothing.
  public static func of(kind: String, answerType: String? = nil) -> String {
    let k = kind.lowercased()
    func has(_ words: String...) -> Bool { words.contains { k.contains($0) } }
    if has("when", "date", "year", "day") { return "dates" }
    if has("who", "person", "actor", "people", "commander", "role") || k == "name" { return "people" }
    if has("where", "place", "location", "within") { return "places" }
    if has("many", "number", "quantity", "count", "much") { return "numbers" }
    if has("order", "first", "sequence", "timeline") { return "order" }
    switch answerType {
    case "date": return "dates"
    case "name": return "people"
    case "number": return "numbers"
    default: return "other"
    }
  }
}
