import EventDeck

/// One question card: what is asked, what is accepted, and where it comes from.
///
/// Ids are `deck/item/kind` (plus a sub-part for several cards of one kind, e.g. `kalbajar/tunnel-incident/quantity/killed`),
/// so rewording, fixing typos or reordering the deck keeps a learner's progress.
public struct Card: Sendable, Codable, Equatable, Identifiable {
  /// Stable id: deck id, item id, card kind (and a sub-part when an item has several of one kind).
  public var id: String
  /// The deck's id.
  public var deck: String
  public var kind: CardKind
  /// The question as shown to the learner (for multiple choice and orderings, without the options).
  public var prompt: String
  /// The expected answer, for display.
  public var answer: String
  /// Other accepted forms of the answer (aliases, spelling variants, the deck's `accept:`).
  public var accepted: [String]
  /// Options in display order (multiple choice), or the items to put in order, shuffled.
  public var choices: [String]
  /// The event, entity, fact or hand card id the card was built from.
  public var item: String
  /// Cards sharing this group come from the same item; the scheduler buries siblings.
  public var siblingGroup: String
  /// The source sentence the card rests on.
  public var source: String?
  /// The item's tags.
  public var tags: [String]
  /// The item's era id.
  public var era: String?
  /// What kind of answer the checker should expect.
  public var expectation: Expectation

  public init(
    id: String, deck: String, kind: CardKind, prompt: String, answer: String, accepted: [String] = [],
    choices: [String] = [], item: String, siblingGroup: String, source: String? = nil, tags: [String] = [],
    era: String? = nil, expectation: Expectation
  ) {
    self.id = id
    self.deck = deck
    self.kind = kind
    self.prompt = prompt
    self.answer = answer
    self.accepted = accepted
    self.choices = choices
    self.item = item
    self.siblingGroup = siblingGroup
    self.source = source
    self.tags = tags
    self.era = era
    self.expectation = expectation
  }

  /// The index of the right option, for multiple choice.
  public var correctChoice: Int? {
    if case .choice(let index) = expectation { return index }
    return nil
  }

  /// Indices into `choices`, earliest first, for orderings.
  public var correctOrder: [Int]? {
    if case .ordering(let order) = expectation { return order }
    return nil
  }

  /// The answer and every accepted form.
  public var acceptedForms: [String] { [answer] + accepted }
}

/// What kind of answer a card expects, and what makes it right.
public enum Expectation: Sendable, Codable, Equatable {
  /// One of the deck's entities (any of `ids`), by name, alias or an unambiguous surname.
  case entity(ids: [String])
  /// Free text matching the answer or an accepted form; `isName` makes spelling matter (a typo is "close").
  case text(isName: Bool)
  /// A date, with the window the source allows.
  case date(DateExpectation)
  /// A number, with its unit and the range the source allows.
  case quantity(QuantityExpectation)
  /// Multiple choice: the index of the right option in `choices`.
  case choice(correct: Int)
  /// Ordering: indices into `choices`, earliest first.
  case ordering(correct: [Int])
}

/// A date answer: the deck's date and the stretch of days an answer may name.
public struct DateExpectation: Sendable, Codable, Equatable {
  /// The date as the deck states it.
  public var spec: DateSpec
  /// First day an answer may name (inclusive).
  public var earliest: HistoricalDate
  /// Last day an answer may name (inclusive).
  public var latest: HistoricalDate
  /// How precise an answer must be to be fully right.
  public var precision: HistoricalDate.Precision

  public init(spec: DateSpec, earliest: HistoricalDate, latest: HistoricalDate, precision: HistoricalDate.Precision) {
    self.spec = spec
    self.earliest = earliest
    self.latest = latest
    self.precision = precision
  }
}

/// A number answer: value, unit and the accepted range.
public struct QuantityExpectation: Sendable, Codable, Equatable {
  public var value: Double
  /// The unit as the deck writes it ("kilometres", "%"); nil for a plain count.
  public var unit: String?
  public var qualifier: QuantityQualifier
  /// Smallest accepted value.
  public var low: Double
  /// Largest accepted value.
  public var high: Double

  public init(value: Double, unit: String?, qualifier: QuantityQualifier, low: Double, high: Double) {
    self.value = value
    self.unit = unit
    self.qualifier = qualifier
    self.low = low
    self.high = high
  }

  /// The accepted range for a deck quantity: its tolerance, or the default for its qualifier.
  public init(_ quantity: Quantity) {
    let v = quantity.value
    var low = v
    var high = v
    switch quantity.qualifier {
    case .exact:
      let t = quantity.tolerance ?? 0
      low = v - t
      high = v + t
    case .about, .estimated, .nearly, .severalHundred:
      let t = quantity.tolerance ?? (abs(v) * 0.1)
      low = v - t
      high = v + t
    case .moreThan, .asManyAs, .atLeast:
      let t = quantity.tolerance ?? (abs(v) * 0.1)
      high = v + t
    }
    self.init(value: v, unit: quantity.unit, qualifier: quantity.qualifier, low: low, high: high)
  }
}
