import Foundation
import Scheduling

/// A deck as the store knows it: its id, the hash of its file's content and where the file is.
public struct DeckInfo: Sendable, Equatable, Codable {
  /// The deck's stable id.
  public var id: String
  /// A hash of the deck file's content; a change triggers a sync.
  public var contentHash: String
  /// The deck file's path.
  public var path: String

  /// A deck with the given id, content hash and path.
  public init(id: String, contentHash: String, path: String) {
    self.id = id
    self.contentHash = contentHash
    self.path = path
  }
}

/// A card as the deck defines it, without any progress: what `sync` needs.
public struct CardRecord: Sendable, Equatable, Codable {
  /// The card's stable id.
  public var id: String
  /// The card's kind ("when", "where", "who", "choice", …).
  public var kind: String
  /// Cards with the same group (the item they come from) are siblings, buried for the day once one is answered.
  public var siblingGroup: String
  /// The card's tags.
  public var tags: [String]
  /// The card's era, if the deck gives one (filterable like a tag).
  public var era: String?

  /// A card record with the given fields.
  public init(id: String, kind: String, siblingGroup: String, tags: [String] = [], era: String? = nil) {
    self.id = id
    self.kind = kind
    self.siblingGroup = siblingGroup
    self.tags = tags
    self.era = era
  }
}

/// A card with its progress, as stored.
public struct StoredCard: Sendable, Equatable {
  /// The card's id.
  public var id: String
  /// The deck it belongs to.
  public var deckID: String
  /// The card's kind.
  public var kind: String
  /// The card's sibling group.
  public var siblingGroup: String
  /// The card's tags.
  public var tags: [String]
  /// The card's era.
  public var era: String?
  /// The scheduling state.
  public var state: CardState
  /// Suspended cards are never shown.
  public var suspended: Bool
  /// The card is hidden until this moment.
  public var buriedUntil: Date?
  /// Retired cards (removed from their deck) keep their history but leave the queue.
  public var retired: Bool
  /// Order of introduction for new cards: the order `sync` received them in (heart-first, `Deck.heartFirst`).
  public var position: Int
}

/// A review as the append-only log keeps it: the learner's answer, with the card's states before and after it,
/// the scheduler that decided, and whether it was undone.
public struct StoredReview: Sendable, Equatable {
  /// The row's id (increasing).
  public var id: Int64
  /// The card answered.
  public var cardID: String
  /// When the answer was given (to the millisecond).
  public var time: Date
  /// The rating.
  public var rating: Rating
  /// What the learner typed, if anything.
  public var typedAnswer: String?
  /// The answer checker's verdict ("correct", "close", "wrong", …).
  public var verdict: String?
  /// How long the answer took.
  public var responseMilliseconds: Int?
  /// The card's state before the answer.
  public var stateBefore: CardState
  /// The card's state after the answer.
  public var stateAfter: CardState
  /// The scheduler's name ("fsrs", "sm2").
  public var scheduler: String
  /// The scheduler's parameters as JSON.
  public var parametersJSON: String
  /// Whether the answer was undone (the row stays, marked).
  public var undone: Bool

  /// The review itself (card, time, rating, duration), as Scheduling and the optimizer know it.
  public var review: Review {
    Review(cardID: cardID, time: time, rating: rating, durationMilliseconds: responseMilliseconds)
  }
}

/// A learner's answer to record: the review (card, time, rating, duration) with what was typed and the verdict.
public struct Answer: Sendable, Equatable {
  /// The review: which card, when, the rating and how long it took.
  public var review: Review
  /// What the learner typed.
  public var typedAnswer: String?
  /// The checker's verdict.
  public var verdict: String?

  /// The card answered.
  public var cardID: String { review.cardID }
  /// The rating.
  public var rating: Rating { review.rating }
  /// When.
  public var time: Date { review.time }
  /// Response time.
  public var responseMilliseconds: Int? { review.durationMilliseconds }

  /// An answer of `review`, with what was typed and the verdict.
  public init(_ review: Review, typedAnswer: String? = nil, verdict: String? = nil) {
    self.review = review
    self.typedAnswer = typedAnswer
    self.verdict = verdict
  }

  /// An answer with the given fields.
  public init(
    cardID: String, rating: Rating, time: Date, typedAnswer: String? = nil, verdict: String? = nil,
    responseMilliseconds: Int? = nil
  ) {
    self.init(
      Review(cardID: cardID, time: time, rating: rating, durationMilliseconds: responseMilliseconds),
      typedAnswer: typedAnswer, verdict: verdict)
  }
}

/// What `sync` changed.
public struct SyncSummary: Sendable, Equatable, CustomStringConvertible {
  /// Cards seen for the first time.
  public var added = 0
  /// Cards no longer in the deck, now retired.
  public var retired = 0
  /// Retired cards that came back, with their progress.
  public var restored = 0
  /// Cards whose ids were already known and remain.
  public var kept = 0

  /// "3 new, 1 retired" (and "2 restored" when any).
  public var description: String {
    var parts = ["\(added) new", "\(retired) retired"]
    if restored > 0 { parts.append("\(restored) restored") }
    return parts.joined(separator: ", ")
  }
}

/// A finished quiz, for the quiz mode's history.
public struct QuizResult: Sendable, Equatable, Codable {
  /// The quiz's id.
  public var quizID: String
  /// Who took it.
  public var learner: String
  /// The deck quizzed on.
  public var deckID: String
  /// When it finished.
  public var time: Date
  /// The score, 0…1.
  public var score: Double
  /// Per-question results as JSON (the quiz mode's own format).
  public var questionsJSON: String

  /// A quiz result with the given fields.
  public init(quizID: String, learner: String, deckID: String, time: Date, score: Double, questionsJSON: String) {
    self.quizID = quizID
    self.learner = learner
    self.deckID = deckID
    self.time = time
    self.score = score
    self.questionsJSON = questionsJSON
  }
}
