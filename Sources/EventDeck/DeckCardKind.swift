/// The kinds of card built from a deck: the single list of kinds, used by CardBuilder as `CardKind`.
///
/// Raw values appear in card ids and in a deck's `disable:` and `questions:` lists; every kind but `hand` can be
/// switched off or reworded there (`switchable`).
public enum DeckCardKind: String, Sendable, Codable, CaseIterable, Comparable {
  /// Event → its date: "When did the capture of Shusha take place?"
  case date
  /// Date → event, as multiple choice: "Which of these happened on April 3, 1993?"
  case event
  /// Event → place: "Where did … take place?"
  case place
  /// Event → actor: "Who carried out …?"
  case actor
  /// An event's number: "How many …?", "How far …?"
  case quantity
  /// Event → its outcome, as multiple choice.
  case outcome
  /// Entity → what it is, as multiple choice: "Who was Monte Melkonian?"
  case role
  /// Role → entity: "Who was the Armenian general who planned the operation?"
  case name
  /// Place → the place it lies in: "Where is the Omar Pass?"
  case within
  /// Put 3–4 events in order, earliest first.
  case order
  /// Multiple-choice variants of date, place, actor and quantity questions.
  case choice
  /// A key term blanked from the source sentence.
  case cloze
  /// A fact's own question.
  case fact
  /// A card the teacher wrote by hand.
  case hand

  /// The generated kinds a deck may name under `disable:` and `questions:` (all but `hand`), in declared order.
  public static let switchable: [DeckCardKind] = allCases.filter { $0 != .hand }

  /// Orders kinds as declared, for listings.
  public static func < (a: DeckCardKind, b: DeckCardKind) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}
