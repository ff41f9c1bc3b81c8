import EventDeck

/// A number a sentence gives, with its hedge and unit: "more than 1,900 square kilometres".
public struct QuantityMention: Sendable, Equatable {
  /// The words that state it, hedge included ("an estimated 60,000").
  public var text: String
  /// The number and its unit as written, without the hedge ("1,900 square kilometres"): a fact's term.
  public var term: String
  public var value: Double
  /// A unit of measure as written ("square kilometres", "%", "hours", "men" for "fifty-man"); nil for a count.
  public var unit: String?
  public var qualifier: QuantityQualifier
  /// What a plain count counts, as written after it ("Kurdish and Azerbaijani civilians").
  public var noun: String?
  /// The rest of the clause when the number is its subject ("were displaced"), for "How many … were displaced?".
  public var predicate: String?
  /// Character range of `text` in the sentence's `plain` text.
  public var start: Int
  public var end: Int

  public init(
    text: String, term: String, value: Double, unit: String?, qualifier: QuantityQualifier, noun: String?,
    predicate: String?, start: Int, end: Int
  ) {
    self.text = text
    self.term = term
    self.value = value
    self.unit = unit
    self.qualifier = qualifier
    self.noun = noun
    self.predicate = predicate
    self.start = start
    self.end = end
  }
}
