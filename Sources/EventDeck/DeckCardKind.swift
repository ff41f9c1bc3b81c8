/// The kinds of generated card a deck can switch off (`disable:`) or reword (`questions:`).
///
/// CardBuilder's kinds use these raw values, so a deck's `disable: [cloze]` means the same card kind there.
public enum DeckCardKind: String, Sendable, Codable, CaseIterable {
  /// "When did <event> take place?"
  case date
  /// "Which of these happened on <date>?" (multiple choice, date to event)
  case event
  /// "Where did <event> take place?"
  case place
  /// "Who carried out <event>?"
  case actor
  /// "How many …?" from an event's quantities.
  case quantity
  /// "What was the outcome of <event>?"
  case outcome
  /// "Who was <person>?" answered with the role.
  case role
  /// "Who was the <role>?" answered with the name.
  case name
  /// "In which place does <place> lie?"
  case within
  /// "Which came first?" and putting events in order.
  case order
  /// Multiple choice versions of the questions above.
  case choice
  /// A sentence with its key term blanked out.
  case cloze
  /// A fact's own question.
  case fact
}
