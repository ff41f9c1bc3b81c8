import EventDeck

/// A deck drafted from a source text, with what was read from it and what was guessed.
public struct Draft: Sendable {
  /// A date read from one sentence.
  public struct FoundDate: Sendable, Equatable {
    public var sentence: Int
    public var mention: DateMention
  }

  /// A quantity read from one sentence.
  public struct FoundQuantity: Sendable, Equatable {
    public var sentence: Int
    public var mention: QuantityMention
  }

  public var deck: Deck
  /// Item id (or "deck") → what the draft guessed there, written as `# check:` comments.
  public var notes: [String: [String]]
  public var document: SourceDocument
  public var dates: [FoundDate]
  public var quantities: [FoundQuantity]
  public var entities: [DraftEntity]
  /// Event id → the sentence its year was taken from, for events whose sentence gives no year.
  public var yearSources: [String: Int]

  /// The deck as YAML with its `# check:` comments.
  public func yaml() throws -> String {
    let header = [
      "Drafted by `annals draft` from \(deck.sources.first?.file ?? "its source"). Every item quotes its sentence word for word.",
      "Lines marked `# check:` are the draft's guesses: prune, fix or accept them, then run `annals lint`.",
    ]
    return try DeckWriter.yaml(for: deck, comments: notes, header: header)
  }
}
