/// One review as it travels from a learner's store to the class server: the store's compact `revlog` row with
/// the card it answers, identified for ever by the learner store's UUID and the row's id.
///
/// Times are milliseconds since 1970, as the store keeps them, so nothing is rounded on the way.
public struct SyncedReview: Codable, Sendable, Equatable {
  /// The learner store's UUID (`meta.store_uuid`): with `rowID`, the review's stable id.
  public var storeID: String
  /// The `revlog` row's id in that store (increasing).
  public var rowID: Int64
  /// The card answered.
  public var card: ReviewedCard
  /// When the answer was given (ms since 1970).
  public var time: Int64
  /// The rating, 1 (again) to 4 (easy).
  public var rating: Int
  /// The row this one follows for the same card (nil: the card's first review).
  public var prevRowID: Int64?
  /// The card's phase after the answer (0 new, 1 learning, 2 review, 3 relearning).
  public var phase: Int
  /// The learning step after the answer.
  public var step: Int
  /// Lapses after the answer.
  public var lapses: Int
  /// The interval the scheduler chose, in days.
  public var scheduledDays: Int
  /// FSRS stability after the answer.
  public var stability: Double?
  /// FSRS difficulty after the answer.
  public var difficulty: Double?
  /// SM-2 ease after the answer.
  public var ease: Double?
  /// The next due time, as milliseconds after `time`.
  public var dueOffset: Int64
  /// What the learner typed.
  public var typedAnswer: String?
  /// The answer checker's verdict ("correct", "close", "wrong", …).
  public var verdict: String?
  /// How long the answer took.
  public var responseMilliseconds: Int?
  /// The scheduler's name ("fsrs", "sm2").
  public var scheduler: String
  /// The scheduler's parameters as JSON.
  public var parameters: String
  /// Whether the answer was undone.
  public var undone: Bool

  /// A review with every field given.
  public init(
    storeID: String, rowID: Int64, card: ReviewedCard, time: Int64, rating: Int, prevRowID: Int64?, phase: Int,
    step: Int, lapses: Int, scheduledDays: Int, stability: Double?, difficulty: Double?, ease: Double?,
    dueOffset: Int64, typedAnswer: String?, verdict: String?, responseMilliseconds: Int?, scheduler: String,
    parameters: String, undone: Bool
  ) {
    self.storeID = storeID
    self.rowID = rowID
    self.card = card
    self.time = time
    self.rating = rating
    self.prevRowID = prevRowID
    self.phase = phase
    self.step = step
    self.lapses = lapses
    self.scheduledDays = scheduledDays
    self.stability = stability
    self.difficulty = difficulty
    self.ease = ease
    self.dueOffset = dueOffset
    self.typedAnswer = typedAnswer
    self.verdict = verdict
    self.responseMilliseconds = responseMilliseconds
    self.scheduler = scheduler
    self.parameters = parameters
    self.undone = undone
  }
}

/// The card a synced review answers, as the learner's store describes it.
public struct ReviewedCard: Codable, Sendable, Equatable {
  /// The card's stable id.
  public var id: String
  /// The deck it belongs to.
  public var deck: String
  /// The card's kind.
  public var kind: String
  /// Cards of one item share a group.
  public var siblingGroup: String
  /// The card's tags, space-separated as the store keeps them.
  public var tags: String
  /// The card's era.
  public var era: String?
  /// Its order of introduction.
  public var position: Int
  /// When the card was added to the learner's store (ms since 1970).
  public var added: Int64

  /// A card with every field given.
  public init(
    id: String, deck: String, kind: String, siblingGroup: String, tags: String, era: String?, position: Int,
    added: Int64
  ) {
    self.id = id
    self.deck = deck
    self.kind = kind
    self.siblingGroup = siblingGroup
    self.tags = tags
    self.era = era
    self.position = position
    self.added = added
  }
}
