/// What an Anki package holds, as read from its collection: note types, decks, notes, cards, reviews and media names.
///
/// The same model for the legacy (schema 11) and the new (schema 18) format, and for what Annals writes.
public struct AnkiCollection: Sendable, Equatable {
  /// A note type: its fields and card templates, and whether it is a cloze type.
  public struct Notetype: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var isCloze: Bool
    /// Field names in order.
    public var fields: [String]
    public var templates: [Template]

    public init(id: Int64, name: String, isCloze: Bool, fields: [String], templates: [Template]) {
      self.id = id
      self.name = name
      self.isCloze = isCloze
      self.fields = fields
      self.templates = templates
    }
  }

  /// A card template: the question and answer formats (`{{Front}}`, `{{type:Back}}`, `{{cloze:Text}}`).
  public struct Template: Sendable, Equatable {
    public var name: String
    public var questionFormat: String
    public var answerFormat: String

    public init(name: String, questionFormat: String, answerFormat: String) {
      self.name = name
      self.questionFormat = questionFormat
      self.answerFormat = answerFormat
    }
  }

  /// A note: its fields' raw HTML, tags and the note type it follows.
  public struct Note: Sendable, Equatable {
    public var id: Int64
    public var guid: String
    public var notetypeID: Int64
    public var fields: [String]
    public var tags: [String]

    public init(id: Int64, guid: String, notetypeID: Int64, fields: [String], tags: [String]) {
      self.id = id
      self.guid = guid
      self.notetypeID = notetypeID
      self.fields = fields
      self.tags = tags
    }
  }

  /// A card: which note and template (or cloze number − 1) it shows, its deck and its scheduling.
  public struct Card: Sendable, Equatable {
    public var id: Int64
    public var noteID: Int64
    public var deckID: Int64
    /// Template index, or cloze number − 1 for cloze notes.
    public var ord: Int
    /// 0 new, 1 learning, 2 review, 3 relearning.
    public var type: Int
    /// 0 new, 1 learning, 2 review, 3 day learning, −1 suspended, −2/−3 buried.
    public var queue: Int
    public var due: Int64
    /// Interval in days (review cards).
    public var interval: Int
    /// SM-2 ease × 1000.
    public var factor: Int
    public var reps: Int
    public var lapses: Int
    /// `cards.data`: JSON with FSRS memory (`s`, `d`) when Anki or Annals has computed it.
    public var data: String

    public init(
      id: Int64, noteID: Int64, deckID: Int64, ord: Int, type: Int = 0, queue: Int = 0, due: Int64 = 0,
      interval: Int = 0, factor: Int = 0, reps: Int = 0, lapses: Int = 0, data: String = "{}"
    ) {
      self.id = id
      self.noteID = noteID
      self.deckID = deckID
      self.ord = ord
      self.type = type
      self.queue = queue
      self.due = due
      self.interval = interval
      self.factor = factor
      self.reps = reps
      self.lapses = lapses
      self.data = data
    }
  }

  /// One row of the review log.
  public struct Review: Sendable, Equatable {
    /// Review time in epoch milliseconds.
    public var id: Int64
    public var cardID: Int64
    /// 1 again, 2 hard, 3 good, 4 easy; 0 for a manual reschedule.
    public var ease: Int
    /// New interval: positive days, negative seconds.
    public var interval: Int
    public var lastInterval: Int
    public var factor: Int
    /// Time taken in milliseconds.
    public var time: Int
    /// 0 learn, 1 review, 2 relearn, 3 filtered (cram), 4 manual, 5 rescheduled.
    public var type: Int

    public init(
      id: Int64, cardID: Int64, ease: Int, interval: Int, lastInterval: Int, factor: Int, time: Int, type: Int
    ) {
      self.id = id
      self.cardID = cardID
      self.ease = ease
      self.interval = interval
      self.lastInterval = lastInterval
      self.factor = factor
      self.time = time
      self.type = type
    }
  }

  /// Which container layout the package used.
  public enum Format: String, Sendable, Equatable {
    /// `collection.anki2` or `collection.anki21`, schema 11.
    case legacy
    /// `meta` + zstd `collection.anki21b`, schema 18.
    case latest
  }

  public var format: Format
  /// Collection creation time in epoch seconds (review cards' `due` counts days from it).
  public var created: Int64
  public var notetypes: [Int64: Notetype]
  /// Deck id → full name with `::` between levels.
  public var decks: [Int64: String]
  public var notes: [Note]
  public var cards: [Card]
  public var reviews: [Review]
  /// Media file names the package carries.
  public var media: [String]

  public init(
    format: Format, created: Int64, notetypes: [Int64: Notetype], decks: [Int64: String], notes: [Note],
    cards: [Card], reviews: [Review], media: [String]
  ) {
    self.format = format
    self.created = created
    self.notetypes = notetypes
    self.decks = decks
    self.notes = notes
    self.cards = cards
    self.reviews = reviews
    self.media = media
  }
}
