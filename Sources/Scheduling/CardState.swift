import Foundation

/// Where a card is in its life: never seen, in learning steps, in day-interval review, or relearning after a lapse.
public enum CardPhase: String, Codable, Sendable, CaseIterable {
  case new
  case learning
  case review
  case relearning
}

/// A card's FSRS memory: stability in days and difficulty 1…10.
public struct MemoryState: Codable, Sendable, Equatable {
  /// Days until retrievability falls to 90%.
  public var stability: Double
  /// How hard the card is, 1 (easy) … 10 (hard).
  public var difficulty: Double

  /// A memory state with the given stability and difficulty.
  public init(stability: Double, difficulty: Double) {
    self.stability = stability
    self.difficulty = difficulty
  }
}

/// Everything a scheduler needs to know about one card, and everything it decides.
public struct CardState: Codable, Sendable, Equatable {
  /// The card's phase.
  public var phase: CardPhase
  /// When the card is next due (for day intervals: the start of the due study day).
  public var due: Date
  /// FSRS stability in days; nil before the first FSRS review.
  public var stability: Double?
  /// FSRS difficulty 1…10; nil before the first FSRS review.
  public var difficulty: Double?
  /// The index of the current (re)learning step.
  public var step: Int
  /// Reviews so far.
  public var reps: Int
  /// Times the card was forgotten after graduating (Again on a review card).
  public var lapses: Int
  /// When the card was last reviewed.
  public var lastReview: Date?
  /// The interval in days last scheduled (0 while in steps).
  public var scheduledDays: Int
  /// SM-2 ease factor (2.5 to start); nil under FSRS.
  public var ease: Double?

  /// A state with every field given.
  public init(
    phase: CardPhase, due: Date, stability: Double? = nil, difficulty: Double? = nil, step: Int = 0,
    reps: Int = 0, lapses: Int = 0, lastReview: Date? = nil, scheduledDays: Int = 0, ease: Double? = nil
  ) {
    self.phase = phase
    self.due = due
    self.stability = stability
    self.difficulty = difficulty
    self.step = step
    self.reps = reps
    self.lapses = lapses
    self.lastReview = lastReview
    self.scheduledDays = scheduledDays
    self.ease = ease
  }

  /// A card never reviewed, available from `due`.
  public static func new(due: Date = Date(timeIntervalSince1970: 0)) -> CardState {
    CardState(phase: .new, due: due)
  }

  /// Anki's leech threshold: a card forgotten this many times after graduating is a leech.
  public static let leechThreshold = 8

  /// Whether the card has lapsed at least `threshold` times (the study loop may flag or suspend it).
  public func isLeech(threshold: Int = CardState.leechThreshold) -> Bool { lapses >= threshold }

  /// The FSRS memory state, if the card has one.
  public var memory: MemoryState? {
    guard let stability, let difficulty else { return nil }
    return MemoryState(stability: stability, difficulty: difficulty)
  }
}

/// A scheduler: decides a card's next state from its state, the rating and the time of the answer.
public protocol Scheduler: Sendable {
  /// The scheduler's name as stored in the review log ("fsrs", "sm2").
  var name: String { get }
  /// The parameters used, as compact JSON, stored with every review.
  var parametersJSON: String { get }
  /// The clock that turns times into study days.
  var clock: StudyDayClock { get }
  /// The card's state after answering `rating` at `now`; `cardID` seeds the fuzz.
  func schedule(_ state: CardState, rating: Rating, now: Date, cardID: String) -> CardState
  /// The probability of recalling the card at `date`, or nil for a card never reviewed.
  func retrievability(_ state: CardState, at date: Date) -> Double?
}

extension Scheduler {
  /// The state after each rating, for showing "Again 10m · Good 3d" before the learner answers.
  public func preview(_ state: CardState, now: Date, cardID: String) -> [Rating: CardState] {
    Dictionary(uniqueKeysWithValues: Rating.allCases.map { ($0, schedule(state, rating: $0, now: now, cardID: cardID)) })
  }
}
