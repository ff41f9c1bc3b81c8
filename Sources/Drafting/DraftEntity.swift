import EventDeck

/// A person, place, unit or organisation a draft proposes, with the sentence that names it.
public struct DraftEntity: Sendable, Equatable {
  public var id: String
  public var kind: EntityKind
  public var name: String
  public var aliases: [String]
  /// For people and organisations: a noun phrase the sentence gives ("Colonel", "Armenian president").
  public var role: String?
  /// For places and units: the sub-kind the sentence gives ("village", "river", "brigade").
  public var type: String?
  /// The id of a place the sentence says it lies in ("the town of Vardenis, Armenia").
  public var within: String?
  /// The sentence it rests on (the one that shows its kind or role when there is one).
  public var sentence: Int
  /// How many times the text names it.
  public var mentions: Int
  /// What the draft guessed about it, for `# check:` comments.
  public var notes: [String]

  public init(
    id: String, kind: EntityKind, name: String, aliases: [String] = [], role: String? = nil, type: String? = nil,
    within: String? = nil, sentence: Int, mentions: Int = 1, notes: [String] = []
  ) {
    self.id = id
    self.kind = kind
    self.name = name
    self.aliases = aliases
    self.role = role
    self.type = type
    self.within = within
    self.sentence = sentence
    self.mentions = mentions
    self.notes = notes
  }

  /// The name and every alias.
  public var allNames: [String] { [name] + aliases }
}
