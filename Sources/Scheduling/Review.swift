import Foundation

/// One review of a card: which card, when, and the answer's rating — the one review type of Scheduling, the
/// review-log reader, the optimizer and its simulators.
public struct Review: Sendable, Equatable {
  /// The card's id (as written in a review log, or as stored).
  public var cardID: String
  /// When the review happened.
  public var time: Date
  /// The answer.
  public var rating: Rating
  /// How long the answer took, in milliseconds, if logged.
  public var durationMilliseconds: Int?

  /// A review with the given fields.
  public init(cardID: String, time: Date, rating: Rating, durationMilliseconds: Int? = nil) {
    self.cardID = cardID
    self.time = time
    self.rating = rating
    self.durationMilliseconds = durationMilliseconds
  }
}
