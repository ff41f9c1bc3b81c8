/// A place in a deck file, 1-based, as a teacher's editor shows it.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String { "\(file):\(line):\(column)" }
}

/// A whole deck: metadata, entities, events, facts and hand-written cards.
public struct Deck: Sendable, Codable, Equatable {
  public var id: String
  public var title: String
  public var description: String
  public var language: String
  public var authors: [String]
  public var licence: String
  public var sources: [Source]
  public var eras: [Era]
  public var topics: [String]
  /// Card kinds switched off for the whole deck (raw values of `CardBuilder`'s kinds, e.g. "cloze").
  public var disabledKinds: [String]

  public var people: [Entity]
  public var places: [Entity]
  public var units: [Entity]
  public var organisations: [Entity]
  public var events: [Event]
  public var facts: [Fact]
  public var cards: [HandCard]

  /// Where the file came from (path as given) and where the `deck:` block starts.
  public var location: SourceLocation?

  public init(
    id: String, title: String, description: String = "", language: String = "en", authors: [String] = [],
    licence: String = "", sources: [Source] = [], eras: [Era] = [], topics: [String] = [],
    disabledKinds: [String] = [], people: [Entity] = [], places: [Entity] = [], units: [Entity] = [],
    organisations: [Entity] = [], events: [Event] = [], facts: [Fact] = [], cards: [HandCard] = [],
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.description = description
    self.language = language
    self.authors = authors
    self.licence = licence
    self.sources = sources
    self.eras = eras
    self.topics = topics
    self.disabledKinds = disabledKinds
    self.people = people
    self.places = places
    self.units = units
    self.organisations = organisations
    self.events = events
    self.facts = facts
    self.cards = cards
    self.location = location
  }

  /// Every entity of every kind, people first.
  public var entities: [Entity] { people + places + units + organisations }

  /// The entity with this id, of any kind.
  public func entity(_ id: String) -> Entity? { entities.first { $0.id == id } }

  /// The event with this id.
  public func event(_ id: String) -> Event? { events.first { $0.id == id } }
}

/// A cited work the deck's sentences are quoted from.
public struct Source: Sendable, Codable, Equatable {
  /// Citation key used by items' `cite:` (e.g. "wiki").
  public var key: String
  public var title: String
  public var publisher: String
  public var url: String
  public var licence: String
  /// Path of a plain-text copy, relative to the deck file, against which quotes are checked verbatim.
  public var file: String?
  public var location: SourceLocation?

  public init(
    key: String, title: String, publisher: String = "", url: String = "", licence: String = "",
    file: String? = nil, location: SourceLocation? = nil
  ) {
    self.key = key
    self.title = title
    self.publisher = publisher
    self.url = url
    self.licence = licence
    self.file = file
    self.location = location
  }
}

/// A named stretch of time used to tag and filter items ("background", "the battle").
public struct Era: Sendable, Codable, Equatable {
  public var id: String
  public var title: String
  public var from: HistoricalDate?
  public var to: HistoricalDate?
  public var location: SourceLocation?

  public init(id: String, title: String, from: HistoricalDate? = nil, to: HistoricalDate? = nil,
              location: SourceLocation? = nil) {
    self.id = id
    self.title = title
    self.from = from
    self.to = to
    self.location = location
  }
}

/// The sentence an item rests on, quoted verbatim from a source.
public struct Quote: Sendable, Codable, Equatable {
  public var text: String
  /// Citation key; nil means the deck's first source.
  public var cite: String?
  public var location: SourceLocation?

  public init(text: String, cite: String? = nil, location: SourceLocation? = nil) {
    self.text = text
    self.cite = cite
    self.location = location
  }
}

/// What sort of thing an entity is.
public enum EntityKind: String, Sendable, Codable, CaseIterable {
  case person, place, unit, organisation
}

/// A person, place, military unit or organisation.
public struct Entity: Sendable, Codable, Equatable {
  public var id: String
  public var kind: EntityKind
  public var name: String
  /// Other names and spellings accepted as the same entity (the article's own variants included).
  public var aliases: [String]
  /// A noun phrase saying who or what it is: "Armenian commander", "mountain pass", "brigade".
  public var role: String?
  /// For places: the id of the place it lies in or near.
  public var within: String?
  /// For places and units: a sub-kind ("village", "river", "brigade").
  public var type: String?
  public var tags: [String]
  public var source: Quote?
  /// Kinds switched off for this entity.
  public var disabledKinds: [String]
  /// Question wording overrides, by card kind raw value.
  public var questions: [String: String]
  public var location: SourceLocation?
  /// The deck's `core:` mark: true puts the item among the cards a first session starts with, false keeps it out
  /// of them; nil follows the default (`Deck.introductionRanks`).
  public var core: Bool? = nil

  public init(
    id: String, kind: EntityKind, name: String, aliases: [String] = [], role: String? = nil,
    within: String? = nil, type: String? = nil, tags: [String] = [], source: Quote? = nil,
    disabledKinds: [String] = [], questions: [String: String] = [:], location: SourceLocation? = nil
  ) {
    self.id = id
    self.kind = kind
    self.name = name
    self.aliases = aliases
    self.role = role
    self.within = within
    self.type = type
    self.tags = tags
    self.source = source
    self.disabledKinds = disabledKinds
    self.questions = questions
    self.location = location
  }

  /// The name and every alias.
  public var allNames: [String] { [name] + aliases }
}

/// Something that happened, at a time, in places, done by actors.
public struct Event: Sendable, Codable, Equatable {
  public var id: String
  /// A noun phrase that reads well inside a question: "the capture of Shusha".
  public var title: String
  /// One past-tense sentence for timelines and feedback: "Armenian forces captured Shusha."
  public var summary: String?
  /// The event as a short past-tense clause, for questions, where the summary does not turn into one:
  /// "Melkonian's armoured column was forced to retreat" ("By what date had … been forced to retreat?").
  public var stem: String?
  public var date: DateSpec?
  public var places: [String]
  public var actors: [String]
  public var quantities: [Quantity]
  public var outcome: String?
  public var era: String?
  public var tags: [String]
  public var source: Quote?
  public var disabledKinds: [String]
  /// Question wording overrides, by card kind raw value ("date", "place", "actor" ...).
  public var questions: [String: String]
  public var location: SourceLocation?
  /// The deck's `core:` mark: true puts the item among the cards a first session starts with, false keeps it out
  /// of them; nil follows the default (`Deck.introductionRanks`).
  public var core: Bool? = nil

  public init(
    id: String, title: String, summary: String? = nil, date: DateSpec? = nil, places: [String] = [],
    actors: [String] = [], quantities: [Quantity] = [], outcome: String? = nil, era: String? = nil,
    tags: [String] = [], source: Quote? = nil, disabledKinds: [String] = [], questions: [String: String] = [:],
    location: SourceLocation? = nil, stem: String? = nil
  ) {
    self.id = id
    self.title = title
    self.summary = summary
    self.stem = stem
    self.date = date
    self.places = places
    self.actors = actors
    self.quantities = quantities
    self.outcome = outcome
    self.era = era
    self.tags = tags
    self.source = source
    self.disabledKinds = disabledKinds
    self.questions = questions
    self.location = location
  }
}

/// How a number is hedged in the source.
public enum QuantityQualifier: String, Sendable, Codable, CaseIterable {
  case exact
  /// "about", "approximately", "an estimated", "nearly" handled as approximate.
  case about
  case estimated
  case nearly
  case moreThan = "more-than"
  case asManyAs = "as-many-as"
  case atLeast = "at-least"
  case severalHundred = "several-hundred"

  /// Whether an answer near, not at, the value is right.
  public var isApproximate: Bool { self != .exact }

  /// The English words placed before the number ("more than 1,900").
  public var words: String? {
    switch self {
    case .exact: return nil
    case .about: return "about"
    case .estimated: return "an estimated"
    case .nearly: return "nearly"
    case .moreThan: return "more than"
    case .asManyAs: return "as many as"
    case .atLeast: return "at least"
    case .severalHundred: return "several hundred"
    }
  }
}

/// A number the source gives, with its unit and what it counts.
public struct Quantity: Sendable, Codable, Equatable {
  /// Stable within its event: "displaced", "advance".
  public var id: String
  public var value: Double
  /// Unit as written ("km", "square kilometres", "%", "hours"); nil for a plain count.
  public var unit: String?
  public var qualifier: QuantityQualifier
  /// Accepted absolute error; nil means a default from the qualifier (exact: 0).
  public var tolerance: Double?
  /// What it counts, completing "How many …?": "civilians were displaced by the battle".
  public var counts: String?
  /// A whole question that overrides the generated one: "How far did Melkonian's forces advance?".
  public var question: String?
  public var source: Quote?
  public var location: SourceLocation?

  public init(
    id: String, value: Double, unit: String? = nil, qualifier: QuantityQualifier = .exact,
    tolerance: Double? = nil, counts: String? = nil, question: String? = nil, source: Quote? = nil,
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.value = value
    self.unit = unit
    self.qualifier = qualifier
    self.tolerance = tolerance
    self.counts = counts
    self.question = question
    self.source = source
    self.location = location
  }
}

/// A statement that is not an event, with the term to ask about.
public struct Fact: Sendable, Codable, Equatable {
  public var id: String
  /// The statement, containing `term` verbatim.
  public var statement: String
  /// The key term, asked about or blanked in a cloze.
  public var term: String
  /// Other accepted answers.
  public var accept: [String]
  /// The question, when the fact should be asked directly.
  public var question: String?
  /// What the answer is: a name, a date, a number, or any text.
  public var answerType: AnswerType
  public var era: String?
  public var tags: [String]
  public var source: Quote?
  public var disabledKinds: [String]
  public var location: SourceLocation?
  /// The deck's `core:` mark: true puts the item among the cards a first session starts with, false keeps it out
  /// of them; nil follows the default (`Deck.introductionRanks`).
  public var core: Bool? = nil

  public init(
    id: String, statement: String, term: String, accept: [String] = [], question: String? = nil,
    answerType: AnswerType = .text, era: String? = nil, tags: [String] = [], source: Quote? = nil,
    disabledKinds: [String] = [], location: SourceLocation? = nil
  ) {
    self.id = id
    self.statement = statement
    self.term = term
    self.accept = accept
    self.question = question
    self.answerType = answerType
    self.era = era
    self.tags = tags
    self.source = source
    self.disabledKinds = disabledKinds
    self.location = location
  }
}

/// The type of a free answer, which decides how it is checked.
public enum AnswerType: String, Sendable, Codable, CaseIterable {
  case text, name, date, number
}

/// How a hand-written card is answered.
public enum HandCardKind: String, Sendable, Codable, CaseIterable {
  case typed
  case choice
  case ordering
  case cloze
}

/// A card a teacher wrote by hand.
public struct HandCard: Sendable, Codable, Equatable {
  public var id: String
  public var kind: HandCardKind
  /// The question; for a cloze, the text with the blank written as `{{answer}}`.
  public var question: String
  /// The answer (typed, cloze), the correct option (choice).
  public var answer: String
  public var accept: [String]
  public var answerType: AnswerType
  /// Wrong options for multiple choice.
  public var choices: [String]
  /// Items in their correct order, for ordering cards.
  public var order: [String]
  public var era: String?
  public var tags: [String]
  public var source: Quote?
  public var location: SourceLocation?
  /// The deck's `core:` mark: true puts the item among the cards a first session starts with, false keeps it out
  /// of them; nil follows the default (`Deck.introductionRanks`).
  public var core: Bool? = nil

  public init(
    id: String, kind: HandCardKind, question: String, answer: String = "", accept: [String] = [],
    answerType: AnswerType = .text, choices: [String] = [], order: [String] = [], era: String? = nil,
    tags: [String] = [], source: Quote? = nil, location: SourceLocation? = nil
  ) {
    self.id = id
    self.kind = kind
    self.question = question
    self.answer = answer
    self.accept = accept
    self.answerType = answerType
    self.choices = choices
    self.order = order
    self.era = era
    self.tags = tags
    self.source = source
    self.location = location
  }
}
